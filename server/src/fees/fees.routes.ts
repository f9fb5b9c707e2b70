import { QuoteRequest, QuoteResponse } from './fees.schemas';
import { errors } from '../platform/openapi';
import type { App } from '../platform/types';
import { AppError } from '../platform/errors';
import { exchangeRatesOn } from '../trips/rules';
import { quoteFees } from './quote';
import { referenceTariffs } from './tariffs';

/** Public price check: anyone may ask what a described trip would pay, without an account. */
export async function feesRoutes(app: App) {
  app.post('/api/v1/fees/quote', {
    schema: {
      tags: ['fees'],
      summary: 'Itemised gate fee for a described trip (public)',
      description:
        'Computes the fee from the tariff in force on the date, for the province and gate. Lines in several currencies are compared through the indicative exchange rates in reference/trips/exchange-rates.json.',
      security: [],
      body: QuoteRequest,
      response: { 200: QuoteResponse, ...errors(413, 415, 422) },
    },
    handler: async (request) => {
      const result = quoteFees(request.body, referenceTariffs(), { exchangeRates: exchangeRatesOn(request.body.date) });
      if (!result.ok) throw new AppError(result.error.code, { details: result.error.details });
      return result.quote;
    },
  });
}
