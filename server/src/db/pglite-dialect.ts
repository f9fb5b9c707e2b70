import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

// PGlite is one single-threaded backend: a transaction must own it exclusively, or queries
// from concurrent requests would run inside someone else's transaction. A FIFO lock around
// each acquired connection gives Kysely the same semantics as a one-connection pool.
class Lock {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

// A query on the database handle (instead of the transaction's) made while that transaction is
// open waits for the lock the transaction holds: it would hang for ever. The transaction's
// callback runs in the async context where the transaction began, so such a query is recognised
// and refused loudly instead. (On a server pool the same code silently uses a second connection,
// outside the transaction.)
const openTransaction = new AsyncLocalStorage<PGliteConnection>();

class PGliteConnection implements DatabaseConnection {
  released = false;
  constructor(
    private readonly client: PGlite,
    readonly release: () => void,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Without parameters use the simple protocol, as node-postgres does, so that migration
    // scripts with several statements behave the same on both engines.
    const result =
      compiled.parameters.length === 0
        ? ((await this.client.exec(compiled.sql)).at(-1) ?? { rows: [], affectedRows: 0 })
        : await this.client.query<R>(compiled.sql, [...compiled.parameters]);
    const affected = result.affectedRows;
    return {
      rows: result.rows as R[],
      numAffectedRows: affected === undefined ? undefined : BigInt(affected),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported on PGlite');
  }
}

class PGliteDriver implements Driver {
  readonly #lock = new Lock();
  constructor(private readonly client: PGlite) {}
  async init(): Promise<void> {
    await this.client.waitReady;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const inTransaction = openTransaction.getStore();
    if (inTransaction && !inTransaction.released) {
      throw new Error('PGlite: a query on the database handle inside an open transaction would deadlock; use the transaction (tx) instead');
    }
    const release = await this.#lock.acquire();
    return new PGliteConnection(this.client, release);
  }
  beginTransaction(connection: DatabaseConnection): Promise<void> {
    // Synchronously, before any await, so the transaction's callback inherits the context.
    openTransaction.enterWith(connection as PGliteConnection);
    return connection.executeQuery(CompiledQuery.raw('begin')).then(() => undefined);
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PGliteConnection).released = true;
    (connection as PGliteConnection).release();
  }
  async destroy(): Promise<void> {
    await this.client.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly client: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    return new PGliteDriver(this.client);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
