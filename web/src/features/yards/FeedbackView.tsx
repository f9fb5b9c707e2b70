import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { Feedback } from './yardActions';

/** What the last action did, in words the operator reads at a glance (colour + text). */
export function FeedbackView({ feedback }: { feedback: Feedback | null }) {
  const { t } = useTranslation();
  if (!feedback) return null;
  switch (feedback.kind) {
    case 'error':
      return <ErrorMessage error={feedback.error} />;
    case 'server': {
      const { outcome, trip, flag } = feedback.result;
      const truck = trip ? `${trip.plate ?? ''} · ${trip.reference}` : flag?.plate ?? flag?.tripReference ?? '';
      if (outcome === 'flagged' && flag) {
        return (
          <p className="yard-feedback bad" role="alert" data-testid="feedback" data-outcome={outcome}>
            <strong>{t('yard.feedback.flagged', { truck })}</strong> {t(`yard.flagReason.${flag.reason}`)}
          </p>
        );
      }
      return (
        <p className={`yard-feedback ${outcome === 'checked_in' ? 'good' : 'info'}`} role="status" data-testid="feedback" data-outcome={outcome}>
          <strong>{t(`yard.feedback.${outcome}`, { truck })}</strong>
          {trip?.position != null && <> {t('yard.feedback.position', { n: trip.position })}</>}
        </p>
      );
    }
    case 'done':
      return <p className="yard-feedback good" role="status" data-testid="feedback" data-outcome={feedback.action}>{t(`yard.feedback.step_${feedback.action}`, { truck: feedback.reference })}</p>;
    case 'queued':
      return (
        <p className="yard-feedback warn" role="status" data-testid="feedback" data-outcome="queued">
          <strong>{t('yard.feedback.queued', { truck: feedback.truck, step: t(`yard.step.${feedback.type}`) })}</strong>
          {feedback.warnings.map((w) => <span key={w}> {t(`yard.offlineWarning.${w}`)}</span>)}
        </p>
      );
    case 'duplicate':
      return <p className="yard-feedback info" role="status" data-testid="feedback" data-outcome="duplicate">{t('yard.feedback.duplicate', { truck: feedback.truck, step: t(`yard.step.${feedback.type}`) })}</p>;
    case 'already':
      return <p className="yard-feedback info" role="status" data-testid="feedback" data-outcome="already_in_yard">{t('yard.feedback.already_in_yard', { truck: feedback.truck })}</p>;
    case 'refused':
      return (
        <p className="yard-feedback bad" role="alert" data-testid="feedback" data-outcome="refused" data-verdict={feedback.verdict}>
          <strong>{t('yard.feedback.refused', { truck: feedback.truck ?? '' })}</strong> {t(`yard.verdict.${feedback.verdict}`)}
        </p>
      );
  }
}
