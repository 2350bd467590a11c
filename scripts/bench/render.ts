/**
 * The renderer timing row: runs tests/harness/bench/caseload-render.bench.ts
 * (Playwright, the built renderer in Chromium over the real API) and reads the
 * line it prints. Skipped, with the reason, when the renderer has not been
 * built or no Chromium is installed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Row } from './report.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONFIG = 'tests/harness/playwright.bench.config.ts';
const CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const TIMEOUT_MS = 240_000;
const LINE = /caseload render 2,000 students: median (\d+) ms \(runs ([^)]*)\) target ≤ (\d+) ms (PASS|FAIL)/;
const DETAIL = /caseload render detail: (.*)/;

export type RenderOutcome = { row: Row; notes: string[] } | { skipped: string };

function newestFile(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    // The CLI runs on this Node (22), as `npm run` would: the system Node may be older.
    const bin = [path.dirname(process.execPath), path.join(ROOT, 'node_modules/.bin')].join(path.delimiter);
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, output: `${output}\n${String(e)}`, timedOut });
    });
  });
}

export async function benchRender(): Promise<RenderOutcome> {
  const index = path.join(ROOT, 'dist/renderer/index.html');
  if (!existsSync(index)) return { skipped: 'dist/renderer is not built (run npm run build:renderer)' };
  if (!CHROMIUMS.some((p) => existsSync(p))) return { skipped: `no Chromium at ${CHROMIUMS.join(' or ')}` };
  const notes: string[] = [];
  const src = path.join(ROOT, 'renderer/src');
  if (existsSync(src) && newestFile(src) > statSync(index).mtimeMs) {
    notes.push('note: renderer/src has changed since dist/renderer was built; the timing is of the older build (npm run build:renderer)');
  }
  const t0 = performance.now();
  let { code, output, timedOut } = await run('npx', ['playwright', 'test', '-c', CONFIG]);
  if (!LINE.test(output) && /Build the renderer first/.test(output)) {
    // Someone rebuilt dist/renderer while the test started (Vite empties the folder first): once more.
    notes.push('note: dist/renderer was missing while the test started (a rebuild in progress?); ran it again');
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    ({ code, output, timedOut } = await run('npx', ['playwright', 'test', '-c', CONFIG]));
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(0);
  const found = LINE.exec(output);
  const name = 'caseload render: click "Caseload" → first row + "2,000 students" shown, median of 5';
  if (!found) {
    const why = timedOut ? `timed out after ${TIMEOUT_MS / 1000} s` : `playwright exited ${code}`;
    const firstError = output.split('\n').find((l) => /Error|✘|failed/.test(l))?.trim() ?? 'no timing line printed';
    notes.push(`renderer bench output (last lines):\n${output.trim().split('\n').slice(-25).join('\n')}`);
    return { row: { name, measured: '—', target: '≤ 300 ms', pass: false, detail: `${why}: ${firstError}` }, notes };
  }
  const [, medianMs, runs, target, verdict] = found;
  const detail = DETAIL.exec(output)?.[1];
  const afterData = /rendering after the answer, median (\d+) ms/.exec(detail ?? '')?.[1];
  const bridge = /through the harness bridge (\d+) ms/.exec(detail ?? '')?.[1];
  const split = afterData ? `; rendering after the data arrived ${afterData} ms${bridge ? `, list call through the harness bridge alone ${bridge} ms` : ''}` : '';
  if (detail) notes.push(`renderer: ${detail}`);
  if (code !== 0) notes.push(`renderer bench: playwright exited ${code} after printing its timing`);
  return {
    row: { name, measured: `${medianMs} ms`, target: `≤ ${target} ms`, pass: verdict === 'PASS', detail: `runs ${runs} ms${split}; Playwright run ${seconds} s` },
    notes,
  };
}
