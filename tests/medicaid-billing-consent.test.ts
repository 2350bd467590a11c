/**
 * The Medicaid billing consent (M-5) through the API: the form prints only
 * after a notice is on file and states its date; a decision must follow a
 * notice; a recorded decision is kept as made (only a withdrawal is added, and
 * the database refuses anything else); the next annual notice lands in the
 * due-soon deadlines while consent stands.
 */
import { addDays, addYears, format, subDays, subYears } from 'date-fns';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../db/connection.ts';
import { DB_FILE } from '../db/vault.ts';
import { createApi, type Api } from '../electron/services/api.ts';
import { blankStudent } from '../electron/shared/schemas/students.ts';
import { readPdf } from './documents/pdf-text.ts';
import { makeTempDir, removeDir } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';
import { recoveryKeyHex } from './helpers/sqlcipher.ts';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const today = iso(new Date());
const noticeDay = iso(subDays(new Date(), 20));

let root: string;
let api: Api;
let recoveryKey: string;
let studentId: string;

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

beforeAll(async () => {
  root = makeTempDir('medicaid-consent');
  api = createApi({ vaultDir: path.join(root, 'vault'), ports: fakePorts({ exportDir: path.join(root, 'exports') }) });
  recoveryKey = (await ok(api.call('vault:create', { passphrase: 'medicaid consent passphrase' }))).recoveryKey;
  await ok(api.call('settings:set', { workerName: 'Dana Olson', organizationName: 'Whitehall School District', organizationAddress: '19121 Hobson St, Whitehall WI' }));
  studentId = (await ok(api.call('students:create', blankStudent({ legalFirst: 'Pedro', legalLast: 'Muñoz', dob: iso(subYears(new Date(), 9)), iep: true })))).id;
});

afterAll(async () => {
  await api.dispose();
  removeDir(root);
});

describe('Medicaid billing consent (M-5)', () => {
  it('will not print, or take a decision, before the annual notice is recorded', async () => {
    expect(await api.call('medicaid:print', { studentId, language: 'en', parentName: null })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/annual written notice/) } });
    expect(await api.call('medicaid:recordDecision', { studentId, decision: 'given', decidedOn: today, signedBy: 'Rosa Muñoz' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', field: 'decidedOn' },
    });
    expect((await ok(api.call('medicaid:get', { studentId }))).status.state).toBe('none');
  });

  it('records the notice (not in the future, not twice) and prints the form with its date', async () => {
    expect(await api.call('medicaid:recordNotice', { studentId, givenOn: iso(addDays(new Date(), 3)), method: 'mail' })).toMatchObject({ ok: false, error: { field: 'givenOn' } });
    const view = await ok(api.call('medicaid:recordNotice', { studentId, givenOn: noticeDay, method: 'backpack' }));
    expect(view.notices).toEqual([{ id: expect.any(String), givenOn: noticeDay, method: 'backpack' }]);
    expect(await api.call('medicaid:recordNotice', { studentId, givenOn: noticeDay, method: 'mail' })).toMatchObject({ ok: false, error: { field: 'givenOn' } });

    const printed = await ok(api.call('medicaid:print', { studentId, language: 'es', parentName: 'Rosa Muñoz' }));
    expect(printed.fileName).toBe(`Medicaid consent M-5 ${today}.pdf`);
    const { text } = await readPdf(await fs.readFile(path.join(root, 'exports', printed.fileName!)));
    expect(text).toContain('Pedro Muñoz');
    expect(text).toContain('Rosa Muñoz');
    expect(text).toContain('Consentimiento');
    const [y, m, d] = noticeDay.split('-');
    expect(text).toContain(`${m}/${d}/${y}`);
  });

  it('a decision before the notice is refused; one after it stands and puts the next notice on the deadlines', async () => {
    expect(await api.call('medicaid:recordDecision', { studentId, decision: 'given', decidedOn: iso(subDays(new Date(), 30)), signedBy: 'Rosa Muñoz' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    const view = await ok(api.call('medicaid:recordDecision', { studentId, decision: 'given', decidedOn: today, signedBy: 'Rosa Muñoz' }));
    expect(view.status).toMatchObject({ state: 'given', since: today, lastNoticeOn: noticeDay, nextNoticeDue: iso(addYears(subDays(new Date(), 20), 1)) });
    expect(view.decisions[0]).toMatchObject({ decision: 'given', signedBy: 'Rosa Muñoz', noticeGivenOn: noticeDay, withdrawnOn: null });

    const record = await ok(api.call('students:get', { id: studentId }));
    expect(record.deadlines.some((dl: { kind: string }) => dl.kind === 'medicaid-notice')).toBe(true);
  });

  it('a recorded decision is kept as made, at the database too; a withdrawal is added once', async () => {
    const { decisions } = await ok(api.call('medicaid:get', { studentId }));
    const id = decisions[0]!.id;
    const db = openConnection(path.join(root, 'vault', DB_FILE), Buffer.from(recoveryKeyHex(recoveryKey), 'hex'), { create: false });
    try {
      expect(() => db.prepare("UPDATE medicaid_consents SET decision = 'refused' WHERE id = ?").run(id)).toThrow(/cannot be changed/);
      expect(() => db.prepare('DELETE FROM medicaid_consents WHERE id = ?').run(id)).toThrow(/cannot be deleted/);
      expect(() => db.prepare("UPDATE medicaid_notices SET given_on = '2020-01-01'").run()).toThrow(/cannot be changed/);
    } finally {
      db.close();
    }
    expect(await api.call('medicaid:withdraw', { id, withdrawnOn: iso(subDays(new Date(), 40)), receivedBy: 'Dana Olson' })).toMatchObject({ ok: false, error: { field: 'withdrawnOn' } });
    const after = await ok(api.call('medicaid:withdraw', { id, withdrawnOn: today, receivedBy: 'Dana Olson' }));
    expect(after.status).toMatchObject({ state: 'withdrawn', since: today, nextNoticeDue: null });
    expect(await api.call('medicaid:withdraw', { id, withdrawnOn: today, receivedBy: 'Dana Olson' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const record = await ok(api.call('students:get', { id: studentId }));
    expect(record.deadlines.some((dl: { kind: string }) => dl.kind === 'medicaid-notice')).toBe(false);
  });
});
