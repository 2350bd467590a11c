/**
 * Auto-lock: with a shortened minute and a controllable idle clock, the vault
 * stays open while the person is active and locks once idle time passes the
 * configured minutes: onLocked('idle') is called, the connection is closed and
 * every unlock-only channel answers LOCKED.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openVaultWithRecoveryKey } from '../db/vault.ts';
import { createApi, type Api } from '../electron/services/api.ts';
import { makeTempDir, removeDir, snapshotDir } from './helpers/files.ts';
import { fakePorts, type FakePorts } from './helpers/ports.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let root: string;
let dir: string;
let api: Api;
let ports: FakePorts;
let recoveryKey: string;

beforeAll(async () => {
  root = makeTempDir('auto-lock');
  dir = path.join(root, 'vault');
  ports = fakePorts();
  api = createApi({ vaultDir: dir, ports, autoLock: { checkEveryMs: 20, minuteMs: 50 } });
  const created = await api.call('vault:create', { passphrase: 'auto lock passphrase' });
  if (!created.ok) throw new Error(created.error.message);
  recoveryKey = created.value.recoveryKey;
});

afterAll(async () => {
  await api.dispose();
  removeDir(root);
});

it('stays unlocked while active, locks within 500 ms once idle past the setting', async () => {
  ports.idle.ms = 0;
  expect(await api.call('settings:set', { autoLockMinutes: 1 })).toMatchObject({ ok: true, value: { autoLockMinutes: 1 } });

  // Active: idle 0 ms, never past one (50 ms) minute.
  await sleep(200);
  expect(ports.locked).toEqual([]);
  expect(await api.call('vault:status', {})).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  expect((await api.call('settings:get', {})).ok).toBe(true);

  // Idle just under the threshold: still open.
  ports.idle.ms = 40;
  await sleep(120);
  expect(ports.locked).toEqual([]);

  // Idle for 1000 ms (20 "minutes"): locks.
  ports.idle.ms = 1000;
  const started = performance.now();
  while (ports.locked.length === 0 && performance.now() - started < 500) await sleep(5);
  const elapsed = performance.now() - started;
  expect(ports.locked, `locked after ${Math.round(elapsed)} ms`).toEqual(['idle']);
  expect(elapsed).toBeLessThan(500);

  expect(await api.call('vault:status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
  expect(await api.call('settings:get', {})).toEqual({ ok: false, error: { code: 'LOCKED', message: expect.stringMatching(/locked/i) } });
  expect(await api.call('settings:set', { workerName: 'x' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

  // Locked means the connection is closed: no WAL or shm left behind.
  expect(snapshotDir(dir).files.map((f) => f.name)).toEqual(['liaison.db', 'liaison.key']);

  // It locks once, not on every later tick while still idle.
  await sleep(150);
  expect(ports.locked).toEqual(['idle']);

  // The lock was audited with its reason.
  const vault = await openVaultWithRecoveryKey({ dir, recoveryKey });
  try {
    const last = await vault.db.selectFrom('audit_log').select(['action', 'details']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    expect(last).toEqual({ action: 'vault.lock', details: JSON.stringify({ reason: 'idle' }) });
  } finally {
    await vault.close();
  }
});

it('after unlocking again, the stored setting applies at once (no settings call needed)', async () => {
  ports.idle.ms = 0;
  expect((await api.call('vault:unlock', { passphrase: 'auto lock passphrase' })).ok).toBe(true);
  await sleep(100);
  expect(await api.call('vault:status', {})).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  ports.idle.ms = 1000;
  const started = performance.now();
  while (ports.locked.length < 2 && performance.now() - started < 500) await sleep(5);
  expect(ports.locked).toEqual(['idle', 'idle']);
  expect(await api.call('settings:get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
});
