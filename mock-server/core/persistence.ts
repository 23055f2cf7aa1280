/**
 * Where the state lives: a SQLite database (better-sqlite3), one table per
 * collection of the store, one row per record (its key and its JSON), and a
 * `meta` table for the few single values (the seed).
 *
 * - WAL mode with `synchronous = FULL`: a committed transaction is on disk
 *   (fsynced) when `write()` returns, and a crash at any moment leaves the last
 *   committed state. The store commits one transaction per request, before the
 *   response is sent (see store.ts), writing only the records that changed.
 * - The file (and its `-wal` and `-shm` companions) is readable by its owner
 *   only. The signing secrets are not in it (secrets.ts).
 * - `MOCK_DATA` names the database.
 * - A domain may keep tables of its own beside its collections (`tables` in
 *   its domain.ts: a request log of a million rows is no collection held in
 *   memory): it declares their DDL, which runs on open (`CREATE … IF NOT
 *   EXISTS`), reads and writes them with prepared statements (`prepare`,
 *   `transaction`), and they are emptied with the rest when the whole state is
 *   replaced (a seed, a reset).
 * - The database carries the state version it was written with (SQLite's
 *   `user_version`). The mock does not migrate states: one written with
 *   another version is refused with `StateVersionError`, which says how to
 *   start fresh (`npm run mock -- --reset`: `discardState`). The composition
 *   root (platform.ts) says when the version changes.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

const OWNER_ONLY = 0o600;

/** A state written with another state version than this mock reads: it is not opened (nor changed). */
export class StateVersionError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly expected: number,
  ) {
    super(
      `The state in ${file} is version ${found}, and this mock reads version ${expected} only: start fresh with \`npm run mock -- --reset\` (which replaces it with the seed), or set MOCK_DATA to another file.`,
    );
    this.name = 'StateVersionError';
  }
}

/** Delete a database and its companions (`--reset`); whether there was one. The signing secrets beside it stay. */
export function discardState(file: string): boolean {
  const existed = existsSync(file);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  return existed;
}

/** One changed record: its new JSON, or null when it was deleted. */
export interface RowChange {
  table: string;
  id: string;
  data: string | null;
}

const TABLE_NAME = /^[a-z][a-z0-9_]*$/;

