import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { GateSummary } from '../../../../shared/schemas/gates';
import { ApiError } from '../../api/client';
import { tripsApi, type Driver, type Trip, type TripFile, type Vehicle } from './api';
import { CargoLinesEditor } from './CargoLinesEditor';
import { DocumentsEditor } from './DocumentsEditor';
import { FeePanel } from './FeePanel';
import { rememberHs } from './hsLookup';
import { LoadExtras } from './LoadExtras';
import { FieldErrors, focusFirstProblem, ProblemSummary } from './Problems';
import { checksProblem, fieldProblems, type FieldProblem } from './problems';
import { saveRemembered } from './remembered';
import { fieldsFromForm, pruneBlank, rememberFrom, type TripForm } from './tripForm';
import { TripRouteFields } from './TripRouteFields';
import { useIdempotencyKey } from './useKey';

interface Props {
  trip: Trip | null;
  initial: TripForm;
  initialError: unknown;
  initiallySaved: boolean;
  gates: GateSummary[];
  vehicles: Vehicle[];
  drivers: Driver[];
}

// Paths the form shows next to an input; anything else is listed in the summary.
const PLACED = /^\/(direction|gateId|plannedDate|window|vehicleId|driverId|notes|reason|cargoLines(\/\d+\/\w+)?|containers\/\d+\/number|documents\/\d+\/(number|expiresOn|fileId)|options(\/\w+)?)$/;

/**
 * The declaration. Nothing the user typed is ever thrown away: a refused save or submission
 * keeps the form as it was and shows every problem the server listed next to its field.
 */
