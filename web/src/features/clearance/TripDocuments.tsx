import { useTranslation } from 'react-i18next';
import type { TripDocument, TripFile } from '../../../../shared/schemas/trips';
import { formatDate } from '../../components/format';
import { clearanceUrls } from './api';

/** The declared documents with their files, and every file of the trip (answers included), to download. */
export function TripDocuments({ tripId, documents, files }: { tripId: string; documents: TripDocument[]; files: TripFile[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const attached = new Set(documents.map((d) => d.fileId).filter(Boolean));
  const loose = files.filter((f) => !attached.has(f.id));
  const kb = (size: number) => `${Math.max(1, Math.round(size / 1024))} KB`;
  return (
    <section data-testid="clearance-documents">
      <h2>{t('clearanceTrip.documents')}</h2>
      {documents.length === 0 && files.length === 0 && <p className="muted">{t('clearanceTrip.noDocuments')}</p>}
      <ul className="plain">
        {documents.map((d, i) => {
          const file = d.fileId ? files.find((f) => f.id === d.fileId) : undefined;
          return (
            <li key={i} data-testid="trip-document" data-kind={d.kind}>
              {t(`trips.documentKind.${d.kind}`)}: <strong>{d.number}</strong>
              {d.issuedOn && ` · ${t('clearanceTrip.issuedOn', { date: formatDate(d.issuedOn, lang) })}`}
              {d.expiresOn && ` · ${t('clearanceTrip.expiresOn', { date: formatDate(d.expiresOn, lang) })}`}
              {file && <> · <a href={clearanceUrls.tripFile(tripId, file.id)} download={file.fileName} data-testid="document-file">{file.fileName}</a> <small className="muted">({kb(file.size)})</small></>}
              {d.note && <> · <em>{d.note}</em></>}
            </li>
          );
        })}
        {loose.map((f) => (
          <li key={f.id} data-testid="trip-file">
            {t('clearanceTrip.file')}: <a href={clearanceUrls.tripFile(tripId, f.id)} download={f.fileName}>{f.fileName}</a> <small className="muted">({kb(f.size)}, sha256 {f.sha256.slice(0, 12)}…)</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
