// @ts-check
/**
 * The SQL of connector instances, run in a child process (sql-pool.ts starts
 * it): each request brings the instance's database as a SQLite image (or
 * `null`: the instance's seed), opens it in memory, runs, and answers with
 * the rows — and for a write, the new image, which the mock then stores with
 * the request's unit of work.
 *
 * A child process rather than a worker thread: SQLite runs a statement in
 * native code without returning to JavaScript (better-sqlite3 is built
 * without SQLite's progress callback), so a runaway query (a recursive CTE
 * that never ends, a cross join of cross joins) can be stopped only by
 * killing the process that runs it. The pool does that at its time limit.
 *
 * What runs where:
 * - `read`: one statement that SQLite itself says is read-only and returns
 *   rows (`stmt.readonly`, `stmt.reader`), beginning SELECT, WITH or VALUES,
 *   on a database opened read-only; rows up to `maxRows` and `maxBytes`.
 * - `write`: one INSERT, UPDATE, DELETE or REPLACE in a transaction; with
 *   `maxChanges`, one that changes more is rolled back and reported `large`
 *   (it then runs as a job, later, without the limit).
 * - `insert`: rows (objects) into a table, in a transaction.
 * - `tables`: the tables, their columns and row counts.
 * - `ddl`: CREATE, ALTER and DROP statements, run one after the other;
 *   their effects found by comparing the schema before and after each; with
 *   `apply` the new image is returned, else nothing is kept (a preview).
 *
 * Plain JavaScript on purpose, as check-worker.mjs: it starts quickly and
 * imports only better-sqlite3.
 */
import Database from 'better-sqlite3';

/** @typedef {{ code: 'invalid' | 'conflict' | 'too_large', message: string, at?: (string|number)[] }} RunnerError */

