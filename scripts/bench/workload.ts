/** The write+read mix run on both the encrypted and the plain database. */
import { createHash } from 'node:crypto';
import type { Connection } from '../../db/connection.ts';

export interface MixTimings {
  writeMs: number;
  readMs: number;
  rangeMs: number;
  totalMs: number;
  /** Hash of everything read, so both databases are shown to do the same work. */
  checksum: string;
}

const keyOf = (i: number) => `k${i.toString().padStart(8, '0')}`;

function shuffled(n: number, rand: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export function runMix(conn: Connection, opts: { table: string; rows: number; batch: number; rand: () => number }): MixTimings {
  const { table, rows, batch, rand } = opts;
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error('bad table name');
  conn.exec(`DROP TABLE IF EXISTS ${table}`);
  conn.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, k TEXT NOT NULL, v TEXT NOT NULL, n INTEGER NOT NULL)`);
  conn.exec(`CREATE INDEX ${table}_k ON ${table}(k)`);

  // Keys arrive in random order (as records do), values are ~100 bytes of text.
  const insertOrder = shuffled(rows, rand);
  const readOrder = shuffled(rows, rand);
  const values = insertOrder.map((i) => `value ${i} `.padEnd(100, String.fromCharCode(97 + (i % 26))));

  const insert = conn.prepare(`INSERT INTO ${table} (k, v, n) VALUES (?, ?, ?)`);
  const insertBatch = conn.transaction((from: number, to: number) => {
    for (let j = from; j < to; j++) insert.run(keyOf(insertOrder[j]!), values[j]!, insertOrder[j]!);
  });
  const point = conn.prepare(`SELECT v, n FROM ${table} WHERE k = ?`);
  const range = conn.prepare(`SELECT count(*) AS c, sum(n) AS s, sum(length(v)) AS l FROM ${table} WHERE k BETWEEN ? AND ?`);
  const full = conn.prepare(`SELECT count(*) AS c, sum(n) AS s FROM ${table}`);
  const hash = createHash('sha256');

  const t0 = performance.now();
  for (let from = 0; from < rows; from += batch) insertBatch(from, Math.min(rows, from + batch));
  const t1 = performance.now();
  for (const i of readOrder) {
    const row = point.get(keyOf(i)) as { v: string; n: number } | undefined;
    if (!row || row.n !== i) throw new Error(`point read of ${keyOf(i)} failed`);
    if (i % 997 === 0) hash.update(row.v);
  }
  const t2 = performance.now();
  const scans = 200;
  for (let s = 0; s < scans; s++) {
    const start = Math.floor(rand() * (rows - 500));
    const r = range.get(keyOf(start), keyOf(start + 499)) as { c: number; s: number; l: number };
    if (r.c !== 500) throw new Error(`range scan returned ${r.c} rows`);
    hash.update(`${r.c}:${r.s}:${r.l}`);
  }
  const all = full.get() as { c: number; s: number };
  hash.update(`${all.c}:${all.s}`);
  const t3 = performance.now();
  conn.exec(`DROP TABLE ${table}`);
  return { writeMs: t1 - t0, readMs: t2 - t1, rangeMs: t3 - t2, totalMs: t3 - t0, checksum: hash.digest('hex') };
}
