/**
 * The Electron shell: one instance, one window, the renderer served from
 * app://liaison, every channel routed to the plain-Node API. Storage and
 * rules live in electron/services; this file only wires them to Electron.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, powerMonitor, protocol, session } from 'electron';
import { createApi, type Api } from '../services/api.ts';
import type { Ports } from '../services/ports.ts';
import { APP_SCHEME, contentTypeFor, resolveAppPath } from './app-path.ts';
import { chooseFolder, chooseSaveLocation, openInViewer, saveDocument } from './dialogs.ts';
import { appResponseHeaders, hardenSession, installHardening } from './harden.ts';
import { registerIpc } from './ipc.ts';
import { lockOnSystemEvents } from './lock.ts';
import { appSession, createMainWindow, RENDERER_DIR } from './window.ts';

app.setName('Liaison');
// Lets shell tests run against a throw-away folder instead of the person's
// real vault. Ignored in packaged builds, where a variable set by someone
// else must not be able to point Liaison at a different vault.
if (!app.isPackaged && process.env.LIAISON_USER_DATA) app.setPath('userData', process.env.LIAISON_USER_DATA);

// Crash dumps: a minidump holds the crashed process's memory — decrypted
// records and the vault's data key — written as plaintext. Moving it with
// app.setPath('crashDumps', …) only changes where that plaintext lands, so
// the crash reporter is never started (Crashpad writes nothing until
// crashReporter.start() is called) and never uploads. Operating-system crash
// handlers (Windows Error Reporting, macOS ReportCrash, Linux core dumps) are
// outside the app and are covered by deployment guidance.
//
// Caches: the renderer runs in an in-memory session (window.ts), every app://
// response says no-store, and the HTTP disk cache is switched off as well, so
// no page, script response or fetched record is cached on disk.
app.commandLine.appendSwitch('disable-http-cache');
// Every renderer sandboxed, including any a future change forgets to configure.
app.enableSandbox();

// Must run before `ready`. standard + secure give app://liaison a real origin
// (for the CSP 'self', fetch and the IPC sender check) without http(s).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
installHardening();

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/** Serves the built renderer, read-only: GET only, nothing outside dist/renderer. */
async function serveApp(request: Request): Promise<Response> {
  if (request.method !== 'GET') {
    return new Response('Method not allowed', { status: 405, headers: { ...appResponseHeaders('text/plain; charset=utf-8'), Allow: 'GET' } });
  }
  const file = resolveAppPath(RENDERER_DIR, request.url);
  if (file === null) return notFound();
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), { status: 200, headers: appResponseHeaders(contentTypeFor(file)) });
  } catch {
    return notFound();
  }
}

let mainWindow: BrowserWindow | null = null;

function openWindow(): void {
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

const ports: Ports = {
  saveDocument: (request) => saveDocument(request, BrowserWindow.getFocusedWindow() ?? mainWindow),
  chooseSaveLocation: (request) => chooseSaveLocation(request, BrowserWindow.getFocusedWindow() ?? mainWindow),
  chooseFolder: (request) => chooseFolder(request, BrowserWindow.getFocusedWindow() ?? mainWindow),
  openInViewer,
  idleMs: () => powerMonitor.getSystemIdleTime() * 1000,
  onLocked: (reason) => {
    // Reloading drops every decrypted record held by the page. At quit the
    // windows are closing anyway, and a reload would only flash.
    if (reason === 'quit') return;
    for (const win of BrowserWindow.getAllWindows()) win.webContents.reload();
  },
};

function start(): void {
  let api: Api | null = null;
  let quitting: 'no' | 'locking' | 'locked' = 'no';

  // A second copy would open the same vault file and fight over it; it hands
  // over to the running window instead.
  app.on('second-instance', focusWindow);

  // Locking on quit closes the database cleanly and writes the audit entry
  // before the process ends; quit is held until that is done.
  app.on('before-quit', (event) => {
    if (!api || quitting === 'locked') return;
    event.preventDefault();
    if (quitting === 'locking') return;
    quitting = 'locking';
    api
      .dispose()
      .catch((e: unknown) => console.error('Could not lock the vault while quitting.', e))
      .finally(() => {
        quitting = 'locked';
        app.quit();
      });
  });

  // No windowless background life: an unlocked vault with no window to lock it from is a risk.
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);
      const ses = appSession();
      hardenSession(ses);
      ses.protocol.handle(APP_SCHEME, serveApp);

      api = createApi({ vaultDir: path.join(app.getPath('userData'), 'vault'), ports });
      registerIpc(api);
      lockOnSystemEvents(api);
      openWindow();
    })
    .catch((e: unknown) => {
      console.error('Liaison could not start.', e);
      app.exit(1);
    });
}

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
