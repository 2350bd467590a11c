/**
 * createApi: the single entry point from any UI (Electron IPC or the test
 * harness) to the data. Each call runs: known channel → input parsed against
 * the contract → vault unlocked (unless the channel works while locked) →
 * handler → output parsed against the contract → `{ ok, value }`; anything
 * else → `{ ok: false, error }`. Calls run one at a time, so a lock never
 * lands in the middle of a save.
 */
import { contract, isChannelName, type ChannelName, type ChannelInput, type ChannelOutput } from '../shared/contract.ts';
import { describeIssue, fieldLabel, type Result } from '../shared/errors.ts';
import { startAutoLock } from './auto-lock.ts';
import { toApiError } from './failures.ts';
import { createHandlers } from './handlers/index.ts';
import { DEFAULT_AUTO_LOCK, type AutoLockOptions, type LockReason, type Ports } from './ports.ts';
import { VaultSession } from './vault-session.ts';

export interface Api {
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  /** For the shell: suspend, screen lock, quit. */
  lock(reason: LockReason): Promise<void>;
  /** Locks and stops timers; the API refuses nothing afterwards but holds no vault. */
  dispose(): Promise<void>;
}

export function createApi(options: { vaultDir: string; ports: Ports; autoLock?: Partial<AutoLockOptions> }): Api {
  const session = new VaultSession(options.vaultDir, options.ports);
  const state = { autoLockMinutes: null as number | null };
  const handlers = createHandlers(session, {
    onSettings: (s) => {
      state.autoLockMinutes = s.autoLockMinutes;
    },
    ports: options.ports,
  });

  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  async function dispatch(channel: unknown, rawInput: unknown): Promise<Result<unknown>> {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Liaison does not know that request.' } };
    }
    const spec = contract[channel];
    const input = rawInput ?? {};
    const odd = firstNonPlainValue(input);
    if (odd) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `${fieldLabel(odd)} must be plain text, numbers, yes/no or lists of them.`, ...(odd.length ? { field: odd.join('.') } : {}) } };
    }
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0]!, input) };
    if (!spec.whenLocked && !session.isUnlocked) {
      return { ok: false, error: { code: 'LOCKED', message: 'The vault is locked. Unlock it to continue.' } };
    }
    try {
      const value = await (handlers[channel] as (input: unknown) => Promise<unknown>)(parsed.data);
      return { ok: true, value: spec.output.parse(value) };
    } catch (e) {
      return { ok: false, error: toApiError(e) };
    }
  }

  const lock = (reason: LockReason) => serial(() => session.lock(reason));

  const stopAutoLock = startAutoLock({
    options: { ...DEFAULT_AUTO_LOCK, ...options.autoLock },
    idleMs: () => options.ports.idleMs(),
    minutes: () => (session.isUnlocked ? state.autoLockMinutes : null),
    lock: () => lock('idle'),
  });

  return {
    call: ((channel: unknown, input: unknown) => serial(() => dispatch(channel, input))) as Api['call'],
    lock,
    async dispose() {
      stopAutoLock();
      await lock('quit');
    },
  };
}

/**
 * Inputs are data, not objects: Electron's IPC can carry a Date, Map or typed
 * array, which a schema for plain fields may let through as an empty object.
 * Returns the path of the first value that is not plain data, or null.
 */
function firstNonPlainValue(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === undefined) return null;
  if (depth > 12 || typeof value !== 'object') return path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = firstNonPlainValue(item, [...path, i], depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return path;
  for (const [key, item] of Object.entries(value)) {
    const bad = firstNonPlainValue(item, [...path, key], depth + 1);
    if (bad) return bad;
  }
  return null;
}
