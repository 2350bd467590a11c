/**
 * The Electron shell itself: the bridge, the sandbox and the navigation
 * guards, in the built app (`npm run test:electron` builds first).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { channelNames } from '../../electron/shared/channels.ts';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

type PageGlobals = { liaison: Record<string, (input?: unknown) => Promise<unknown>> } & Record<string, unknown>;

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  userData = await mkdtemp(path.join(os.tmpdir(), 'liaison-shell-'));
  app = await electron.launch({
    args: ['.'],
    cwd: projectRoot,
    // A throw-away profile: never the real vault, and no clash with a running copy's single-instance lock.
    env: { ...process.env, LIAISON_USER_DATA: userData },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userData) await rm(userData, { recursive: true, force: true });
});

test('the page is served from app://liaison', () => {
  expect(page.url()).toMatch(/^app:\/\/liaison\//);
});

test('window.liaison has exactly the contract channels', async () => {
  const keys = await page.evaluate(() => Object.keys((globalThis as unknown as PageGlobals).liaison).sort());
  expect(keys).toEqual([...channelNames].sort());
  const kinds = await page.evaluate(() => Object.values((globalThis as unknown as PageGlobals).liaison).map((f) => typeof f));
  expect(new Set(kinds)).toEqual(new Set(['function']));
});

test('a channel answers through IPC with the result envelope', async () => {
  const result = await page.evaluate(() => (globalThis as unknown as PageGlobals).liaison['vault:status']!({}));
  expect(result).toMatchObject({ ok: true });
});

test('the page has no Node', async () => {
  const globals = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return { require: typeof g.require, process: typeof g.process, module: typeof g.module, Buffer: typeof g.Buffer };
  });
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
});

test('navigating away is blocked', async () => {
  const before = page.url();
  await page.evaluate(() => {
    globalThis.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(1000);
  expect(page.url()).toBe(before);
});

test('window.open opens no window', async () => {
  // about:blank: not http(s), so the shell does not hand it to the system browser either.
  const opened = await page.evaluate(() => globalThis.open('about:blank') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('the window title stays "Liaison"', async () => {
  await page.evaluate(() => {
    document.title = 'Student: Jane Doe';
  });
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
  expect(title).toBe('Liaison');
});

test('the unlock or create screen renders', async () => {
  await expect(page.getByRole('heading').first()).toBeVisible();
});
