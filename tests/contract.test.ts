/**
 * The channel contract: channelNames lists exactly the contract's channels;
 * every channel rejects malformed input (random values, wrong types per field,
 * oversized text, extra keys, null, arrays, NUL and lone surrogates in text)
 * with INVALID_INPUT and a plain message naming the field, and nothing changes
 * (vault files while locked; settings and audit log while unlocked). Unknown
 * channels get UNKNOWN_CHANNEL; valid input to an unlock-only channel while
 * locked gets LOCKED.
 *
 * Replay: FC_SEED=<printed seed>; CONTRACT_RUNS sets runs per channel and phase.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '../db/connection.ts';
import { DB_FILE } from '../db/vault.ts';
import { createApi, type Api } from '../electron/services/api.ts';
import { channelNames, contract, type ChannelName } from '../electron/shared/contract.ts';
import type { Result } from '../electron/shared/errors.ts';
import { makeTempDir, removeDir, snapshotDir, type DirSnapshot } from './helpers/files.ts';
import { fcSeed } from './helpers/prng.ts';
import { blankStudent } from '../electron/shared/schemas/students.ts';
import { SHAPES, VALID, label, malformed, type Attempt } from './helpers/contract-inputs.ts';
import { fakePorts } from './helpers/ports.ts';
import { recoveryKeyHex } from './helpers/sqlcipher.ts';

const RUNS = Number(process.env.CONTRACT_RUNS ?? 100);
const PASSPHRASE = 'contract passphrase 1';

let root: string;
let dir: string;
let api: Api;
let recoveryKey: string;
let seed: number;

function callAny(channel: unknown, input: unknown): Promise<Result<unknown>> {
  return (api.call as (c: unknown, i: unknown) => Promise<Result<unknown>>)(channel, input);
}

async function checkRejected(channel: ChannelName, attempt: Attempt): Promise<void> {
  const result = await callAny(channel, attempt.input);
  expect(result.ok, `${channel} accepted ${attempt.kind}`).toBe(false);
  if (result.ok) return;
  expect(result.error.code, `${channel} ${attempt.kind}: ${result.error.message}`).toBe('INVALID_INPUT');
  expect(typeof result.error.message).toBe('string');
  expect(result.error.message.trim().length).toBeGreaterThan(5);
  expect(result.error.message.length).toBeLessThan(400);
  expect(result.error.message).toMatch(/[.]$/);
  if (attempt.field !== undefined) {
    // The field itself, or a field inside it (patch.dob) for nested objects.
    const field = result.error.field ?? '';
    expect(field === attempt.field || field.startsWith(`${attempt.field}.`), `${field} is not ${attempt.field}`).toBe(true);
    const named = field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? attempt.field;
    // Names the field in plain words ("New passphrase …", "A recovery key has …").
    expect(result.error.message.toLowerCase(), result.error.message).toContain(label(named).toLowerCase());
    const value = (attempt.input as Record<string, unknown>)[attempt.field];
    // A passphrase someone typed is never echoed back.
    if (typeof value === 'string' && value.length >= 4 && /assphrase/.test(attempt.field)) {
      expect(result.error.message).not.toContain(value);
    }
  }
}

beforeAll(async () => {
  seed = fcSeed('contract');
  root = makeTempDir('contract');
  dir = path.join(root, 'vault');
  api = createApi({ vaultDir: dir, ports: fakePorts() });
  const created = await api.call('vault:create', { passphrase: PASSPHRASE });
  if (!created.ok) throw new Error(created.error.message);
  recoveryKey = created.value.recoveryKey;
  const set = await api.call('settings:set', { organizationName: 'Before Org', workerName: 'Before Worker', autoLockMinutes: 42 });
  expect(set.ok).toBe(true);
  expect((await api.call('vault:lock', {})).ok).toBe(true);
});

afterAll(async () => {
  await api.dispose();
  removeDir(root);
});

describe('the channel list', () => {
  it('channelNames is exactly the contract’s keys', () => {
    const keys = Object.keys(contract);
    expect(channelNames.length).toBe(keys.length);
    expect(new Set(channelNames).size).toBe(channelNames.length);
    expect([...channelNames].sort()).toEqual([...keys].sort());
    expect(Object.keys(SHAPES).sort()).toEqual([...keys].sort());
  });

  it('an unknown channel gets UNKNOWN_CHANNEL', async () => {
    for (const name of ['vault:nope', '', 'VAULT:STATUS', 'vault:status ', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 42, null, undefined, {}, ['vault:status']]) {
      const result = await callAny(name, {});
      expect(result, String(name)).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: expect.stringMatching(/\S/) } });
    }
  });
});

describe('validation messages', () => {
  it('name a missing required field in plain words', async () => {
    const cases: [ChannelName, unknown, string, string][] = [
      ['vault:unlock', {}, 'passphrase', 'Passphrase is required.'],
      ['vault:unlock', null, 'passphrase', 'Passphrase is required.'],
      ['vault:unlock', { passphrase: '' }, 'passphrase', 'Passphrase is required.'],
      ['vault:create', {}, 'passphrase', 'Passphrase is required.'],
      ['vault:changePassphrase', { newPassphrase: VALID.newPassphrase }, 'currentPassphrase', 'Current passphrase is required.'],
      ['vault:changePassphrase', { currentPassphrase: 'x' }, 'newPassphrase', 'New passphrase is required.'],
      ['vault:recover', { newPassphrase: VALID.newPassphrase }, 'recoveryKey', 'Recovery key is required.'],
      ['vault:recover', { recoveryKey: VALID.recoveryKey }, 'newPassphrase', 'New passphrase is required.'],
      ['vault:printRecoverySheet', {}, 'recoveryKey', 'Recovery key is required.'],
    ];
    for (const [channel, input, field, message] of cases) {
      expect(await callAny(channel, input), `${channel} ${JSON.stringify(input)}`).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message, field } });
    }
  });

  it('label every field in plain words', () => {
    for (const field of ['passphrase', 'currentPassphrase', 'newPassphrase', 'recoveryKey', 'autoLockMinutes', 'organizationName', 'workerName']) {
      expect(label(field)).toMatch(/^[A-Z][a-z]*( [a-z]+)*$/);
      expect(label(field)).not.toBe(field);
    }
    expect(label('passphrase')).toBe('Passphrase');
  });

  it('say what is wrong with a value', async () => {
    const minutes = label('autoLockMinutes');
    const cases: [ChannelName, unknown, RegExp | string][] = [
      ['settings:set', { autoLockMinutes: 0 }, `${minutes} must be at least 1.`],
      ['settings:set', { autoLockMinutes: 241 }, `${minutes} must be at most 240.`],
      ['settings:set', { organizationName: 'x'.repeat(201) }, 'Organization name is too long (at most 200 characters).'],
      ['settings:set', { workerName: 'a\u0000b' }, /^Your name .*control character/],
      ['settings:set', { workerName: 'a\uD800b' }, /^Your name .*broken character/],
      ['settings:set', { colour: 'red' }, 'The request has fields Liaison does not know: colour.'],
      ['vault:create', { passphrase: 'short' }, 'Passphrase must be at least 8 characters.'],
      ['vault:create', { passphrase: 'ends with a space ' }, /^Passphrase .*space/],
      ['vault:unlock', { passphrase: 'x'.repeat(1025) }, 'Passphrase is too long (at most 1024 characters).'],
      ['vault:recover', { recoveryKey: 'abc', newPassphrase: VALID.newPassphrase }, /recovery key has 64 digits and letters; this one has 3\.$/i],
    ];
    for (const [channel, input, message] of cases) {
      const result = await callAny(channel, input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        if (typeof message === 'string') expect(result.error.message).toBe(message);
        else expect(result.error.message).toMatch(message);
      }
    }
  });

  // KNOWN BUG (reported): describeIssue tells "missing" from "wrong type" by issue.input, which
  // zod 4 leaves out of issues unless parsing with { reportInput: true }; so every wrong-typed
  // value is reported as missing.
  it('tell a wrong-typed value from a missing one', async () => {
    const cases: [ChannelName, unknown, string][] = [
      ['settings:set', { autoLockMinutes: '15' }, `${label('autoLockMinutes')} must be a number.`],
      ['vault:unlock', { passphrase: 42 }, 'Passphrase must be text.'],
      ['settings:set', { workerName: ['Ana'] }, 'Your name must be text.'],
      ['vault:status', 'status please', 'The request must be a set of fields.'],
    ];
    const got = await Promise.all(cases.map(async ([channel, input]) => {
      const r = await callAny(channel, input);
      return r.ok ? 'accepted' : r.error.message;
    }));
    expect(got).toEqual(cases.map(([, , message]) => message));
  });
});

describe('malformed input to every channel (property)', () => {
  it('while locked: INVALID_INPUT, and the vault files are unchanged', async () => {
    const before: DirSnapshot = snapshotDir(dir);
    for (const [i, channel] of channelNames.entries()) {
      await fc.assert(
        fc.asyncProperty(malformed(channel), async (attempt) => {
          await checkRejected(channel, attempt);
          expect(snapshotDir(dir)).toEqual(before);
        }),
        { seed: (seed + i) | 0, numRuns: RUNS },
      );
    }
    expect(await api.call('vault:status', {})).toEqual({ ok: true, value: { state: 'locked', location: dir } });
  });

  it('while unlocked: INVALID_INPUT, and settings and the audit log are unchanged', async () => {
    expect((await api.call('vault:unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
    // A second, read-only look at the same file with the recovery key.
    const reader: Connection = openConnection(path.join(dir, DB_FILE), Buffer.from(recoveryKeyHex(recoveryKey), 'hex'), { create: false });
    try {
      const auditState = () => reader.prepare('SELECT count(*) AS n, max(seq) AS last, max(hash) AS h FROM audit_log').get();
      const settingsRows = () => reader.prepare('SELECT key, value, updated_at FROM settings ORDER BY key').all();
      const settingsBefore = await api.call('settings:get', {});
      expect(settingsBefore).toEqual({ ok: true, value: { organizationName: 'Before Org', organizationAddress: '', workerName: 'Before Worker', districtName: '', countyName: '', workerProviderId: '', autoLockMinutes: 42, planReviewMonths: 6, releaseExpiringDays: 30 } });
      const auditBefore = auditState();
      const rowsBefore = settingsRows();
      for (const [i, channel] of channelNames.entries()) {
        await fc.assert(
          fc.asyncProperty(malformed(channel), async (attempt) => {
            await checkRejected(channel, attempt);
            expect(auditState()).toEqual(auditBefore);
            expect(settingsRows()).toEqual(rowsBefore);
          }),
          { seed: (seed + 100 + i) | 0, numRuns: RUNS },
        );
        expect(await api.call('settings:get', {})).toEqual(settingsBefore);
      }
      expect(await api.call('vault:status', {})).toEqual({ ok: true, value: { state: 'unlocked', location: dir } });
    } finally {
      reader.close();
    }
    expect((await api.call('vault:lock', {})).ok).toBe(true);
  });

  it('with no vault yet: malformed create/unlock/recover inputs create nothing', async () => {
    const emptyDir = path.join(root, 'empty');
    const fresh = createApi({ vaultDir: emptyDir, ports: fakePorts() });
    try {
      for (const [i, channel] of (['vault:create', 'vault:unlock', 'vault:recover'] as const).entries()) {
        await fc.assert(
          fc.asyncProperty(malformed(channel), async (attempt) => {
            const result = await (fresh.call as (c: unknown, x: unknown) => Promise<Result<unknown>>)(channel, attempt.input);
            expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
            expect(existsSync(emptyDir)).toBe(false);
          }),
          { seed: (seed + 200 + i) | 0, numRuns: RUNS },
        );
      }
    } finally {
      await fresh.dispose();
    }
  });
});

describe('valid input to an unlock-only channel while locked', () => {
  it('gets LOCKED and changes nothing', async () => {
    const before = snapshotDir(dir);
    const unlockOnly = channelNames.filter((c) => !contract[c].whenLocked);
    const whenLocked = channelNames.filter((c) => contract[c].whenLocked).sort();
    expect(whenLocked).toEqual(['vault:create', 'vault:lock', 'vault:recover', 'vault:status', 'vault:unlock']);
    const valid: Record<string, unknown> = {
      'settings:get': {},
      'settings:set': { workerName: 'Changed while locked' },
      'vault:changePassphrase': { currentPassphrase: PASSPHRASE, newPassphrase: 'another passphrase 2' },
      'vault:printRecoverySheet': { recoveryKey },
      'students:create': blankStudent({ legalFirst: 'Mai', legalLast: 'Vang', dob: '2014-03-09', grade: '6' }),
    };
    for (const channel of unlockOnly) {
      if (valid[channel] === undefined) {
        const shape = SHAPES[channel];
        valid[channel] = Object.fromEntries(Object.entries(shape.required).map(([k, kind]) => [k, VALID[kind]]));
      }
    }
    for (const channel of unlockOnly) {
      expect(contract[channel].input.safeParse(valid[channel]).success).toBe(true);
      expect(await callAny(channel, valid[channel]), channel).toEqual({
        ok: false,
        error: { code: 'LOCKED', message: expect.stringMatching(/locked/i) },
      });
    }
    expect(snapshotDir(dir)).toEqual(before);
  });
});
