import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRIP_DOCUMENT_KINDS, TRIP_FILE_TYPES, type UploadTripFileRequest } from '../../../../shared/schemas/trips';
import { ProblemSummary, FieldErrors } from './Problems';
import { problemsAt, type FieldProblem } from './problems';
import { tripsApi, urls, type TripFile } from './api';
import { emptyDocument, type DocumentForm, type TripForm } from './tripForm';

interface Props {
  form: TripForm;
  change: (patch: Partial<TripForm>, paths: string[]) => void;
  problems: FieldProblem[];
  tripId: string | null;
  files: TripFile[];
  onUploaded: (file: TripFile) => void;
}

/** Reads a chosen file as base64 (what the upload route takes). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function DocumentsEditor({ form, change, problems, tripId, files, onUploaded }: Props) {
  const { t } = useTranslation();
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const docs = form.documents;
  const setDoc = (i: number, patch: Partial<DocumentForm>, field: string) =>
    change({ documents: docs.map((d, j) => (j === i ? { ...d, ...patch } : d)) }, [`/documents/${i}/${field}`]);

  async function upload(i: number, file: File | undefined) {
    if (!file || !tripId) return;
    setUploading(i);
    try {
      const body: UploadTripFileRequest = { fileName: file.name, contentType: file.type as UploadTripFileRequest['contentType'], contentBase64: await readBase64(file) };
      const stored = await tripsApi.uploadFile(tripId, body);
      onUploaded(stored);
      setDoc(i, { fileId: stored.id }, 'fileId');
      setUploadError(null);
    } catch (err) {
      setUploadError(err);
    } finally {
      setUploading(null);
    }
  }

  return (
    <fieldset className="panel" data-testid="trip-documents">
      <legend>{t('tripForm.documents')}</legend>
      {docs.length === 0 && <p className="muted">{t('tripForm.noDocuments')}</p>}
      {docs.map((d, i) => {
        const at = `/documents/${i}`;
        const file = files.find((f) => f.id === d.fileId);
        return (
          <div key={i} className="grid document" data-testid="document-row">
            <label>{t('tripForm.documentKind')}
              <select name={`documentKind-${i}`} value={d.kind} onChange={(e) => setDoc(i, { kind: e.target.value as DocumentForm['kind'] }, 'kind')}>
                {TRIP_DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{t(`trips.documentKind.${k}`)}</option>)}
              </select>
            </label>
            <label>{t('tripForm.documentNumber')}
              <input name={`documentNumber-${i}`} data-path={`${at}/number`} value={d.number} maxLength={60} autoComplete="off"
                placeholder={d.kind === 'certificate_of_origin_form_e' ? 'VN-CN 25/08/0151800' : ''}
                onChange={(e) => setDoc(i, { number: e.target.value }, 'number')} />
              <FieldErrors problems={problems} path={`${at}/number`} />
            </label>
            <label>{t('tripForm.issuedOn')}
              <input type="date" name={`issuedOn-${i}`} data-path={`${at}/issuedOn`} value={d.issuedOn} onChange={(e) => setDoc(i, { issuedOn: e.target.value }, 'issuedOn')} />
            </label>
            <label>{t('tripForm.expiresOn')}
              <input type="date" name={`expiresOn-${i}`} data-path={`${at}/expiresOn`} aria-invalid={problemsAt(problems, `${at}/expiresOn`).length > 0 || undefined}
                value={d.expiresOn} onChange={(e) => setDoc(i, { expiresOn: e.target.value }, 'expiresOn')} />
              <FieldErrors problems={problems} path={`${at}/expiresOn`} />
            </label>
            <label>{t('tripForm.file')}
              {file ? (
                <span><a href={urls.tripFile(tripId!, file.id)} target="_blank" rel="noreferrer">{file.fileName}</a>{' '}
                  <button type="button" className="link" onClick={() => setDoc(i, { fileId: '' }, 'fileId')}>{t('tripForm.detachFile')}</button></span>
              ) : tripId ? (
                <input type="file" name={`file-${i}`} data-path={`${at}/fileId`} accept={TRIP_FILE_TYPES.join(',')} disabled={uploading !== null}
                  onChange={(e) => void upload(i, e.target.files?.[0])} />
              ) : (
                <span className="hint">{t('tripForm.saveToAttach')}</span>
              )}
              <FieldErrors problems={problems} path={`${at}/fileId`} />
            </label>
            <p className="row"><button type="button" className="secondary" onClick={() => change({ documents: docs.filter((_, j) => j !== i) }, ['/documents'])}>{t('tripForm.removeDocument')}</button></p>
          </div>
        );
      })}
      <ProblemSummary error={uploadError} />
      <p className="row">
        <button type="button" className="secondary" onClick={() => change({ documents: [...docs, emptyDocument()] }, [])} data-testid="add-document">+ {t('tripForm.addDocument')}</button>
        {form.direction === 'export' && !docs.some((d) => d.kind === 'certificate_of_origin_form_e') && (
          <button type="button" className="secondary" onClick={() => change({ documents: [...docs, emptyDocument('certificate_of_origin_form_e')] }, [])}>+ {t('trips.documentKind.certificate_of_origin_form_e')}</button>
        )}
      </p>
    </fieldset>
  );
}
