/**
 * Locks the vault when the laptop leaves the person's hands: on sleep and on
 * screen lock. Idle time is handled by the API's own auto-lock (through
 * ports.idleMs). There is no global shortcut: the renderer handles Ctrl+L,
 * and a system-wide hotkey would steal that key from every other program.
 */
import { powerMonitor } from 'electron';
import type { Api } from '../services/api.ts';
import type { LockReason } from '../services/ports.ts';

export function lockOnSystemEvents(api: Pick<Api, 'lock'>): void {
  const lockFor = (reason: LockReason) => () => {
    api.lock(reason).catch((e: unknown) => console.error(`Could not lock the vault (${reason}).`, e));
  };
  powerMonitor.on('suspend', lockFor('suspend'));
  powerMonitor.on('lock-screen', lockFor('screen-lock'));
}
