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
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '../db/connection.ts';
import { DB_FILE } from '../db/vault.ts';
import { createApi, type Api } from '../electron/services/api.ts';
import { channelNames, contract, type ChannelName } from '../electron/shared/contract.ts';
import { fieldLabel, type Result } from '../electron/shared/errors.ts';
import { makeTempDir, removeDir, snapshotDir, type DirSnapshot } from './helpers/files.ts';
import { fcSeed } from './helpers/prng.ts';
import { fakePorts } from './helpers/ports.ts';
import { recoveryKeyHex } from './helpers/sqlcipher.ts';

const RUNS = Number(process.env.CONTRACT_RUNS ?? 100);
const PASSPHRASE = 'contract passphrase 1';

type Kind =
  | 'passphraseAttempt'
  | 'newPassphrase'
  | 'recoveryKey'
  | 'minutes'
  | 'plainText'
  | 'id'
  | 'date'
  | 'optDate'
  | 'text'
  | 'optText'
  | 'bool'
  | 'months'
  | 'limit'
  | 'searchText'
  | 'regime'
  | 'studentStatus'
  | 'enrollmentStatus'
  | 'goalStatus'
  | 'student'
  | 'contact'
  | 'member'
  | 'dates'
  | 'patch'
  | 'base64'
  | 'mapping'
  | 'releaseDraft'
  | 'signatures'
  | 'scan'
  | 'revocationMethod'
  | 'gateRecipient'
  | 'categories'
  | 'exception';
interface Shape {
  required: Record<string, Kind>;
  optional: Record<string, Kind>;
}

/** The fields each channel takes, written out independently of the zod schemas. */
const SHAPES: Record<ChannelName, Shape> = {
  'vault:status': { required: {}, optional: {} },
  'vault:create': { required: { passphrase: 'newPassphrase' }, optional: {} },
  'vault:unlock': { required: { passphrase: 'passphraseAttempt' }, optional: {} },
  'vault:lock': { required: {}, optional: {} },
  'vault:changePassphrase': { required: { currentPassphrase: 'passphraseAttempt', newPassphrase: 'newPassphrase' }, optional: {} },
  'vault:recover': { required: { recoveryKey: 'recoveryKey', newPassphrase: 'newPassphrase' }, optional: {} },
  'vault:printRecoverySheet': { required: { recoveryKey: 'recoveryKey' }, optional: {} },
  'settings:get': { required: {}, optional: {} },
  'settings:set': { required: {}, optional: { autoLockMinutes: 'minutes', organizationName: 'plainText', organizationAddress: 'plainText', workerName: 'plainText', planReviewMonths: 'months' } },
  'caseload:list': { required: { status: 'studentStatus', schoolId: 'optText', grade: 'optText', program: 'optText' }, optional: {} },
  'caseload:dueSoon': { required: {}, optional: {} },
  'search:query': { required: { text: 'searchText', limit: 'limit' }, optional: {} },
  'students:get': { required: { id: 'id' }, optional: {} },
  'students:create': { required: {}, optional: {} },
  'students:update': { required: { id: 'id', patch: 'patch' }, optional: {} },
  'schools:create': { required: { name: 'text', districtName: 'optText' }, optional: {} },
  'households:linkSibling': { required: { studentId: 'id', siblingId: 'id' }, optional: {} },
  'households:unlink': { required: { studentId: 'id' }, optional: {} },
  'contacts:add': { required: { studentId: 'id', contact: 'contact' }, optional: {} },
  'contacts:update': { required: { studentId: 'id', contactId: 'id', contact: 'contact' }, optional: {} },
  'contacts:remove': { required: { studentId: 'id', contactId: 'id' }, optional: {} },
  'enrollments:create': { required: { studentId: 'id', program: 'text', status: 'enrollmentStatus', statusDate: 'date', dates: 'dates' }, optional: {} },
  'enrollments:update': { required: { id: 'id', dates: 'dates' }, optional: {} },
  'enrollments:changeStatus': { required: { id: 'id', status: 'enrollmentStatus', changedOn: 'date', note: 'optText' }, optional: {} },
  'enrollments:markEntered': { required: { changeId: 'id', enteredOn: 'date' }, optional: {} },
  'team:add': { required: { studentId: 'id', member: 'member' }, optional: {} },
  'team:remove': { required: { id: 'id' }, optional: {} },
  'goals:add': { required: { studentId: 'id', goal: 'text', owner: 'optText', dueOn: 'optDate' }, optional: {} },
  'goals:update': { required: { id: 'id', status: 'goalStatus' }, optional: {} },
  'notes:save': { required: { studentId: 'id', occurredOn: 'date', regime: 'regime', body: 'text', sign: 'bool' }, optional: { id: 'id' } },
  'notes:addAddendum': { required: { noteId: 'id', body: 'text' }, optional: {} },
  'notes:discardDraft': { required: { id: 'id' }, optional: {} },
  'roster:preview': { required: { fileName: 'text', base64: 'base64', source: 'text', mapping: 'mapping' }, optional: {} },
  'roster:commit': { required: { fileName: 'text', base64: 'base64', source: 'text', mapping: 'mapping' }, optional: {} },
  'roster:sources': { required: {}, optional: {} },
  'releases:check': { required: { studentId: 'id', draft: 'releaseDraft' }, optional: {} },
  'releases:save': { required: { studentId: 'id', draft: 'releaseDraft' }, optional: { id: 'id' } },
  'releases:get': { required: { id: 'id' }, optional: {} },
  'releases:list': { required: { studentId: 'id' }, optional: {} },
  'releases:print': { required: { id: 'id' }, optional: {} },
  'releases:recordSignature': { required: { id: 'id', signedOn: 'date', effectiveFrom: 'optDate', copyGivenOn: 'optDate', signatures: 'signatures', scan: 'scan' }, optional: {} },
  'releases:revoke': { required: { id: 'id', receivedOn: 'date', method: 'revocationMethod', receivedBy: 'text' }, optional: {} },
  'releases:openSignedCopy': { required: { attachmentId: 'id' }, optional: {} },
  'releases:gate': { required: { studentId: 'id', recipient: 'gateRecipient', purpose: 'text', categories: 'categories', onDate: 'date', exception: 'exception' }, optional: {} },
  'disclosures:list': { required: { studentId: 'id' }, optional: {} },
};

