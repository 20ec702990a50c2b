import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import pg from 'pg';
import type { CoreTables } from './core-tables.js';
import { acquireDataLock } from './data-lock.js';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * One database for the whole host. Modules get `db` (Kysely, PostgreSQL dialect);
 * `execInTransaction` runs multi-statement SQL (migrations) atomically; `withLock` serialises
 * work across server processes (an advisory lock on PostgreSQL).
 */
export interface Database {
  /** Typed by core's tables; a module sees its own through `ctx.db`. */
  db: Kysely<CoreTables>;
  kind: DatabaseKind;
  /** Runs `sqlText` (may hold many statements) and then `after`, in one transaction. */
  execInTransaction(sqlText: string, after: { sql: string; params: unknown[] }[]): Promise<void>;
  /** Runs `fn` while holding a lock named `name` across all server processes; `false` if `wait` is off and the lock is taken. */
  withLock<T>(name: string, fn: () => Promise<T>, wait?: boolean): Promise<T | false>;
  /**
   * Embedded database only: a consistent copy of its whole data folder as an uncompressed tar, taken while the
   * host runs (no transaction is open during the copy). `new PGlite({ loadDataDir })` opens it again.
   */
  snapshot?(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… to use a PostgreSQL server; otherwise the embedded PGlite. */
  url?: string;
  /** Folder for PGlite's data; omit for an in-memory database (tests). */
  dataDir?: string;
}

const int8 = 20;
const date = 1082;
// PostgreSQL returns int8 (count(*), bigserial) as strings; ours stay far below 2^53.
pg.types.setTypeParser(int8, (value) => Number.parseInt(value, 10));
// A calendar date stays "YYYY-MM-DD": turning it into a JS Date at local midnight can shift it a day.
pg.types.setTypeParser(date, (value) => value);

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPGlite(options.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection can be dropped by the server (restart, failover). Without a listener pg re-throws that
  // as an uncaught error and the whole process stops; the pool opens a new connection on the next query instead.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  await pool.query('select 1'); // fail fast with a clear message when the server is unreachable
  return {
    db: new Kysely({ dialect: new PostgresDialect({ pool }) }),
    kind: 'postgres',
    async execInTransaction(sqlText, after) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(sqlText);
        for (const statement of after) await client.query(statement.sql, statement.params);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async withLock(name, fn, wait = true) {
      const client = await pool.connect();
      try {
        if (wait) {
          await client.query('select pg_advisory_lock(hashtext($1))', [name]);
        } else {
          const result = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [name]);
          if (!result.rows[0]?.ok) return false;
        }
        try {
          return await fn();
        } finally {
          await client.query('select pg_advisory_unlock(hashtext($1))', [name]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** A FIFO mutex: PGlite has one session, so a Kysely transaction must own it until it ends. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    return previous.then(() => release);
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly client: PGlite | Transaction) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query<R>(query.sql, [...query.parameters]);
    return { rows: result.rows, numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows) };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on the embedded database.');
  }
}

/**
 * Kysely driver for PGlite. Each acquired connection holds the mutex until released, so two concurrent
 * requests never interleave statements inside one another's transaction.
 */
class PGliteDriver implements Driver {
  private readonly releases = new Map<PGliteConnection, () => void>();
  constructor(
    private readonly client: PGlite,
    private readonly mutex: Mutex,
  ) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.mutex.lock();
    const connection = new PGliteConnection(this.client);
    this.releases.set(connection, release);
    return connection;
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN'));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = this.releases.get(connection as PGliteConnection);
    this.releases.delete(connection as PGliteConnection);
    release?.();
  }
  async destroy(): Promise<void> {}
}

async function openPGlite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Before PGlite touches the folder: a second process on it would destroy the data.
  const lock = dataDir ? await acquireDataLock(dataDir) : null;
  // int8 as number and dates as "YYYY-MM-DD", matching the pg driver above.
  const parsers = { [int8]: (value: string) => Number.parseInt(value, 10), [date]: (value: string) => value };
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir ? { dataDir, parsers } : { parsers });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const mutex = new Mutex();
  return {
    db: new Kysely({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new PGliteDriver(pglite, mutex),
        createIntrospector: (db) => new PostgresIntrospector(db),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    }),
    kind: 'pglite',
    async execInTransaction(sqlText, after) {
      const release = await mutex.lock();
      try {
        await pglite.transaction(async (tx) => {
          await tx.exec(sqlText);
          for (const statement of after) await tx.query(statement.sql, statement.params);
        });
      } finally {
        release();
      }
    },
    // One process owns a PGlite folder, so an in-process run is already exclusive.
    async withLock(_name, fn) {
      return fn();
    },
    async snapshot() {
      // Holding the mutex, no transaction is half done; the checkpoint spares a restore the WAL replay.
      const release = await mutex.lock();
      try {
        await pglite.exec('CHECKPOINT');
        return new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
      } finally {
        release();
      }
    },
    async close() {
      const release = await mutex.lock();
      try {
        await pglite.close();
      } finally {
        release();
        lock?.release();
      }
    },
  };
}
