import Type from 'typebox';
import { errors } from '../platform/openapi';
import { AppError } from '../platform/errors';
import type { App } from '../platform/types';
import { validateHsCode } from './nomenclature';

const HsCode = Type.Object({
  code: Type.String(),
  hs6: Type.String(),
  heading: Type.String(),
  chapter: Type.String(),
  section: Type.String(),
  description: Type.String(),
  headingDescription: Type.String(),
  chapterDescription: Type.String(),
  national: Type.Boolean({ description: 'An 8-digit Vietnamese (AHTN) code, checked by its HS prefix' }),
});

/** Public look-up of the HS 2022 nomenclature, so a declaration form can show what a code means. */
export async function hsRoutes(app: App) {
  app.get('/api/v1/hs/:code', {
    schema: {
      tags: ['fees'],
      summary: 'Look up an HS 2022 subheading (6 digits) or a Vietnamese 8-digit code by its prefix (public)',
      params: Type.Object({ code: Type.String({ pattern: '^[0-9. ]{2,14}$' }) }, { additionalProperties: false }),
      response: { 200: HsCode, ...errors(404) },
    },
    handler: async (request) => {
      const result = validateHsCode(request.params.code);
      if (!result.ok) throw new AppError('hs.not_found', { errors: [{ path: '/code', message: result.messages.en, code: result.code }] });
      const { ok: _ok, ...entry } = result;
      return entry;
    },
  });
}
