/**
 * The real preload, loaded with Electron's two modules replaced by recorders:
 * window.liaison must be frozen and hold exactly the contract's channels,
 * each forwarding one argument to ipcRenderer.invoke on its own channel.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../electron/shared/channels.ts';
import { contract } from '../electron/shared/contract.ts';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: {} }));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, value: unknown) => {
      exposed[name] = value;
    },
  },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args) },
}));

describe('preload', () => {
  beforeAll(async () => {
    await import('../electron/preload/index.ts');
  });

  it('exposes only window.liaison', () => {
    expect(Object.keys(exposed)).toEqual(['liaison']);
  });

  it('has exactly the contract’s channels, frozen', () => {
    const bridge = exposed.liaison as Record<string, (input?: unknown) => Promise<unknown>>;
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(contract).sort());
    for (const name of channelNames) expect(typeof bridge[name]).toBe('function');
  });

  it('forwards one argument to its own channel and nothing more', async () => {
    const bridge = exposed.liaison as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await bridge['settings:set']!({ autoLockMinutes: 5 }, 'smuggled', 42);
    expect(invoke).toHaveBeenLastCalledWith('settings:set', { autoLockMinutes: 5 });
  });
});
