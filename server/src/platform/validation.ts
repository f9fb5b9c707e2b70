import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// Query strings, path parameters and headers arrive as text and are coerced to the schema's
// types; JSON bodies are typed already, so a string where a number belongs is an error there.
const common = { removeAdditional: false, useDefaults: true, allErrors: true, strict: false } as const;
const bodyAjv = addFormats(new Ajv({ ...common, coerceTypes: false }));
const textAjv = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));

export function addSharedSchema(schema: { $id: string }) {
  bodyAjv.addSchema(schema);
  textAjv.addSchema(schema);
}

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};
