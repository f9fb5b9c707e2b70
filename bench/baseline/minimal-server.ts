import Fastify from 'fastify';
import Type from 'typebox';

// The smallest useful route of the same HTTP framework the product runs on: a JSON body validated
// against a schema and answered, no database. The product's write rate is quoted as a fraction of
// this, so figures compare across machines.

const port = Number(process.argv[2] ?? 0);
const app = Fastify({ logger: false });
const Body = Type.Object({ reference: Type.String({ maxLength: 40 }), amount: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
app.post('/echo', { schema: { body: Body } }, async (request, reply) => reply.code(201).send({ ok: true, received: request.body }));
app.get('/ping', async () => ({ ok: true }));
await app.listen({ port, host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
