/**
 * Where the state lives: a SQLite database (better-sqlite3), one table per
 * collection of the store, one row per record (its key and its JSON), and a
 * `meta` table for the few single values (seed, signing secrets).
 *
 * - WAL mode with `synchronous = FULL`: a committed transaction is on disk
 *   (fsynced) when `write()` returns, and a crash at any moment leaves the last
 *   committed state. The store commits one transaction per request, before the
 *   response is sent (see store.ts), writing only the records that changed.
 * - The file (and its `-wal` and `-shm` companions) is readable by its owner
 *   only. The signing secrets are not in it (secrets.ts); a database of an
 *   older mock that holds them hands them over once (`takeLegacySecrets`).
 * - `MOCK_DATA` names the database. A name ending in `.json` (the setting of
 *   older mocks, whose state was one JSON file) means the same name ending in
 *   `.sqlite`. When there is no database yet but a JSON state file of the same
 *   name is there (`x.sqlite` ↔ `x.json`), it is imported once, then renamed
 *   `x.json.imported`.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StateFile } from './records';

const OWNER_ONLY = 0o600;
const SCHEMA_VERSION = 1;

export interface StatePaths {
  database: string;
  /** A JSON state file of an older mock, imported when the database does not exist yet. */
  legacyJson: string;
}

/** The database and the JSON file it may import, from `MOCK_DATA`. */
export function statePaths(dataFile: string): StatePaths {
  if (dataFile.endsWith('.json')) return { database: `${dataFile.slice(0, -'.json'.length)}.sqlite`, legacyJson: dataFile };
  const stem = dataFile.replace(/\.(sqlite3?|db)$/, '');
  return { database: dataFile, legacyJson: `${stem}.json` };
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

export class StateDatabase {
  private readonly db: Database.Database;
  private readonly upserts = new Map<string, Database.Statement>();
  private readonly deletes = new Map<string, Database.Statement>();
  private readonly setMeta: Database.Statement;
  private readonly deleteMeta: Database.Statement;

  /** `file` null: in memory (tests), with the same statements as on disk. */
  constructor(readonly file: string | null) {
    if (file) {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      closeSync(openSync(file, 'a', OWNER_ONLY));
      chmodSync(file, OWNER_ONLY);
    }
    this.db = new Database(file ?? ':memory:');
    if (file) {
      this.db.pragma('journal_mode = WAL');
      // FULL: the WAL is fsynced at every commit, so a 2xx survives a power cut, not only a crash.
      this.db.pragma('synchronous = FULL');
    }
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Error(`${file}: written by a newer mock (schema ${version})`);
    this.db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)');
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
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

  meta(): Map<string, string> {
    const rows = this.db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
    return new Map(rows.map((r) => [r.key, r.value]));
  }

  /** The signing secrets a database of an older mock kept in `meta` (to hand over to the secrets file). */
  legacySecrets(): { session?: string; serviceToken?: string } {
    const meta = this.meta();
    return { session: meta.get('jwt_secret'), serviceToken: meta.get('service_token_secret') };
  }

  /**
   * Erase those secrets, once the secrets file holds them: secure_delete
   * zeroes the freed bytes and the checkpoint empties the write-ahead log, so
   * no copy of the database carries them.
   */
  eraseLegacySecrets(): void {
    const meta = this.meta();
    if (!meta.has('jwt_secret') && !meta.has('service_token_secret')) return;
    this.db.pragma('secure_delete = ON');
    this.write(
      [],
      new Map([
        ['jwt_secret', null],
        ['service_token_secret', null],
      ]),
    );
    if (this.file) this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.pragma('secure_delete = OFF');
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

  /** Replace everything (a seed, a reset, an import) in one transaction. */
  replaceAll(tables: ReadonlyMap<string, readonly (readonly [string, string])[]>, meta: ReadonlyMap<string, string>): void {
    this.db.transaction(() => {
      for (const name of this.upserts.keys()) this.db.exec(`DELETE FROM ${tableName(name)}`);
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

/** Read a JSON state file of an older mock; undefined when there is none. */
export function readLegacyState(file: string): StateFile | undefined {
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, 'utf8')) as StateFile;
  if (data.format !== 1) throw new Error(`${file}: unknown state format`);
  return data;
}

/** After an import: the JSON file is kept, renamed, readable by its owner only (it holds secrets). */
export function retireLegacyState(file: string): string {
  const to = `${file}.imported`;
  renameSync(file, to);
  chmodSync(to, OWNER_ONLY);
  return to;
}
