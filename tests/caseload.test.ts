/**
 * The caseload through the API: Unicode names round-trip and sort sensibly,
 * signed notes are locked at the data layer (not only in the UI), addenda are
 * the only correction, households and shared guardians show families in
 * common, enrollment dates become deadlines, search finds a note by a word.
 */
import { addDays, format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../electron/services/api.ts';
import type { ChannelInput } from '../electron/shared/contract.ts';
import { blankStudent } from '../electron/shared/schemas/students.ts';
import { makeTempDir, removeDir } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';

let root: string;
let api: Api;

const today = () => format(new Date(), 'yyyy-MM-dd');

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function student(first: string, last: string, extra: Partial<ChannelInput<'students:create'>> = {}): ChannelInput<'students:create'> {
  return blankStudent({ legalFirst: first, legalLast: last, dob: '2013-05-17', grade: '7', ...extra });
}

const parent = {
  firstName: 'Pa',
  lastName: 'Xiong',
  phone: '715-555-0101',
  email: null,
  preferredLanguage: 'Hmong',
  relationship: 'Mother',
  legalAuthority: 'parent' as const,
  courtOrderOnFile: false,
  noContact: false,
  noAccess: false,
  note: null,
};

beforeAll(async () => {
  root = makeTempDir('caseload');
  api = createApi({ vaultDir: `${root}/vault`, ports: fakePorts() });
  await ok(api.call('vault:create', { passphrase: 'caseload test passphrase' }));
});

afterAll(async () => {
  await api.dispose();
  removeDir(root);
});

describe('names', () => {
  const names: [string, string][] = [
    ['Zoë', 'Núñez'], // precomposed
    ['Zoe\u0308', 'Nun\u0303ez'], // combining marks
    ['Mai 🌻', 'Vang'],
    ['مريم', 'الحسن'],
    ['Nguyễn', 'Thị Hằng'],
    ['Txiv', 'Lis'],
    ['Ana', 'de la Cruz'],
    ['Bea', 'Adams'],
  ];

  it('round-trip exactly and sort by folded last name', async () => {
    const ids: string[] = [];
    for (const [first, last] of names) ids.push((await ok(api.call('students:create', student(first, last)))).id);
    for (const [i, id] of ids.entries()) {
      const record = await ok(api.call('students:get', { id }));
      expect([record.student.legalFirst, record.student.legalLast]).toEqual(names[i]);
    }
    const list = await ok(api.call('caseload:list', { status: null, schoolId: null, grade: null, program: null }));
    const order = list.rows.map((r) => r.name);
    expect(order.indexOf('Bea Adams')).toBeLessThan(order.indexOf('Ana de la Cruz'));
    expect(order.indexOf('Ana de la Cruz')).toBeLessThan(order.indexOf('Txiv Lis'));
    // Both spellings of Núñez sort together, between Lis and Thị Hằng.
    const folded = (n: string) => n.normalize('NFD').replace(/\p{M}/gu, '');
    const nunez = order.map((n, i) => (folded(n).includes('Nunez') ? i : -1)).filter((i) => i >= 0);
    expect(nunez).toHaveLength(2);
    expect(Math.abs(nunez[0]! - nunez[1]!)).toBe(1);
    expect(order.indexOf('Txiv Lis')).toBeLessThan(nunez[0]!);
  });
});

describe('case notes', () => {
  let studentId: string;
  beforeAll(async () => {
    studentId = (await ok(api.call('students:create', student('Lily', 'Her')))).id;
  });

  it('cannot be signed before the worker’s name is set', async () => {
    const r = await api.call('notes:save', { studentId, occurredOn: today(), regime: 'county', body: 'Met at school.', sign: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/Settings/) } });
  });

  it('are locked once signed; corrections are dated addenda', async () => {
    await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW' }));
    const draft = await ok(api.call('notes:save', { studentId, occurredOn: today(), regime: 'county', body: 'Home visit with grandmother about the bus route.', sign: false }));
    expect(draft.signed).toBe(false);
    await ok(api.call('notes:save', { id: draft.id, studentId, occurredOn: today(), regime: 'county', body: 'Home visit with grandmother about the bus schedule.', sign: true }));

    const edit = await api.call('notes:save', { id: draft.id, studentId, occurredOn: today(), regime: 'county', body: 'Rewritten', sign: false });
    expect(edit).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await api.call('notes:discardDraft', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });

    const addendum = await ok(api.call('notes:addAddendum', { noteId: draft.id, body: 'Correction: her aunt was also present.' }));
    const record = await ok(api.call('students:get', { id: studentId }));
    const note = record.notes.find((n) => n.id === draft.id)!;
    expect(note.body).toBe('Home visit with grandmother about the bus schedule.');
    expect(note.signedBy).toBe('Dana Olson, LCSW');
    expect(note.addenda).toEqual([{ id: addendum.id, body: 'Correction: her aunt was also present.', signedAt: expect.any(String), signedBy: 'Dana Olson, LCSW' }]);
    expect(record.timeline.map((t) => t.kind)).toEqual(expect.arrayContaining(['note', 'addendum']));
  });

  it('a draft cannot take an addendum', async () => {
    const draft = await ok(api.call('notes:save', { studentId, occurredOn: today(), regime: 'pupil', body: 'Check-in.', sign: false }));
    expect(await api.call('notes:addAddendum', { noteId: draft.id, body: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    await ok(api.call('notes:discardDraft', { id: draft.id }));
  });

  it('search finds a note by a word in it, accents folded, as a prefix', async () => {
    await ok(api.call('notes:save', { studentId, occurredOn: today(), regime: 'county', body: 'Talked about the café job and crème brûlée.', sign: true }));
    for (const text of ['schedule', 'SCHED', 'cafe', 'brulee', 'aunt']) {
      const { results } = await ok(api.call('search:query', { text, limit: 10 }));
      expect(results.length, text).toBeGreaterThan(0);
      expect(results[0]!.studentId).toBe(studentId);
      expect(results[0]!.studentName).toBe('Lily Her');
    }
    const quoted = await ok(api.call('search:query', { text: '"unbalanced (quote* OR NEAR', limit: 10 }));
    expect(quoted.results).toEqual([]);
    // Nothing she types is FTS syntax: punctuation, operators and symbols never make an error.
    for (const text of ['...', '!!!', "'", 'a.b', '—', '🙂', 'NEAR', 'AND OR', '*', '\u200f', '%', '_', '"', '(', 'col:x', '^start']) {
      expect((await api.call('search:query', { text, limit: 5 })).ok, text).toBe(true);
    }
  });
});

describe('families and programs', () => {
  it('siblings share a household and a guardian shows the students in common', async () => {
    const a = (await ok(api.call('students:create', student('Kou', 'Xiong')))).id;
    const b = (await ok(api.call('students:create', student('Nou', 'Xiong', { dob: '2016-01-02' })))).id;
    await ok(api.call('households:linkSibling', { studentId: a, siblingId: b }));
    await ok(api.call('contacts:add', { studentId: a, contact: parent }));
    await ok(api.call('contacts:add', { studentId: b, contact: parent }));
    const record = await ok(api.call('students:get', { id: a }));
    expect(record.siblings.map((s) => s.name)).toEqual(['Nou Xiong']);
    expect(record.contacts[0]!.otherStudents.map((s) => s.name)).toEqual(['Nou Xiong']);
    const list = await ok(api.call('caseload:list', { status: 'active', schoolId: null, grade: null, program: null }));
    expect(list.rows.find((r) => r.id === a)!.householdSize).toBe(2);
  });

  it('a legal representative needs the court order on file', async () => {
    const s = (await ok(api.call('students:create', student('Ray', 'Moua')))).id;
    const r = await api.call('contacts:add', { studentId: s, contact: { ...parent, firstName: 'Lee', legalAuthority: 'legal_representative' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'contact.courtOrderOnFile' } });
  });

  it('a CLTS referral puts the eligibility decision on the due-soon panel', async () => {
    const s = (await ok(api.call('students:create', student('June', 'Thao')))).id;
    const referral = format(addDays(new Date(), -40), 'yyyy-MM-dd');
    const { id } = await ok(api.call('enrollments:create', { studentId: s, program: 'clts', status: 'referred', statusDate: referral, dates: { referralDate: referral } }));
    const { items } = await ok(api.call('caseload:dueSoon', {}));
    const item = items.find((i) => i.enrollmentId === id && i.kind === 'clts-eligibility');
    expect(item).toMatchObject({ studentName: 'June Thao', daysLeft: 5, bucket: 'week', dueOn: format(addDays(new Date(), 5), 'yyyy-MM-dd') });
    // The status change waits to be entered in the county system (10 days from the change).
    expect(items.some((i) => i.enrollmentId === id && i.kind === 'enrollment-change-entry')).toBe(true);
    const list = await ok(api.call('caseload:list', { status: null, schoolId: null, grade: null, program: 'CLTS' }));
    expect(list.rows.map((r) => r.id)).toEqual([s]);
    expect(list.rows[0]!.nextDue).toMatchObject({ overdue: true });
    // Recording the decision removes the deadline.
    await ok(api.call('enrollments:update', { id, dates: { eligibilityDate: today() } }));
    const after = await ok(api.call('caseload:dueSoon', {}));
    expect(after.items.some((i) => i.enrollmentId === id && i.kind === 'clts-eligibility')).toBe(false);
  });
});

describe('the data layer itself', () => {
  it('refuses to change or delete a signed note or an addendum, whatever the caller', async () => {
    const { createVault } = await import('../db/vault.ts');
    const { vault } = await createVault({ dir: `${root}/raw`, passphrase: 'raw data layer passphrase' });
    try {
      const c = vault.connection;
      const now = new Date().toISOString();
      c.prepare(`INSERT INTO students (id, legal_first, legal_last, sort_key, created_at, updated_at) VALUES ('s', 'A', 'B', 'b a', ?, ?)`).run(now, now);
      c.prepare(`INSERT INTO case_notes (id, student_id, occurred_on, regime, body, created_at, updated_at, signed_at, signed_by) VALUES ('n', 's', '2026-01-05', 'county', 'Signed text', ?, ?, ?, 'Dana')`).run(now, now, now);
      expect(() => c.prepare(`UPDATE case_notes SET body = 'changed' WHERE id = 'n'`).run()).toThrow(/signed note cannot be changed/);
      expect(() => c.prepare(`UPDATE case_notes SET signed_at = NULL, signed_by = NULL WHERE id = 'n'`).run()).toThrow(/signed note/);
      expect(() => c.prepare(`DELETE FROM case_notes WHERE id = 'n'`).run()).toThrow(/signed note cannot be deleted/);
      expect(() => c.prepare(`DELETE FROM students WHERE id = 's'`).run()).toThrow(/signed note cannot be deleted/);
      c.prepare(`INSERT INTO note_addenda (id, note_id, body, signed_at, signed_by) VALUES ('a', 'n', 'Addendum', ?, 'Dana')`).run(now);
      expect(() => c.prepare(`UPDATE note_addenda SET body = 'x' WHERE id = 'a'`).run()).toThrow(/addendum cannot be changed/);
      expect(() => c.prepare(`DELETE FROM note_addenda WHERE id = 'a'`).run()).toThrow(/addendum cannot be deleted/);
      expect(c.prepare(`SELECT body FROM case_notes WHERE id = 'n'`).get()).toEqual({ body: 'Signed text' });
    } finally {
      await vault.close();
    }
  });
});
