import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeeQuote, QuoteRequest } from '../../../../server/src/fees/fees.schemas';
import { tripsApi } from './api';
import { formatNumber, formatVnd } from './display';

/** The itemised fee: what is charged, on what basis, under which legal text, and why that rate. */
export function FeeQuoteView({ quote, testId = 'fee-quote' }: { quote: FeeQuote; testId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vi = lang === 'vi';
  return (
    <div className="fee-quote" data-testid={testId}>
      <table className="table fee-items">
        <tbody>
          {quote.items.map((item, i) => (
            <tr key={i} data-testid="fee-item" data-code={item.code}>
              <td>
                {vi ? item.descriptionVi : item.descriptionEn}
                <br />
                <small className="muted">
                  {formatNumber(item.quantity, lang)} {t(`tripFees.basis.${item.basis}`)} × {formatVnd(item.unitRate, lang)} · {item.legalBasis}
                  {item.adjustments?.map((a) => ` · ${vi ? a.descriptionVi : a.descriptionEn} (${a.percent}%)`)}
                  {item.verify && ` · ${t('tripFees.verify')}`}
                </small>
              </td>
              <td className="amount">{formatVnd(item.amount, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('tripFees.total')}</th>
            <td className="amount" data-testid="fee-total">{formatVnd(quote.total, lang)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="muted small">
        {t('tripFees.legalBasis')}: {quote.legalBasis.number} — {vi ? quote.legalBasis.titleVi : quote.legalBasis.titleEn} ({quote.legalBasis.issuedBy})
        {quote.legalBasis.verify && ` · ${t('tripFees.verify')}`}
      </p>
      {quote.decidingLine && quote.decidingLine.reason !== 'only_line' && (
        <p className="muted small" data-testid="deciding-line">{vi ? quote.decidingLine.explanationVi : quote.decidingLine.explanationEn}</p>
      )}
    </div>
  );
}

/**
 * Asks the public quote route for the fee of what the form says, a moment after the user stops
 * typing; an answer to an older request never replaces a newer one.
 */
export function useFeeQuote(request: QuoteRequest | null) {
  const [state, setState] = useState<{ quote: FeeQuote | null; error: unknown; loading: boolean }>({ quote: null, error: null, loading: false });
  const seq = useRef(0);
  const body = request ? JSON.stringify(request) : null;
  useEffect(() => {
    const mine = ++seq.current;
    if (!body) {
      setState({ quote: null, error: null, loading: false });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      tripsApi
        .quote(JSON.parse(body) as QuoteRequest)
        .then((quote) => mine === seq.current && setState({ quote, error: null, loading: false }))
        .catch((error: unknown) => mine === seq.current && setState({ quote: null, error, loading: false }));
    }, 400);
    return () => clearTimeout(timer);
  }, [body]);
  return state;
}
