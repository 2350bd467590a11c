/** Small helpers for the benchmark report. */

export interface Row {
  name: string;
  measured: string;
  target: string;
  pass: boolean;
  detail: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** mulberry32: a seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function formatTable(rows: readonly Row[]): string {
  const header = { name: 'Measure', measured: 'Measured', target: 'Target', result: 'Result', detail: 'Runs / detail' };
  const cells = rows.map((r) => ({ name: r.name, measured: r.measured, target: r.target, result: r.pass ? 'PASS' : 'FAIL', detail: r.detail }));
  const cols = ['name', 'measured', 'target', 'result', 'detail'] as const;
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(header[c].length, ...cells.map((x) => x[c].length))])) as Record<(typeof cols)[number], number>;
  const line = (x: Record<(typeof cols)[number], string>) => cols.map((c) => x[c].padEnd(width[c])).join(' │ ').trimEnd();
  const rule = cols.map((c) => '─'.repeat(width[c])).join('─┼─');
  return [line(header), rule, ...cells.map(line)].join('\n');
}