export function TripEditor({ trip: initialTrip, initial, initialError, initiallySaved, gates, vehicles, drivers }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [trip, setTrip] = useState<Trip | null>(initialTrip);
  const [form, setForm] = useState<TripForm>(initial);
  const [error, setError] = useState<unknown>(initialError);
  const [initialProblems] = useState<FieldProblem[]>(() => fieldProblems(initialError));
  const [problems, setProblems] = useState<FieldProblem[]>(initialProblems);
  const [files, setFiles] = useState<TripFile[]>(initialTrip?.files ?? []);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(initiallySaved ? new Date().toISOString() : null);
  const [passed, setPassed] = useState(false);
  const inFlight = useRef(false);
  const [key, renewKey] = useIdempotencyKey();
  const [savedFields, setSavedFields] = useState(() => (initialTrip ? JSON.stringify(fieldsFromForm(initial)) : null));
  useState(() => initialTrip?.cargoLines.forEach((l) => rememberHs(l.hsCode, l.hsDescription)));

  const status = trip?.status ?? 'draft';
  const actions = trip?.allowedActions ?? ['submit'];
  const amending = status !== 'draft';
  const canSave = !trip || actions.includes('amend');
  const gate = gates.find((g) => g.id === form.gateId) ?? null;
  const vehicle = vehicles.find((v) => v.id === form.vehicleId) ?? null;

  function change(patch: Partial<TripForm>, paths: string[]) {
    const reshaped = (['cargoLines', 'documents', 'containers'] as const).filter((k) => patch[k] && patch[k]!.length !== form[k].length);
    setForm({ ...form, ...patch });
    setPassed(false);
    setProblems((ps) => ps.filter((p) => !paths.includes(p.path) && !reshaped.some((k) => p.path.startsWith(`/${k}`))));
  }

  function fail(err: unknown) {
    const list = fieldProblems(err);
    setError(err);
    setProblems(list);
    focusFirstProblem(list);
  }

  // A declaration refused on its first submission arrives here with its problems: go to the first.
  useEffect(() => focusFirstProblem(initialProblems), [initialProblems]);

  /** Stores the form as the draft (creating it the first time); returns the stored trip. */
  async function saveDraft(): Promise<Trip> {
    const pruned = pruneBlank(form);
    setForm(pruned);
    const fields = fieldsFromForm(pruned);
    const json = JSON.stringify(fields);
    if (trip && json === savedFields) return trip;
    const stored = trip ? await tripsApi.update(trip.id, { version: trip.version, ...fields }) : await tripsApi.create(fields, key);
    if (!trip) renewKey();
    stored.cargoLines.forEach((l) => rememberHs(l.hsCode, l.hsDescription));
    saveRemembered(rememberFrom(form));
    setTrip(stored);
    setSavedFields(json);
    return stored;
  }

  // One action at a time, even for a double click or a repeated shortcut before the re-render.
  async function run(work: () => Promise<void>) {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await work();
    } catch (err) {
      fail(err);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  const save = () =>
    run(async () => {
      const created = !trip;
      const stored = await saveDraft();
      setError(null);
      setProblems([]);
      setSavedAt(new Date().toISOString());
      if (created) navigate(`/trips/${stored.id}/edit`, { replace: true, state: { saved: true } });
    });

  const submit = () =>
    run(async () => {
      const stored = await saveDraft();
      try {
        const submitted = await tripsApi.submit(stored.id, stored.version);
        navigate(`/trips/${submitted.id}`, { state: { flash: 'submitted' } });
      } catch (err) {
        // A new declaration now exists as a draft: keep editing it at its own address.
        if (!trip && err instanceof ApiError) navigate(`/trips/${stored.id}/edit`, { replace: true, state: { problem: err.problem } });
        else throw err;
      }
    });

  // A dry run: the draft is saved and every submission check runs, nothing is submitted.
  const check = () =>
    run(async () => {
      setPassed(false);
      const stored = await saveDraft();
      const result = await tripsApi.checks(stored.id);
      if (!result.ok) {
        const problem = checksProblem(result.errors);
        if (!trip) navigate(`/trips/${stored.id}/edit`, { replace: true, state: { problem: problem.problem } });
        else fail(problem);
        return;
      }
      setError(null);
      setProblems([]);
      setPassed(true);
      if (!trip) navigate(`/trips/${stored.id}/edit`, { replace: true, state: { saved: true } });
    });

  const amend = () =>
    run(async () => {
      const pruned = pruneBlank(form);
      setForm(pruned);
      const amended = await tripsApi.update(trip!.id, { version: trip!.version, reason: reason.trim(), ...fieldsFromForm(pruned) });
      saveRemembered(rememberFrom(form));
      navigate(`/trips/${amended.id}`, { state: { flash: 'amended' } });
    });

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void (amending ? amend() : submit());
    }
  }

  return (
    <form className="trip-editor" data-testid="trip-editor" data-status={status} noValidate onKeyDown={onKeyDown}
      onSubmit={(e) => { e.preventDefault(); void (amending ? amend() : save()); }}>
      <div className="trip-main">
        {trip && <p className="muted">{t('tripForm.statusLine', { reference: trip.reference, status: t(`trips.status.${status}`) })} · <Link to={`/trips/${trip.id}`}>{t('tripForm.openTrip')}</Link></p>}
        {!canSave && <p className="alert" role="alert">{t('tripForm.notEditable')}</p>}
        <ProblemSummary error={error} placed={(p) => PLACED.test(p)} />
        <TripRouteFields form={form} change={change} problems={problems} gates={gates} vehicles={vehicles} drivers={drivers} />
        <CargoLinesEditor form={form} change={change} problems={problems} tonnageCapacity={vehicle?.tonnageCapacity ?? null} />
        <LoadExtras form={form} change={change} problems={problems} vehicleContainers={vehicle?.containerNumbers ?? []} />
        <DocumentsEditor form={form} change={change} problems={problems} tripId={trip?.id ?? null} files={files} onUploaded={(f) => setFiles([...files, f])} />
      </div>
      <FeePanel form={form} gate={gate} vehicle={vehicle} trip={trip} />
      <div className="actions-bar" data-testid="trip-actions">
        {amending && canSave && (
          <label className="grow">{t('tripForm.amendReason')}
            <input name="reason" data-path="/reason" value={reason} required minLength={3} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
            <FieldErrors problems={problems} path="/reason" />
          </label>
        )}
        {!amending && <button type="submit" className="secondary" disabled={busy} data-testid="save-draft">{t('tripForm.saveDraft')}</button>}
        {!amending && actions.includes('submit') && (
          <>
            <button type="button" className="secondary" disabled={busy} onClick={() => void check()} data-testid="check-trip">{t('tripForm.check')}</button>
            <button type="button" disabled={busy} onClick={() => void submit()} data-testid="submit-trip" title="Ctrl+Enter">{t('tripForm.submit')}</button>
          </>
        )}
        {amending && canSave && <button type="submit" disabled={busy || reason.trim().length < 3} data-testid="amend-trip" title="Ctrl+Enter">{t('tripForm.saveAmendment')}</button>}
        {savedAt && !error && !passed && <span role="status" className="ok">{t('tripForm.saved')}</span>}
        {passed && !error && <span role="status" className="ok" data-testid="checks-passed">{t('tripForm.checksPassed')}</span>}
        <small className="muted">{t('tripForm.keyboardHint')}</small>
      </div>
    </form>
  );
}
