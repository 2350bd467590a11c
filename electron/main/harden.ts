/**
 * The guards every web page and session in Liaison gets. The renderer shows
 * student records, so a script injected through a stored field (a name, a
 * note) must find nowhere to go: no navigation away, no new windows, no
 * webviews, no device or permission prompts, no downloads that bypass the
 * export dialog and its record of disclosure.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-path.ts';

/**
 * Sent as a header on every app:// response (the page's <meta> CSP cannot set
 * frame-ancestors). Scripts only from the app itself: no inline script, no
 * eval. Styles allow 'unsafe-inline' because Mantine injects CSS variables at
 * runtime; a style cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for app:// responses. no-store: nothing the app serves belongs in a cache on disk. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** Scheme and host only: a full URL may carry something a person typed. */
function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an unreadable address';
  }
}

/**
 * Links to the web open in the person's own browser, never inside Liaison
 * (where the page would sit next to the bridge). Only http(s): `file:`,
 * `smb:`, custom app schemes and the like can launch programs.
 */
function openExternally(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return;
  shell.openExternal(parsed.href).catch((e: unknown) => console.warn('Could not open a link in the browser.', e));
}

function hardenContents(contents: WebContents): void {
  // A page that leaves app://liaison would keep the preload's bridge.
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    console.warn(`Blocked navigation to ${describe(event.url)}.`);
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    console.warn('Blocked a webview.');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

const hardened = new WeakSet<Session>();

/** Deny every permission and device request, and every download, in a session. */
export function hardenSession(ses: Session): void {
  if (hardened.has(ses)) return;
  hardened.add(ses);
  // Camera, microphone, location, notifications, clipboard reads, HID/USB/serial…
  // Liaison needs none of them, and a prompt is a way to trick a busy person.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Exports go through the save dialog, which checks consent and records the
  // disclosure; a download would write plaintext somewhere with neither.
  ses.on('will-download', (event) => {
    event.preventDefault();
    console.warn('Blocked a download.');
  });
}

/** Call before `ready`: covers every web page and session Electron creates from then on. */
export function installHardening(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('session-created', (ses) => hardenSession(ses));
}