class Refused extends Error {
  /** @param {RunnerError['code']} code @param {string} message @param {(string|number)[]} [at] */
  constructor(code, message, at) {
    super(message);
    this.code = code;
    this.at = at;
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const quote = (/** @type {string} */ name) => `"${name.replaceAll('"', '""')}"`;

// ---- the seed: what every SQL instance starts with (CONTRACT §14) -----------------

const PEOPLE = [
  ['ada@example.com', 'Ada Lovelace'],
  ['grace@example.com', 'Grace Hopper'],
  ['alan@example.com', 'Alan Turing'],
  ['katherine@example.com', 'Katherine Johnson'],
  ['edsger@example.com', 'Edsger Dijkstra'],
];
const DAY = 86_400_000;

/** @param {string} createdAt the instance's creation time: the seed's rows are a few days older. */
function seeded(createdAt) {
  const db = new Database(':memory:');
  const base = Date.parse(createdAt) || Date.UTC(2025, 0, 1);
  db.exec(`
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE orders (
      id INTEGER PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users (id),
      total_cents INTEGER NOT NULL,
      status TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
  `);
  const user = db.prepare('INSERT INTO users (email, name, created_at) VALUES (?, ?, ?)');
  PEOPLE.forEach(([email, name], i) => user.run(email, name, new Date(base - (30 - i * 5) * DAY).toISOString()));
  const order = db.prepare('INSERT INTO orders (user_id, total_cents, status, created_at) VALUES (?, ?, ?, ?)');
  const orders = [
    [1, 4200, 'paid'],
    [1, 1999, 'paid'],
    [2, 12500, 'shipped'],
    [3, 800, 'refunded'],
    [5, 3150, 'pending'],
  ];
  orders.forEach(([userId, cents, status], i) => order.run(userId, cents, status, new Date(base - (10 - i * 2) * DAY).toISOString()));
  return db;
}

/**
 * @param {Uint8Array | null} image
 * @param {{ createdAt: string }} seed
 * @param {boolean} [readonly]
 */
function open(image, seed, readonly = false) {
  if (image === null) {
    if (!readonly) return seeded(seed.createdAt);
    const fresh = seeded(seed.createdAt);
    const buffer = fresh.serialize();
    fresh.close();
    return new Database(buffer, { readonly: true });
  }
  return new Database(Buffer.from(image.buffer, image.byteOffset, image.byteLength), { readonly });
}

/** @param {import('better-sqlite3').Database} db @param {number} maxImageBytes */
function imageOf(db, maxImageBytes) {
  const image = db.serialize();
  if (image.length > maxImageBytes) {
    throw new Refused(
      'too_large',
      `The instance's data would grow to ${Math.ceil(image.length / 1024)} KiB, past the ${maxImageBytes / 1024} KiB the mock keeps per instance`,
    );
  }
  return image;
}

// ---- statements ---------------------------------------------------------------------

/**
 * Split a script into statements, as SQLite's own `sqlite3_complete()` reads
 * it: a `;` ends a statement unless it is inside a string, a quoted name or a
 * comment — or inside a CREATE TRIGGER's body, which ends at `END;`.
 * Statements that are only comments are dropped.
 * @param {string} text
 * @returns {string[]}
 */
export function splitStatements(text) {
  /** @type {string[]} */
  const out = [];
  let start = 0;
  let i = 0;
  // 0: nothing yet; 1: in a statement; 2: after CREATE [TEMP]; 4: in a trigger; 5: after ';' in a trigger; 6: after '; END' in a trigger
  let state = 0;
  let meaningful = false;
  const n = text.length;
  const end = (/** @type {number} */ at) => {
    if (meaningful) out.push(text.slice(start, at).trim());
    start = at + 1;
    state = 0;
    meaningful = false;
  };
  while (i < n) {
    const c = text[i];
    if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? n : nl + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? n : close + 2;
      continue;
    }
    if (/\s/.test(c ?? '')) {
      i++;
      continue;
    }
    if (c === ';') {
      // In a trigger's body a ';' ends a statement of the body; `END;` after one ends the trigger.
      if (state === 4) state = 5;
      else if (state !== 5) end(i);
      i++;
      continue;
    }
    // A statement starts at its first token: comments before it are left out.
    if (!meaningful) start = i;
    meaningful = true;
    if (c === "'" || c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      let j = i + 1;
      while (j < n) {
        if (text[j] === close) {
          if (close !== ']' && text[j + 1] === close) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      i = j + 1;
      state = state === 0 || state === 2 ? 1 : state === 5 || state === 6 ? 4 : state;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(i, i + 64));
    if (word) {
      const w = word[0].toUpperCase();
      i += word[0].length;
      if (state === 0) state = w === 'CREATE' ? 2 : 1;
      else if (state === 2) state = w === 'TEMP' || w === 'TEMPORARY' ? 2 : w === 'TRIGGER' ? 4 : 1;
      else if (state === 5) state = w === 'END' ? 6 : 4;
      else if (state === 6) state = 4;
      continue;
    }
    i++;
    if (state === 0 || state === 2) state = 1;
    else if (state === 5 || state === 6) state = 4;
  }
  end(n);
  return out;
}

/** The first words of a statement, upper case, comments left out: `['CREATE', 'TABLE', 'EVENTS']`. */
function leadingWords(/** @type {string} */ sql, count = 4) {
  const words = [];
  const stripped = sql.replace(/--[^\n]*\n?|\/\*[\s\S]*?(\*\/|$)/g, ' ');
  const re = /[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|\S/g;
  let m;
  while ((m = re.exec(stripped)) && words.length < count) words.push(m[0].toUpperCase());
  return words;
}

/** @param {import('better-sqlite3').Database} db @param {string} sql @param {(string|number)[]} at */
function prepare(db, sql, at) {
  try {
    return db.prepare(sql);
  } catch (e) {
    throw sqlError(e, at);
  }
}

const CONFLICT = /already exists|duplicate column name|constraint failed/i;

/** @param {unknown} e @param {(string|number)[]} at @param {string} [prefix] */
function sqlError(e, at, prefix = '') {
  if (e instanceof Refused) return e;
  const message = e instanceof Error ? e.message : String(e);
  const code = typeof e === 'object' && e && 'code' in e ? String(e.code) : '';
  return new Refused(CONFLICT.test(message) || code.startsWith('SQLITE_CONSTRAINT') ? 'conflict' : 'invalid', `${prefix}${message}`, at);
}

/** A cell as JSON: a blob as `\x…` hex, a number that JSON cannot hold as text. */
function cell(/** @type {unknown} */ v) {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint8Array) return `\\x${Buffer.from(v).toString('hex')}`;
  return String(v);
}

/** @param {import('better-sqlite3').Statement} stmt @param {number} maxRows @param {number} maxBytes */
function collect(stmt, maxRows, maxBytes) {
  const columns = stmt.columns().map((c) => ({ name: c.name, type: c.type ?? null }));
  /** @type {unknown[][]} */
  const rows = [];
  let bytes = 0;
  let truncated = false;
  for (const raw of /** @type {IterableIterator<unknown[]>} */ (stmt.raw(true).iterate())) {
    if (rows.length >= maxRows || bytes >= maxBytes) {
      truncated = true;
      break;
    }
    const row = raw.map(cell);
    bytes += JSON.stringify(row).length;
    rows.push(row);
  }
  return { columns, rows, truncated };
}

const READ_WORDS = ['SELECT', 'WITH', 'VALUES'];
const WRITE_WORDS = ['INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'WITH'];

/** @param {string} sql @param {(string|number)[]} at */
function single(sql, at) {
  const statements = splitStatements(sql);
  if (statements.length === 0) throw new Refused('invalid', 'There is no statement to run', at);
  if (statements.length > 1) throw new Refused('invalid', `Run one statement at a time (this has ${statements.length})`, at);
  return /** @type {string} */ (statements[0]);
}

/** @param {any} m */
function read(m) {
  const at = ['query'];
  const sql = single(m.sql, at);
  const first = leadingWords(sql, 1)[0] ?? '';
  const db = open(m.image, m.seed, true);
  try {
    const stmt = prepare(db, sql, at);
    if (!READ_WORDS.includes(first) || !stmt.readonly || !stmt.reader) {
      throw new Refused(
        'invalid',
        `read_query runs one read-only statement (SELECT, WITH or VALUES); this one ${stmt.readonly ? 'returns no rows' : 'changes data'}: use ${stmt.readonly ? 'list_tables' : 'execute_statement, or DDL for the schema'}`,
        at,
      );
    }
    const t0 = performance.now();
    try {
      const result = collect(stmt, m.maxRows, m.maxBytes);
      return { ...result, durationMs: performance.now() - t0 };
    } catch (e) {
      throw sqlError(e, at);
    }
  } finally {
    db.close();
  }
}

/** @param {any} m */
function write(m) {
  const at = ['statement'];
  const sql = single(m.sql, at);
  const first = leadingWords(sql, 1)[0] ?? '';
  const db = open(m.image, m.seed);
  try {
    const stmt = prepare(db, sql, at);
    if (!WRITE_WORDS.includes(first) || stmt.readonly) {
      throw new Refused(
        'invalid',
        stmt.readonly
          ? 'This statement only reads: use read_query'
          : ['CREATE', 'ALTER', 'DROP'].includes(first)
            ? 'Schema changes run as DDL (preview, then confirm), not as execute_statement'
            : 'execute_statement runs one INSERT, UPDATE, DELETE or REPLACE',
        at,
      );
    }
    const t0 = performance.now();
    db.exec('BEGIN');
    let changes = 0;
    /** @type {{ columns: { name: string, type: string | null }[], rows: unknown[][], truncated: boolean }} */
    let returned = { columns: [], rows: [], truncated: false };
    try {
      if (stmt.reader) {
        // INSERT … RETURNING: the rows it returns; every row is written whether or not it is returned.
        returned = collect(stmt, m.maxRows, m.maxBytes);
        changes = /** @type {number} */ (db.prepare('SELECT changes() AS n').get().n);
      } else {
        changes = stmt.run().changes;
      }
    } catch (e) {
      db.exec('ROLLBACK');
      throw sqlError(e, at);
    }
    const durationMs = performance.now() - t0;
    if (m.dryRun || (m.maxChanges !== null && changes > m.maxChanges)) {
      // A large write (it will run as a job) or a dry run: checked, nothing kept.
      db.exec('ROLLBACK');
      return { large: m.maxChanges !== null && changes > m.maxChanges, changes, durationMs };
    }
    db.exec('COMMIT');
    return { large: false, changes, ...returned, durationMs, image: imageOf(db, m.maxImageBytes) };
  } finally {
    db.close();
  }
}

/** @param {any} m */
function insert(m) {
  const db = open(m.image, m.seed);
  try {
    /** @type {Record<string, unknown>[]} */
    const rows = m.rows;
    const t0 = performance.now();
    const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(m.table);
    if (!exists) throw new Refused('invalid', `No table named ${m.table}`, ['table']);
    /** @type {Map<string, import('better-sqlite3').Statement>} */
    const statements = new Map();
    db.exec('BEGIN');
    try {
      rows.forEach((row, i) => {
        const names = Object.keys(row);
        for (const name of names) {
          if (!IDENTIFIER.test(name)) throw new Refused('invalid', `${JSON.stringify(name)} is not a column name`, ['rows', i, name]);
        }
        const key = names.join(',');
        let stmt = statements.get(key);
        if (!stmt) {
          const sql = names.length
            ? `INSERT INTO ${quote(m.table)} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`
            : `INSERT INTO ${quote(m.table)} DEFAULT VALUES`;
          try {
            stmt = db.prepare(sql);
          } catch (e) {
            throw sqlError(e, ['rows', i]);
          }
          statements.set(key, stmt);
        }
        try {
          stmt.run(...names.map((n) => (typeof row[n] === 'boolean' ? (row[n] ? 1 : 0) : row[n])));
        } catch (e) {
          throw sqlError(e, ['rows', i], `Row ${i + 1}: `);
        }
      });
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
    const durationMs = performance.now() - t0;
    if (m.dryRun) {
      db.exec('ROLLBACK');
      return { changes: rows.length, durationMs };
    }
    db.exec('COMMIT');
    return { changes: rows.length, durationMs, image: imageOf(db, m.maxImageBytes) };
  } finally {
    db.close();
  }
}

// ---- the schema, and what DDL does to it -------------------------------------------

/**
 * @typedef {{ name: string, type: string, notnull: number, dflt_value: string | null, pk: number }} Column
 * @typedef {{ tables: Map<string, { columns: Column[], rows: number }>, others: Map<string, { type: string, table: string }> }} Schema
 */

/** @param {import('better-sqlite3').Database} db @returns {Schema} */
function schemaOf(db) {
  const objects = /** @type {{ type: string, name: string, tbl_name: string }[]} */ (
    db.prepare("SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid").all()
  );
  /** @type {Schema} */
  const schema = { tables: new Map(), others: new Map() };
  for (const o of objects) {
    if (o.type === 'table') {
      const columns = /** @type {Column[]} */ (
        db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(o.name)
      );
      let rows = 0;
      try {
        rows = /** @type {number} */ (db.prepare(`SELECT count(*) AS n FROM ${quote(o.name)}`).get().n);
      } catch {
        // a virtual table without its module: no count
      }
      schema.tables.set(o.name, { columns, rows });
    } else {
      schema.others.set(o.name, { type: o.type, table: o.tbl_name });
    }
  }
  return schema;
}

const rowsWord = (/** @type {number} */ n) => `${n} ${n === 1 ? 'row' : 'rows'}`;

/** @param {Column} c */
function columnWords(c) {
  const parts = [c.type || 'no type'];
  if (c.notnull) parts.push('not null');
  if (c.dflt_value !== null) parts.push(`default ${c.dflt_value}`);
  return `${c.name} (${parts.join(', ')})`;
}

/**
 * The effects of one statement: the schema after it compared with the schema before.
 * @param {Schema} before @param {Schema} after @param {number} index @param {string[]} words
 */
function effectsOf(before, after, index, words) {
  /** @type {any[]} */
  const effects = [];
  const effect = (kind, object, description, destructive = false, rows = null) =>
    effects.push({ statement_index: index, kind, object, description, destructive, rows_affected: rows });
  const renaming = words.includes('RENAME');
  const gone = [...before.tables.keys()].filter((t) => !after.tables.has(t));
  const added = [...after.tables.keys()].filter((t) => !before.tables.has(t));
  if (renaming && gone.length === 1 && added.length === 1) {
    effect('rename_table', added[0], `Renames table ${gone[0]} to ${added[0]}`);
  } else {
    for (const t of added) {
      const info = /** @type {{ columns: Column[], rows: number }} */ (after.tables.get(t));
      effect(
        'create_table',
        t,
        `Creates table ${t} (${info.columns.map((c) => `${c.name} ${c.type || ''}`.trim()).join(', ')})${info.rows ? ` with ${rowsWord(info.rows)}` : ''}`,
        false,
        info.rows || null,
      );
    }
    for (const t of gone) {
      const rows = /** @type {{ rows: number }} */ (before.tables.get(t)).rows;
      effect('drop_table', t, `Drops table ${t}${rows ? ` and its ${rowsWord(rows)}` : ' (it has no rows)'}`, true, rows);
    }
  }
  for (const [t, now] of after.tables) {
    const was = before.tables.get(t);
    if (!was) continue;
    const newCols = now.columns.filter((c) => !was.columns.some((w) => w.name === c.name));
    const oldCols = was.columns.filter((c) => !now.columns.some((w) => w.name === c.name));
    if (renaming && newCols.length === 1 && oldCols.length === 1) {
      effect('rename_column', t, `Renames column ${oldCols[0]?.name} to ${newCols[0]?.name} in ${t}`);
      continue;
    }
    for (const c of newCols) {
      effect(
        'add_column',
        t,
        `Adds column ${columnWords(c)} to ${t}${was.rows ? `: its ${rowsWord(was.rows)} get ${c.dflt_value === null ? 'NULL' : `the default (${c.dflt_value})`}` : ''}`,
        false,
        was.rows || null,
      );
    }
    for (const c of oldCols) {
      effect(
        'drop_column',
        t,
        `Drops column ${c.name} from ${t}${was.rows ? `: its values in ${rowsWord(was.rows)} are lost` : ''}`,
        true,
        was.rows,
      );
    }
  }
  for (const [name, o] of after.others) {
    if (!before.others.has(name)) effect(`create_${o.type}`, name, `Creates ${o.type} ${name} on ${o.table}`);
  }
  for (const [name, o] of before.others) {
    if (!after.others.has(name) && after.tables.has(o.table)) effect(`drop_${o.type}`, name, `Drops ${o.type} ${name} (on ${o.table})`);
  }
  if (effects.length === 0) effect('no_change', null, 'Changes nothing: the schema is already so');
  return effects;
}

const DDL_WORDS = ['CREATE', 'ALTER', 'DROP'];

/** @param {any} m */
function ddl(m) {
  const at = ['sql'];
  const statements = splitStatements(m.sql);
  if (statements.length === 0) throw new Refused('invalid', 'There is no statement to run', at);
  statements.forEach((sql, i) => {
    const words = leadingWords(sql, 3);
    const prefix = statements.length > 1 ? `Statement ${i + 1}: ` : '';
    const first = words[0] ?? '';
    if (!DDL_WORDS.includes(first)) {
      throw new Refused(
        'invalid',
        `${prefix}Only DDL runs here (CREATE, ALTER or DROP); this is ${/^[A-Z]+$/.test(first) ? `${/^[AEIOU]/.test(first) ? 'an' : 'a'} ${first} statement` : 'not DDL'}: run queries and writes as operations`,
        at,
      );
    }
    if (words[0] === 'CREATE' && (words[1] === 'TEMP' || words[1] === 'TEMPORARY')) {
      throw new Refused('invalid', `${prefix}Temporary objects do not outlast a connection: create lasting ones`, at);
    }
  });
  const db = open(m.image, m.seed);
  try {
    /** @type {any[]} */
    const effects = [];
    let schema = schemaOf(db);
    const t0 = performance.now();
    statements.forEach((sql, i) => {
      const prefix = statements.length > 1 ? `Statement ${i + 1}: ` : '';
      let stmt;
      try {
        stmt = db.prepare(sql);
        stmt.run();
      } catch (e) {
        throw sqlError(e, at, prefix);
      }
      const next = schemaOf(db);
      effects.push(...effectsOf(schema, next, i + 1, leadingWords(sql, 8)));
      schema = next;
    });
    const durationMs = performance.now() - t0;
    const listed = statements.map((sql, i) => ({
      index: i + 1,
      sql,
      destructive: effects.some((e) => e.statement_index === i + 1 && e.destructive),
    }));
    return {
      statements: listed,
      effects,
      destructive: effects.some((e) => e.destructive),
      durationMs,
      ...(m.apply ? { image: imageOf(db, m.maxImageBytes) } : {}),
    };
  } finally {
    db.close();
  }
}

/** @param {any} m */
function tables(m) {
  const db = open(m.image, m.seed, true);
  try {
    const t0 = performance.now();
    const schema = schemaOf(db);
    const rows = [...schema.tables].map(([name, t]) => [name, t.columns.map(columnWords).join(', '), t.rows]);
    return {
      columns: [
        { name: 'table', type: null },
        { name: 'columns', type: null },
        { name: 'rows', type: null },
      ],
      rows,
      truncated: false,
      durationMs: performance.now() - t0,
    };
  } finally {
    db.close();
  }
}

const HANDLERS = /** @type {Record<string, (m: any) => object>} */ ({ read, write, insert, ddl, tables });

/** @param {any} m */
function handle(m) {
  const run = HANDLERS[m.op];
  if (!run) throw new Error(`unknown op ${m.op}`);
  return run(m);
}

if (process.send) {
  process.on('message', (/** @type {any} */ m) => {
    /** @type {object} */
    let reply;
    try {
      reply = { id: m.id, ok: true, ...handle(m) };
    } catch (e) {
      reply =
        e instanceof Refused
          ? { id: m.id, ok: false, error: { code: e.code, message: e.message, at: e.at ?? [] } }
          : { id: m.id, failure: e instanceof Error ? e.message : String(e) };
    }
    process.send?.(reply);
  });
  // The mock went away: so does its runner.
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true });
}
