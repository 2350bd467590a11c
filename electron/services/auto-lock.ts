/**
 * Locks the vault after the configured minutes without keyboard or mouse.
 * Suspend and screen lock are wired by the shell and call `lock` directly.
 */
import type { AutoLockOptions } from './ports.ts';

export interface AutoLockDeps {
  options: AutoLockOptions;
  idleMs(): number;
  /** Minutes from Settings, or null while locked. */
  minutes(): number | null;
  lock(): Promise<void>;
}

export function startAutoLock(deps: AutoLockDeps): () => void {
  let running = false;
  const timer = setInterval(() => {
    const minutes = deps.minutes();
    if (running || minutes === null) return;
    if (deps.idleMs() >= minutes * deps.options.minuteMs) {
      running = true;
      deps.lock().finally(() => {
        running = false;
      });
    }
  }, deps.options.checkEveryMs);
  // Never the reason a process stays alive.
  timer.unref?.();
  return () => clearInterval(timer);
}