/** How each field is named in messages: plain words, never the key itself. */
const label = (field: string) => fieldLabel([field]);

const VALID: Record<Kind, unknown> = {
  passphraseAttempt: 'some attempt',
  newPassphrase: 'a fine new passphrase',
  recoveryKey: randomBytes(32).toString('hex'),
  minutes: 30,
  plainText: 'Plain name',
  id: '3f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f',
  date: '2026-11-02',
  optDate: null,
  text: 'Some words',
  optText: null,
  bool: true,
  months: 6,
  limit: 10,
  searchText: 'river',
  regime: 'county',
  studentStatus: null,
  enrollmentStatus: 'active',
  goalStatus: 'met',
  student: {},
  contact: {
    firstName: 'Ana',
    lastName: 'Lor',
    phone: null,
    email: null,
    preferredLanguage: null,
    relationship: 'Mother',
    legalAuthority: 'parent',
    courtOrderOnFile: false,
    noContact: false,
    noAccess: false,
    note: null,
  },
  member: { name: 'Pat Example', role: 'Teacher', organization: null, phone: null, email: null },
  dates: {},
  patch: {},
  base64: 'U3R1ZGVudCBJRA==',
  mapping: {},
  releaseDraft: { discloser: 'county', recipients: [], purpose: 'Care coordination', categories: ['attendance'], otherDescription: null, expiry: null, language: 'en', regimes: ['FERPA'] },
  signatures: [{ role: 'parent_or_guardian', signedName: 'Pa Vang' }],
  scan: null,
  revocationMethod: 'written',
  gateRecipient: { name: 'Trempealeau County intake', contactId: null, providerId: null, className: null },
  categories: ['attendance'],
  exception: null,
};

