/**
 * The browser harness: the real renderer (built by Vite) in Chromium, with
 * `window.liaison` routed to the real createApi() over a vault in a temp
 * folder. Only Electron's IPC plumbing is replaced: the bridge below mirrors
 * electron/preload (a frozen object with exactly the contract's channels).
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { createApi, type Api } from '../../electron/services/api.ts';
import type { AutoLockOptions, LockReason, SaveRequest } from '../../electron/services/ports.ts';
import { channelNames } from '../../electron/shared/channels.ts';

const RENDERER = path.resolve(import.meta.dirname, '../../dist/renderer');
export const ORIGIN = 'http://liaison.test';
export const SCREENS = path.resolve(import.meta.dirname, '../.artifacts/screens');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface Harness {
  page: Page;
  api: Api;
  vaultDir: string;
  exportDir: string;
  saved: SaveRequest[];
  locks: LockReason[];
  open(): Promise<void>;
  screenshot(name: string): Promise<void>;
}

function bridgeScript(names: readonly string[]): string {
  return `(() => {
    const names = ${JSON.stringify(names)};
    const api = {};
    for (const name of names) api[name] = async (input) => JSON.parse(await window.__liaisonCall(name, input));
    Object.defineProperty(window, 'liaison', { value: Object.freeze(api), writable: false, configurable: false });
    let last = 0;
    const touched = () => { const now = Date.now(); if (now - last > 100) { last = now; window.__liaisonActivity(); } };
    for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel']) addEventListener(type, touched, { capture: true, passive: true });
  })();`;
}

export const test = base.extend<{ autoLock: Partial<AutoLockOptions>; liaison: Harness }>({
  autoLock: [{}, { option: true }],
  liaison: async ({ page, autoLock }, use) => {
    if (!existsSync(path.join(RENDERER, 'index.html'))) throw new Error('Build the renderer first: npm run build:renderer');
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-e2e-'));
    const vaultDir = path.join(root, 'vault');
    const exportDir = path.join(root, 'exports');
    const saved: SaveRequest[] = [];
    const locks: LockReason[] = [];
    let lastActivity = Date.now();
    const api = createApi({
      vaultDir,
      autoLock,
      ports: {
        idleMs: () => Date.now() - lastActivity,
        onLocked: (reason) => {
          locks.push(reason);
          // As the Electron shell does: a locked vault means a fresh renderer.
          void page.reload().catch(() => undefined);
        },
        saveDocument: async (request) => {
          await fs.mkdir(exportDir, { recursive: true });
          await fs.writeFile(path.join(exportDir, request.suggestedName), request.bytes);
          saved.push(request);
          return { fileName: request.suggestedName };
        },
        chooseSaveLocation: async (request) => {
          await fs.mkdir(exportDir, { recursive: true });
          return path.join(exportDir, request.suggestedName);
        },
        chooseFolder: async () => {
          await fs.mkdir(exportDir, { recursive: true });
          return exportDir;
        },
        openInViewer: async () => undefined,
      },
    });
    // Answers cross as one JSON string: Playwright's per-value serialization of a
    // 2,000-row caseload costs ~300 ms, a string a few ms (Electron's IPC is
    // structured clone, which is fast either way).
    await page.exposeBinding('__liaisonCall', async (_source, channel: string, input: unknown) => JSON.stringify(await api.call(channel, input)));
    await page.exposeBinding('__liaisonActivity', () => {
      lastActivity = Date.now();
    });
    await page.addInitScript({ content: bridgeScript(channelNames) });
    await page.route(`${ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
      const file = path.resolve(RENDERER, rel);
      if (!file.startsWith(RENDERER + path.sep) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({
        status: 200,
        body: await fs.readFile(file),
        headers: { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' },
      });
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await use({
      page,
      api,
      vaultDir,
      exportDir,
      saved,
      locks,
      open: async () => {
        await page.goto(`${ORIGIN}/index.html`);
      },
      screenshot: async (name) => {
        await fs.mkdir(SCREENS, { recursive: true });
        await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
      },
    });
    await api.dispose();
    await fs.rm(root, { recursive: true, force: true });
    if (pageErrors.length > 0) throw new Error(`The page threw: ${pageErrors.join('\n')}`);
  },
});

export { expect } from '@playwright/test';
