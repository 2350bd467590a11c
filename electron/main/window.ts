/**
 * The one BrowserWindow factory. Every window Liaison opens is built here so
 * none can be created without the sandbox, context isolation and the
 * in-memory session.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session, type Session } from 'electron';
import { APP_INDEX_URL } from './app-path.ts';

/** dist/ at runtime: this file is bundled into dist/main/index.mjs. */
const DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RENDERER_DIR = path.join(DIST_DIR, 'renderer');
const PRELOAD_PATH = path.join(DIST_DIR, 'preload', 'index.cjs');

/**
 * No `persist:` prefix, so Chromium keeps this session in memory only: the
 * HTTP cache, localStorage, IndexedDB, service-worker and code caches of a
 * page full of student records never reach the disk, and vanish at quit.
 */
const APP_PARTITION = 'liaison';

export function appSession(): Session {
  return session.fromPartition(APP_PARTITION);
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    // Titles are visible in the taskbar, window switchers and screen shares: never patient data.
    title: 'Liaison',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: {
      preload: PRELOAD_PATH,
      partition: APP_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Spellcheck sends words to dictionaries and stores custom words on disk.
      spellcheck: false,
      // DevTools would show decrypted records and let anyone call the bridge by hand.
      devTools: !app.isPackaged,
    },
  });

  // The renderer's <title> may one day carry a student's name; the window title stays "Liaison".
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_INDEX_URL).catch((e: unknown) => console.error('Could not load the Liaison window.', e));
  return win;
}