/** n characters (code points, which is how the caps count: '😀' is one character, two UTF-16 units). */
const oversized = (min: number, max: number) =>
  fc.tuple(fc.integer({ min, max }), fc.constantFrom('a', 'é', '😀', ' ', '0')).map(([n, ch]) => ch.repeat(n));
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.anything(), { maxKeys: 3 }),
  fc.constant(new Date(0)),
);
const withLoneSurrogate = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF'), fc.string({ maxLength: 20 }))
  .map(([a, s, b]) => `${a}${s}x${b}`);
const withControl = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\u0000', '\u0007', '\u001B', '\u007F', '\u000B'), fc.string({ maxLength: 20 }))
  .map(([a, c, b]) => `${a}${c}${b}`);
const hexChar = fc.constantFrom(...'0123456789abcdefABCDEF');

const notAnObject = wrongType.filter((v) => v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date);
const badDate = fc.oneof(wrongType, fc.constantFrom('2026-02-30', '11/02/2026', '2026-13-01', '', '1850-01-01', '2026-1-2'));
const badText = fc.oneof(wrongType, fc.constantFrom('', '   '), oversized(20_001, 30_000), withLoneSurrogate, withControl);
const badEnum = fc.oneof(wrongType, fc.constantFrom('nonsense', '', 'ACTIVE'));

/** Values that are wrong for a field of this kind, by construction. */
const BAD: Record<Kind, fc.Arbitrary<unknown>> = {
  id: fc.oneof(wrongType, fc.constantFrom('', 'not-an-id', '3f1c2b9e8a7d4c3b9e2f1a2b3c4d5e6f', `${'a'.repeat(36)}`)),
  date: badDate,
  optDate: badDate.filter((v) => v !== null),
  text: badText,
  optText: fc.oneof(wrongType.filter((v) => v !== null), oversized(20_001, 30_000), withLoneSurrogate, withControl),
  bool: fc.oneof(fc.constantFrom('yes', 1, 0, null, 'true'), fc.array(fc.boolean(), { maxLength: 2 })),
  months: fc.constantFrom(0, 25, 1.5, '6', null, -3),
  limit: fc.constantFrom(0, 51, 2.5, '10', null),
  searchText: fc.oneof(wrongType, oversized(201, 2_000)),
  regime: badEnum,
  studentStatus: badEnum.filter((v) => v !== null),
  enrollmentStatus: badEnum,
  goalStatus: badEnum,
  student: notAnObject,
  contact: fc.oneof(notAnObject, fc.constant({ firstName: 'Only a first name' })),
  member: fc.oneof(notAnObject, fc.constant({ name: '' })),
  dates: fc.oneof(notAnObject, fc.constant({ referralDate: '2026-02-30' }), fc.constant({ unknownDate: '2026-01-01' })),
  patch: fc.oneof(notAnObject, fc.constant({ dob: 'yesterday' }), fc.constant({ colour: 'red' })),
  base64: fc.oneof(wrongType, fc.constantFrom('not base64!', '%%%', 'abc=def')),
  mapping: fc.oneof(notAnObject.filter((v) => v !== null), fc.constant({ favouriteColour: 'Colour' }), fc.constant({ dob: 42 })),
  releaseDraft: fc.oneof(notAnObject, fc.constant({ discloser: 'nobody' })),
  signatures: fc.oneof(notAnObject.filter((v) => !Array.isArray(v) || v.length > 0), fc.constant([]), fc.constant([{ role: 'cousin', signedName: 'X' }])),
  scan: fc.oneof(fc.constantFrom('scan.pdf', 42, true), fc.constant({ fileName: 'a.exe', mime: 'application/x-msdownload', base64: '' })),
  revocationMethod: badEnum,
  gateRecipient: fc.oneof(notAnObject, fc.constant({ name: '' })),
  categories: fc.oneof(notAnObject.filter((v) => !Array.isArray(v) || v.length > 0), fc.constant([]), fc.constant(['secrets'])),
  exception: fc.oneof(fc.constantFrom('emergency', 7), fc.constant({ kind: 'because', reason: 'x' })),
  passphraseAttempt: fc.oneof(wrongType, fc.constant(''), oversized(1025, 20_000)),
  newPassphrase: fc.oneof(
    wrongType,
    fc.string({ maxLength: 7 }),
    oversized(2_000, 20_000),
    withLoneSurrogate.map((s) => `long enough ${s} text`),
    fc.constantFrom(' leading space ok', 'trailing space ok ', '\tTabbed passphrase'),
  ),
  recoveryKey: fc.oneof(
    wrongType,
    fc.string({ maxLength: 3 }),
    fc.array(hexChar, { minLength: 1, maxLength: 63 }).map((cs) => cs.join('')),
    fc.array(hexChar, { minLength: 65, maxLength: 120 }).map((cs) => cs.join('')),
    withLoneSurrogate,
    withControl.filter((s) => !/^[\s0-9a-fA-F-]*$/.test(s)),
    fc.constant(`${'0'.repeat(63)}g`),
    oversized(2_000, 20_000),
  ),
  minutes: fc.oneof(
    fc.constantFrom(0, -1, 241, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '15', null, true, [15], { minutes: 15 }),
    fc.integer({ max: 0 }),
    fc.integer({ min: 241 }),
    fc.double({ min: 1.0001, max: 239.999, noNaN: true }).filter((x) => !Number.isInteger(x)),
  ),
  plainText: fc.oneof(
    wrongType.filter((v) => v !== undefined),
    oversized(201, 20_000),
    oversized(2_000, 20_000),
    withLoneSurrogate,
    withControl,
  ),
};

