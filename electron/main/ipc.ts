/**
 * The one IPC wrapper: every contract channel gets the same handler, which
 * refuses callers that are not Liaison's own page before anything reaches
 * the API. The API then validates the input against the contract.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Api } from '../services/api.ts';
import { channelNames } from '../shared/channels.ts';
import type { Result } from '../shared/errors.ts';
import { APP_ORIGIN, appOriginOf } from './app-path.ts';

const REFUSED: Result<never> = { ok: false, error: { code: 'INVALID_INPUT', message: 'Request refused.' } };

/**
 * Only the top frame of a page served from app://liaison may call. Navigation
 * away is already blocked; this is the second wall, for a frame that got
 * there anyway (a bug in the guards, an injected iframe).
 */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return appOriginOf(frame.url) === APP_ORIGIN;
  } catch {
    // A frame disposed mid-call cannot be checked, so it is not trusted.
    return false;
  }
}

export function registerIpc(api: Api): void {
  for (const name of channelNames) {
    ipcMain.handle(name, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        // The input is not logged: it may hold a passphrase or a record.
        console.warn(`Refused "${name}" from a frame outside ${APP_ORIGIN}.`);
        return REFUSED;
      }
      return api.call(name, input);
    });
  }
}
