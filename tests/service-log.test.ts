/**
 * The service log through the API: the live assessment (units, code, billable
 * and why not), signing locks the entry (at the database too) and corrections
 * are signed additions, an entry past midnight becomes two dated entries,
 * overlapping claimed minutes are refused, a group session divides the time,
 * and prior authorizations show their units used.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../db/connection.ts';
import { DB_FILE } from '../db/vault.ts';
import { createApi, type Api } from '../electron/services/api.ts';
import type { EntryFields } from '../electron/shared/schemas/services.ts';
import { blankStudent } from '../electron/shared/schemas/students.ts';
import { makeTempDir, removeDir } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';
import { recoveryKeyHex } from './helpers/sqlcipher.ts';

let root: string;
let api: Api;
let recoveryKey: string;
let enrolled: string;
let other: string;
let third: string;

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const entry = (over: Partial<EntryFields> = {}): EntryFields => ({
  studentId: enrolled,
  date: '2026-11-02',
  time: { kind: 'clock', startTime: '09:00', endTime: '09:30', endsNextDay: false },
  travelMinutes: 0,
  documentationMinutes: 0,
  activity: 'home_visit',
  contactMode: 'in_person',
  contactType: 'parent',
  placeOfService: '12',
  personsPresent: 'Mother',
  program: 'CLTS',
  fundingStream: 'clts',
  goalId: null,
  authorizationId: null,
  narrative: 'Home visit: reviewed the respite schedule with mother.',
  followUp: null,
  ...over,
});
const minutes = (m: number) => ({ kind: 'minutes' as const, minutes: m });
const codes = (p: { parts: { reasons: { code: string }[] }[] }) => p.parts.flatMap((x) => x.reasons.map((r) => r.code));

beforeAll(async () => {
  root = makeTempDir('service-log');
  api = createApi({ vaultDir: path.join(root, 'vault'), ports: fakePorts() });
  recoveryKey = (await ok(api.call('vault:create', { passphrase: 'service log passphrase' }))).recoveryKey;
  await ok(api.call('settings:set', { workerName: 'Dana Olson', organizationName: 'Trempealeau County DHS', organizationAddress: '36245 Main St, Whitehall WI' }));
  const make = async (first: string, medicaidId: string | null) => {
    const { id } = await ok(api.call('students:create', blankStudent({ legalFirst: first, legalLast: 'Vang', dob: '2014-03-03', medicaidId })));
    await ok(api.call('enrollments:create', { studentId: id, program: 'CLTS', status: 'active', statusDate: '2026-09-01', dates: { eligibilityDate: '2026-08-20' } }));
    await ok(api.call('authorizations:save', { fields: { studentId: id, program: 'CLTS', number: `PA-${first}`, procedureCode: 'T1016', modifiers: [], unitsAuthorized: 40, startOn: '2026-09-01', endOn: '2027-08-31', diagnosisCode: 'F84.0', providerId: '123456' } }));
    return id;
  };
  enrolled = await make('Mai', '1234567890');
  other = await make('Tou', '2234567890');
  third = await make('Nou', '3234567890');
});

afterAll(async () => {
  await api.dispose();
  removeDir(root);
});

describe('live assessment', () => {
  it('counts units by the profile’s rounding rule: 7 minutes none, 8 one, 22 one, 23 two', async () => {
    for (const [m, units] of [[7, 0], [8, 1], [22, 1], [23, 2]] as const) {
      const p = await ok(api.call('services:preview', { fields: entry({ time: minutes(m) }) }));
      expect(p.parts[0]).toMatchObject({ units, procedureCode: 'T1016' });
    }
  });

  it('says why an entry is not billable, in words', async () => {
    const school = await ok(api.call('services:preview', { fields: entry({ placeOfService: '21' }) }));
    expect(school.parts[0]!.billable).toBe(false);
    expect(school.parts[0]!.reasons.map((r) => r.message).join(' ')).toMatch(/Place of service 21 .* is not allowed for T1016/);

    const before = await ok(api.call('services:preview', { fields: entry({ date: '2026-03-01' }) }));
    expect(codes(before)).toContain('not_enrolled');
    expect(before.parts[0]!.reasons.find((r) => r.code === 'not_enrolled')!.message).toMatch(/^No active CLTS enrollment on/);

    const pre = await ok(api.call('services:preview', { fields: entry({ date: '2026-08-01' }) }));
    expect(pre.parts[0]!.modifiers).toContain('CG');

    const { id: noId } = await ok(api.call('students:create', blankStudent({ legalFirst: 'Kia', legalLast: 'Lee', dob: '2014-03-03' })));
    const missing = await ok(api.call('services:preview', { fields: entry({ studentId: noId }) }));
    expect(codes(missing)).toEqual(expect.arrayContaining(['no_medicaid_id', 'not_enrolled']));

    const outside = await ok(api.call('services:preview', { fields: entry({ date: '2027-09-02' }) }));
    expect(codes(outside)).toContain('no_authorization');
  });
});

describe('writing entries', () => {
  it('signs an entry, links the authorization the rules picked, and locks it', async () => {
    const { ids } = await ok(api.call('services:save', { fields: entry(), sign: true }));
    expect(ids).toHaveLength(1);
    const { entries } = await ok(api.call('services:list', { studentId: enrolled, month: '2026-11' }));
    const saved = entries.find((e) => e.id === ids[0])!;
    expect(saved.signedBy).toBe('Dana Olson');
    expect(saved.fields.authorizationId).not.toBeNull();
    expect(saved.assessment).toMatchObject({ billable: true, units: 2 });

    expect(await api.call('services:save', { id: ids[0], fields: entry({ placeOfService: '03' }), sign: false })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const db = openConnection(path.join(root, 'vault', DB_FILE), Buffer.from(recoveryKeyHex(recoveryKey), 'hex'), { create: false });
    try {
      expect(() => db.prepare("UPDATE service_entries SET place_of_service = '03' WHERE id = ?").run(ids[0])).toThrow(/cannot be changed/);
      expect(() => db.prepare('DELETE FROM service_entries WHERE id = ?').run(ids[0])).toThrow(/cannot be deleted/);
    } finally {
      db.close();
    }

    const authz = await ok(api.call('authorizations:list', { studentId: enrolled }));
    expect(authz.authorizations[0]).toMatchObject({ unitsUsed: 2, unitsRemaining: 38, remainingText: expect.stringMatching(/38 .*left of 40/) });
  });

  it('a correction changes the entry as billed, keeps the original, and needs a reason', async () => {
    const { ids } = await ok(api.call('services:save', { fields: entry({ date: '2026-11-03' }), sign: true }));
    await ok(api.call('services:correct', { id: ids[0]!, changes: { placeOfService: '03' }, reason: 'The visit was at school, not at home.' }));
    const { entries } = await ok(api.call('services:list', { studentId: enrolled, month: '2026-11' }));
    const corrected = entries.find((e) => e.id === ids[0])!;
    expect(corrected.fields.placeOfService).toBe('03');
    expect(corrected.corrections).toEqual([expect.objectContaining({ changes: { placeOfService: '03' }, reason: 'The visit was at school, not at home.', signedBy: 'Dana Olson' })]);
    expect(await api.call('services:correct', { id: ids[0]!, changes: { placeOfService: '03' }, reason: 'Nothing new here.' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('an entry that runs past midnight is saved as two entries, each on its own day', async () => {
    const { ids, split } = await ok(api.call('services:save', { fields: entry({ date: '2026-11-05', time: { kind: 'clock', startTime: '23:30', endTime: '00:45', endsNextDay: true }, activity: 'crisis_intervention' }), sign: true }));
    expect(split).toBe(true);
    const { entries } = await ok(api.call('services:list', { studentId: enrolled, month: '2026-11' }));
    const parts = ids.map((id) => entries.find((e) => e.id === id)!);
    expect(parts.map((p) => [p.fields.date, p.fields.time])).toEqual([
      ['2026-11-05', { kind: 'clock', startTime: '23:30', endTime: '24:00', endsNextDay: false }],
      ['2026-11-06', { kind: 'clock', startTime: '00:00', endTime: '00:45', endsNextDay: false }],
    ]);
    expect(parts.map((p) => p.assessment.minutes)).toEqual([30, 45]);
  });

  it('refuses to sign minutes already claimed, for any student or stream; a draft may wait', async () => {
    await ok(api.call('services:save', { fields: entry({ date: '2026-11-10', time: { kind: 'clock', startTime: '09:00', endTime: '10:00', endsNextDay: false } }), sign: true }));
    const clash = entry({ studentId: other, date: '2026-11-10', time: { kind: 'clock', startTime: '09:30', endTime: '10:30', endsNextDay: false } });
    const refused = await api.call('services:save', { fields: clash, sign: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/^Not signed: /) } });
    const preview = await ok(api.call('services:preview', { fields: { ...clash, program: 'CCS', fundingStream: 'ccs' } }));
    expect(preview.overlaps.length).toBeGreaterThan(0);
    const draft = await ok(api.call('services:save', { fields: clash, sign: false }));
    expect(await api.call('services:sign', { id: draft.ids[0]! })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    await ok(api.call('services:discardDraft', { id: draft.ids[0]! }));
  });

  it('a group session logs one entry per student, each with its share of the time', async () => {
    const { studentId: _one, ...fields } = entry({ date: '2026-11-12', time: { kind: 'clock', startTime: '13:00', endTime: '14:00', endsNextDay: false }, activity: 'team_meeting' });
    const { ids } = await ok(api.call('services:saveGroup', { studentIds: [enrolled, other, third], fields, sign: true }));
    expect(ids).toHaveLength(3);
    const { entries } = await ok(api.call('services:list', { studentId: null, month: '2026-11' }));
    const group = entries.filter((e) => ids.includes(e.id));
    expect(group.map((g) => g.fields.time)).toEqual([minutes(20), minutes(20), minutes(20)]);
    expect(new Set(group.map((g) => g.groupId)).size).toBe(1);
  });

  it('repeats the last entry’s fields and keeps templates', async () => {
    const last = await ok(api.call('services:last', { studentId: null }));
    // The last single entry written (group sessions are not repeated: they are several students' entries).
    expect(last.fields).toMatchObject({ studentId: enrolled, date: '2026-11-10' });
    await ok(api.call('services:saveTemplate', { name: 'Monthly home visit', fields: { activity: 'home_visit', placeOfService: '12', contactMode: 'in_person' } }));
    const { templates } = await ok(api.call('services:templates', {}));
    expect(templates).toEqual([expect.objectContaining({ name: 'Monthly home visit', fields: { activity: 'home_visit', placeOfService: '12', contactMode: 'in_person' } })]);
  });
});