function tableName(name: string): string {
  if (!TABLE_NAME.test(name) || name === 'meta') throw new Error(`invalid collection name ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** What a domain keeps in tables of its own (core/domain.ts `tables`). */
export interface OwnTables {
  /** Its tables, emptied when the whole state is replaced. */
  readonly names: readonly string[];
  /** `CREATE TABLE IF NOT EXISTS …`, `CREATE INDEX IF NOT EXISTS …`: run on every open, so a new table or index needs no state version. */
  readonly ddl: readonly string[];
}

export class StateDatabase {
  private readonly db: Database.Database;
  /** The domains' own tables (`OwnTables`), emptied by `replaceAll`. */
  private readonly ownTables = new Set<string>();
  private readonly upserts = new Map<string, Database.Statement>();
  private readonly deletes = new Map<string, Database.Statement>();
  private readonly setMeta: Database.Statement;
  private readonly deleteMeta: Database.Statement;

  /** `file` null: in memory (tests), with the same statements as on disk. `version`: the state version this mock reads and writes. */
  constructor(
    readonly file: string | null,
    version: number,
  ) {
    if (file) {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      closeSync(openSync(file, 'a', OWNER_ONLY));
      chmodSync(file, OWNER_ONLY);
    }
    this.db = new Database(file ?? ':memory:');
    try {
      const found = this.db.pragma('user_version', { simple: true }) as number;
      const tables = this.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      // A new database has no tables yet, and takes this version; any other must have been written with it.
      if (tables.n > 0 && found !== version) throw new StateVersionError(file ?? ':memory:', found, version);
      if (file) {
        this.db.pragma('journal_mode = WAL');
        // FULL: the WAL is fsynced at every commit, so a 2xx survives a power cut, not only a crash.
        this.db.pragma('synchronous = FULL');
        // 64 MiB of page cache: a domain's large tables of its own (a million request records) and their index builds stay in memory.
        this.db.pragma('cache_size = -65536');
      }
      this.db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)');
      this.db.pragma(`user_version = ${version}`);
    } catch (e) {
      this.db.close();
      throw e;
    }
    this.setMeta = this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.deleteMeta = this.db.prepare('DELETE FROM meta WHERE key = ?');
    if (file) for (const companion of [`${file}-wal`, `${file}-shm`]) if (existsSync(companion)) chmodSync(companion, OWNER_ONLY);
  }

  /** Create the collections' tables that do not exist yet (a new collection needs nothing else). */
  ensureTables(names: readonly string[]): void {
    for (const name of names) {
      const t = tableName(name);
      // An UPSERT keeps a row's rowid, so reading by rowid gives the records in the order they were first written.
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${t} (id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL)`);
      this.upserts.set(
        name,
        this.db.prepare(`INSERT INTO ${t} (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data`),
      );
      this.deletes.set(name, this.db.prepare(`DELETE FROM ${t} WHERE id = ?`));
    }
  }

  /** A domain's own tables: its DDL runs now (`IF NOT EXISTS`), and the tables are emptied with the state from now on. */
  ensureOwnTables(own: OwnTables): void {
    for (const name of own.names) {
      tableName(name);
      if (this.upserts.has(name) || this.ownTables.has(name)) throw new Error(`Two domains keep a table named ${name}`);
    }
    this.db.transaction(() => {
      for (const statement of own.ddl) this.db.exec(statement);
    })();
    for (const name of own.names) {
      const found = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
      if (!found) throw new Error(`The DDL given for the table ${name} does not create it`);
      this.ownTables.add(name);
    }
  }

  /** A prepared statement on a domain's own tables (better-sqlite3's: `run`, `get`, `all`, `iterate`). */
  prepare(sql: string): Database.Statement {
    return this.db.prepare(sql);
  }

  /** `fn` in one transaction (joined if one is open), on disk when it returns. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  meta(): Map<string, string> {
    const rows = this.db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
    return new Map(rows.map((r) => [r.key, r.value]));
  }

  /** A collection's records, in the order they were first written. */
  *rows(name: string): IterableIterator<unknown> {
    for (const row of this.db.prepare(`SELECT data FROM ${tableName(name)} ORDER BY rowid`).iterate() as IterableIterator<{
      data: string;
    }>) {
      yield JSON.parse(row.data) as unknown;
    }
  }

  /** Write the changed records and single values in one transaction; on disk when it returns. */
  write(changes: readonly RowChange[], meta: ReadonlyMap<string, string | null> = new Map()): void {
    this.db.transaction(() => {
      for (const c of changes) {
        if (c.data === null) this.statement(this.deletes, c.table).run(c.id);
        else this.statement(this.upserts, c.table).run(c.id, c.data);
      }
      for (const [key, value] of meta) {
        if (value === null) this.deleteMeta.run(key);
        else this.setMeta.run(key, value);
      }
    })();
  }

  /** Replace everything (a seed, a reset) in one transaction. */
  replaceAll(tables: ReadonlyMap<string, readonly (readonly [string, string])[]>, meta: ReadonlyMap<string, string>): void {
    this.db.transaction(() => {
      for (const name of [...this.upserts.keys(), ...this.ownTables]) this.db.exec(`DELETE FROM ${tableName(name)}`);
      this.db.exec('DELETE FROM meta');
      for (const [name, rows] of tables) {
        const upsert = this.statement(this.upserts, name);
        for (const [id, data] of rows) upsert.run(id, data);
      }
      for (const [key, value] of meta) this.setMeta.run(key, value);
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private statement(map: Map<string, Database.Statement>, table: string): Database.Statement {
    const s = map.get(table);
    if (!s) throw new Error(`no table for collection ${table}`);
    return s;
  }
}
