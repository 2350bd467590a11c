/**
 * Renderer timing: how long the Caseload screen takes to show a 2,000-student
 * caseload, from the click on "Caseload" in the navigation to the first table
 * row and the "2,000 students" count on screen (the frame after the DOM holds
 * both). Median of 5. Printed as one line that `npm run bench` reads:
 *
 *   caseload render 2,000 students: median N ms (runs a, b, …) target ≤ 300 ms PASS|FAIL
 *
 * A second line splits the time: the wait for the caseload:list answer (the
 * API plus, here, the harness bridge: Playwright's exposeBinding over CDP,
 * where Electron has IPC) and the rendering after it arrives.
 *
 * A report, like the bench: a slow render prints FAIL but does not fail the
 * test; a table that is not virtualized (200 or more rows in the page) does.
 */
import type { Page } from '@playwright/test';
import { skywardRosterCsv } from '../../../scripts/bench/roster-csv.ts';
import { expect, test } from '../harness.ts';

const STUDENTS = 2_000;
const COUNT_TEXT = '2,000 students';
const RUNS = 5;
const TARGET_MS = 300;
const PASSPHRASE = 'benchmark passphrase — not a secret';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

async function ok<T>(p: Promise<Outcome<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

interface Timing {
  /** Click to the DOM holding the first row and the count. */
  domMs: number;
  /** Click to the next animation frame after that: what a person sees. */
  shownMs: number;
  /** Click to the caseload:list answer reaching the page (null when it could not be observed). */
  dataMs: number | null;
  /** Click to the page asking for caseload:list (its first render and effects). */
  callMs: number | null;
}

/**
 * Arms a watcher in the page: it notes the click on the navigation's Caseload
 * button (capture phase, so before React handles it) and resolves once the
 * table has a data row and the count text is in the page, then waits one frame.
 */
async function armWatcher(page: Page): Promise<void> {
  await page.evaluate(
    ({ countText }) => {
      interface Timing {
        domMs: number;
        shownMs: number;
        dataMs: number | null;
        callMs: number | null;
      }
      type Call = (channel: string, input: unknown) => Promise<unknown>;
      const w = window as unknown as { __caseloadShown?: Promise<Timing>; __liaisonCall: Call; __unwrappedCall?: Call };
      // The harness bridge looks up window.__liaisonCall on every call: wrapping it notes when the
      // caseload:list answer reaches the page, splitting the wait for data from the rendering.
      const call = (w.__unwrappedCall ??= w.__liaisonCall);
      let calledAt: number | null = null;
      let answeredAt: number | null = null;
      try {
        w.__liaisonCall = async (channel, input) => {
          if (channel === 'caseload:list' && calledAt === null) calledAt = performance.now();
          const result = await call(channel, input);
          if (channel === 'caseload:list') answeredAt = performance.now();
          return result;
        };
      } catch {
        // Not writable in this Playwright: the split is left out.
      }
      w.__caseloadShown = new Promise((resolve, reject) => {
        let clickedAt: number | null = null;
        let done = false;
        const ready = () => {
          const table = document.querySelector('[data-testid="caseload-table"]');
          const row = table?.querySelector('tbody tr:not([aria-hidden="true"])');
          if (!row || !row.textContent?.trim()) return false;
          const count = document.evaluate(`//*[normalize-space(text())='${countText}']`, document.body, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null);
          return count.singleNodeValue !== null;
        };
        const check = () => {
          if (done || clickedAt === null || !ready()) return;
          done = true;
          const domAt = performance.now();
          observer.disconnect();
          document.removeEventListener('click', onClick, true);
          const start = clickedAt;
          const dataMs = answeredAt === null ? null : answeredAt - start;
          const callMs = calledAt === null ? null : calledAt - start;
          requestAnimationFrame(() => resolve({ domMs: domAt - start, shownMs: performance.now() - start, dataMs, callMs }));
        };
        const onClick = (event: MouseEvent) => {
          const button = (event.target as Element | null)?.closest('button');
          if (clickedAt === null && button?.closest('nav') && button.textContent?.trim() === 'Caseload') {
            clickedAt = performance.now();
            check();
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        document.addEventListener('click', onClick, true);
        setTimeout(() => reject(new Error('the caseload table did not appear within 30 s')), 30_000);
      });
    },
    { countText: COUNT_TEXT },
  );
}

test('caseload render with 2,000 students', async ({ liaison }) => {
  const { api, page } = liaison;
  await ok(api.call('vault:create', { passphrase: PASSPHRASE }));
  const file = { fileName: 'roster.csv', base64: Buffer.from(skywardRosterCsv(STUDENTS)).toString('base64'), source: 'Skyward' };
  const preview = await ok(api.call('roster:preview', { ...file, mapping: null }));
  expect(preview.counts.create).toBe(STUDENTS);
  const committed = await ok(api.call('roster:commit', { ...file, mapping: preview.mapping }));
  expect(committed.created).toBe(STUDENTS);

  // The vault is unlocked in the API already, so the app opens on Home.
  await liaison.open();
  const nav = page.getByRole('navigation');
  const table = page.getByTestId('caseload-table');
  const runs: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (i > 0) await nav.getByRole('button', { name: 'Home', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    // Home has finished loading (its due-soon call is answered), so the API is idle when she clicks.
    await expect(page.getByRole('heading', { name: 'Due soon' })).toBeVisible();
    await armWatcher(page);
    await nav.getByRole('button', { name: 'Caseload', exact: true }).click();
    runs.push(await page.evaluate(() => (window as unknown as { __caseloadShown: Promise<Timing> }).__caseloadShown));
    await expect(table.locator('tbody tr:not([aria-hidden="true"])').first()).toBeVisible();
    await expect(page.getByText(COUNT_TEXT, { exact: true })).toBeVisible();
    // Virtualized: only the rows in view (plus overscan and spacers) are in the page.
    const rowsInPage = await table.locator('tr').count();
    expect(rowsInPage).toBeLessThan(200);
  }

  // Where the time goes: the list call alone in Node, and the same call from the page (through the harness bridge).
  const active = { status: 'active', schoolId: null, grade: null, program: null } as const;
  const apiMs: number[] = [];
  const bridgeMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await ok(api.call('caseload:list', active));
    apiMs.push(performance.now() - t0);
    bridgeMs.push(
      await page.evaluate(async (input) => {
        const bridge = (window as unknown as { liaison: Record<string, (input: unknown) => Promise<unknown>> }).liaison;
        const t0 = performance.now();
        await bridge['caseload:list']!(input);
        return performance.now() - t0;
      }, active),
    );
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  const shown = runs.map((r) => Math.round(r.shownMs));
  const split = runs.filter((r) => r.dataMs !== null).map((r) => r.shownMs - r.dataMs!);
  const afterData = split.length === runs.length ? Math.round(mid(split)) : null;
  const median = [...shown].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  const verdict = median <= TARGET_MS ? 'PASS' : 'FAIL';
  console.log(`caseload render 2,000 students: median ${median} ms (runs ${shown.join(', ')}) target ≤ ${TARGET_MS} ms ${verdict}`);
  console.log(
    `caseload render detail: DOM ready ${runs.map((r) => Math.round(r.domMs)).join(', ')} ms, ` +
      `of which until the page asks for caseload:list ${runs.map((r) => (r.callMs === null ? '?' : Math.round(r.callMs))).join(', ')} ms ` +
      `and until its answer arrives ${runs.map((r) => (r.dataMs === null ? '?' : Math.round(r.dataMs))).join(', ')} ms; ` +
      `rendering after the answer, median ${afterData === null ? '?' : afterData} ms; rows in page ${await table.locator('tr').count()}; ` +
      `caseload:list alone: API ${mid(apiMs).toFixed(0)} ms, from the page through the harness bridge ${mid(bridgeMs).toFixed(0)} ms (medians of ${RUNS})`,
  );
});