interface Attempt {
  kind: string;
  input: unknown;
  /** The field the error must name, when one field is at fault. */
  field?: string;
}

function validBase(shape: Shape): Record<string, unknown> {
  return Object.fromEntries(Object.entries(shape.required).map(([k, kind]) => [k, VALID[kind]]));
}

function malformed(channel: ChannelName): fc.Arbitrary<Attempt> {
  const shape = SHAPES[channel];
  const spec = contract[channel];
  const known = new Set([...Object.keys(shape.required), ...Object.keys(shape.optional)]);
  const hasRequired = Object.keys(shape.required).length > 0;
  const options: fc.Arbitrary<Attempt>[] = [
    // Anything at all that the schema would not accept (the API treats null/undefined as {}).
    fc
      .anything({ withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true })
      .filter((input) => !spec.input.safeParse(input ?? {}).success)
      .map((input) => ({ kind: 'anything', input })),
    fc.array(fc.anything(), { maxLength: 4 }).map((input) => ({ kind: 'array', input })),
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.double()).map((input) => ({ kind: 'primitive', input })),
    // A valid object plus keys the contract does not know.
    fc
      .dictionary(
        fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !known.has(k) && k !== '__proto__'),
        fc.anything(),
        { minKeys: 1, maxKeys: 3 },
      )
      .map((extra) => ({ kind: 'extra-keys', input: { ...validBase(shape), ...extra } })),
    fc.constant({ kind: 'own __proto__ key', input: JSON.parse(`{"__proto__": {"isAdmin": true}}`) as unknown }),
  ];
  if (hasRequired) {
    options.push(fc.constantFrom<Attempt>({ kind: 'null', input: null }, { kind: 'undefined', input: undefined }, { kind: 'empty object', input: {} }));
  }
  for (const [field, kind] of [...Object.entries(shape.required), ...Object.entries(shape.optional)]) {
    options.push(BAD[kind].map((bad) => ({ kind: `bad ${field}`, input: { ...validBase(shape), [field]: bad }, field })));
  }
  for (const field of Object.keys(shape.required)) {
    const base = validBase(shape);
    delete base[field];
    options.push(fc.constant({ kind: `missing ${field}`, input: base, field }));
  }
  return fc.oneof(...options);
}

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
      expect(settingsBefore).toEqual({ ok: true, value: { organizationName: 'Before Org', organizationAddress: '', workerName: 'Before Worker', autoLockMinutes: 42, planReviewMonths: 6, releaseExpiringDays: 30 } });
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
      'students:create': {
        legalFirst: 'Mai',
        legalMiddle: null,
        legalLast: 'Vang',
        preferredName: null,
        dob: '2014-03-09',
        grade: '6',
        schoolId: null,
        schoolStudentId: null,
        medicaidId: null,
        mciId: null,
        iep: false,
        plan504: false,
        fosterCare: false,
        mckinneyVento: false,
        status: 'active',
      },
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
