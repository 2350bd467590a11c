/** The decade generator's tools: a seeded random source, day arithmetic on UTC day numbers, bulk inserts. */
import type { Vault } from '../../db/vault.ts';
import { mulberry32 } from './report.ts';

export const DAY_MS = 86_400_000;
const CHUNK = 4_000;

// ---- Randomness and dates ------------------------------------------------------------

export type Rng = ReturnType<typeof rng>;

export function rng(seed: number) {
  const next = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** Favors the start of the list: a few phrases are common, most are rare. */
    skewed: <T>(items: readonly T[], power = 2): T => items[Math.floor(next() ** power * items.length)]!,
    weighted: <T extends { weight: number }>(items: readonly T[]): T => {
      let r = next() * items.reduce((sum, i) => sum + i.weight, 0);
      for (const item of items) if ((r -= item.weight) < 0) return item;
      return items[items.length - 1]!;
    },
    /** A version-4-shaped UUID from the seeded stream (the contract checks ids as UUIDs). */
    uuid: () => {
      let hex = '';
      for (let i = 0; i < 4; i++) hex += Math.floor(next() * 2 ** 32).toString(16).padStart(8, '0');
      const variant = '89ab'[int(0, 3)]!;
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}

export const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
export const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// ---- Writing -------------------------------------------------------------------------

export type Value = string | number | null;

export function insertRows(vault: Vault, table: string, columns: readonly string[], rows: readonly Value[][]): void {
  const conn = vault.connection;
  const statement = conn.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const chunk = conn.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) statement.run(rows[i]!);
  });
  for (let from = 0; from < rows.length; from += CHUNK) chunk(from, Math.min(rows.length, from + CHUNK));
}


// ---- People --------------------------------------------------------------------------

export function maybeDecomposed(r: Rng, name: string): string {
  return r.chance(0.08) ? name.normalize('NFD') : name;
}

export function gradeAt(ageYears: number): string {
  if (ageYears < 4) return 'EC';
  if (ageYears === 4) return '4K';
  if (ageYears === 5) return 'K';
  return ageYears - 5 <= 12 ? String(ageYears - 5) : '12+';
}

export function schoolLevel(grade: string): number {
  const n = Number(grade);
  if (!Number.isFinite(n)) return grade === '12+' ? 2 : 0;
  return n <= 5 ? 0 : n <= 8 ? 1 : 2;
}

