/**
 * The consent glance: students with releases in every state, made through
 * the API, read back from caseload:list and students:get (which must agree
 * with each other and with the releases' own statuses); and the SQL that
 * reads the whole caseload at once held to releaseStatus() over odd stored
 * data (unreadable dates, event ends, revocations entered ahead) on many days.
 */
import { addDays, format, subDays } from 'date-fns';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleasesTable } from '../db/database.ts';
import { createVault, type Vault } from '../db/vault.ts';
import { createApi, type Api } from '../electron/services/api.ts';
import { consentAcrossCaseload, consentOfStudent } from '../electron/services/caseload/consent.ts';
import { loadReleaseRows, toDomainRelease } from '../electron/services/releases/store.ts';
import type { ChannelInput } from '../electron/shared/contract.ts';
import { glanceOf, NO_RELEASE, STATUS_LABELS, summarizeConsent, type ConsentSummary, type ReleaseStatus } from '../electron/shared/domain/consent/index.ts';
import { blankStudent } from '../electron/shared/schemas/students.ts';
import { makeTempDir, removeDir } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const today = iso(new Date());
const inDays = (n: number) => iso(addDays(new Date(), n));
const daysAgo = (n: number) => iso(subDays(new Date(), n));

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A status as the Consents tab reports it, checked to be one the rules know. */
function statusOf(status: string): ReleaseStatus {
  const known = (Object.keys(STATUS_LABELS) as ReleaseStatus[]).find((s) => s === status);
  if (!known) throw new Error(`unknown release status ${status}`);
  return known;
}

const is = (level: ConsentSummary['level'], over: Partial<ConsentSummary> = {}): ConsentSummary => ({ ...NO_RELEASE, level, ...over });

describe('through the API', () => {
  let root: string;
  let api: Api;

  /** A ten-year-old (a parent signs alone) with her mother on file. */
  async function student(first: string): Promise<string> {
    const { id } = await ok(api.call('students:create', blankStudent({ legalFirst: first, legalLast: 'Glance', dob: iso(subDays(new Date(), 365 * 10 + 3)) })));
    await ok(
      api.call('contacts:add', {
        studentId: id,
        contact: { firstName: 'Pa', lastName: 'Glance', phone: null, email: null, preferredLanguage: null, relationship: 'Mother', legalAuthority: 'parent', courtOrderOnFile: false, noContact: false, noAccess: false, note: null },
      }),
    );
    return id;
  }

  /** A FERPA release taken as far as asked: saved, printed, signed, revoked. */
  async function release(studentId: string, o: { endsOn: string; upTo: 'draft' | 'printed' | 'signed'; signedOn?: string; effectiveFrom?: string; revokedOn?: string }) {
    const draft: ChannelInput<'releases:save'>['draft'] = {
      discloser: 'district',
      recipients: [{ kind: 'party', name: 'Sunrise Counseling', contactId: null, providerId: null, address: null }],
      purpose: 'Coordinate counseling with school supports',
      categories: ['attendance', 'behavioral'],
      otherDescription: null,
      expiry: { kind: 'date', on: o.endsOn },
      language: 'en',
      regimes: ['FERPA'],
    };
    const { id } = await ok(api.call('releases:save', { studentId, draft }));
    if (o.upTo === 'draft') return id;
    await ok(api.call('releases:print', { id }));
    if (o.upTo === 'printed') return id;
    await ok(
      api.call('releases:recordSignature', {
        id,
        signedOn: o.signedOn ?? today,
        effectiveFrom: o.effectiveFrom ?? null,
        copyGivenOn: null,
        signatures: [{ role: 'parent_or_guardian', signedName: 'Pa Glance' }],
        scan: null,
      }),
    );
    if (o.revokedOn) await ok(api.call('releases:revoke', { id, receivedOn: o.revokedOn, method: 'written', receivedBy: 'Dana Olson, LCSW' }));
    return id;
  }

  const ids = new Map<string, string>();
  const expected = new Map<string, ConsentSummary>();

  beforeAll(async () => {
    root = makeTempDir('consent-glance');
    api = createApi({ vaultDir: path.join(root, 'vault'), ports: fakePorts({ exportDir: path.join(root, 'exports') }) });
    await ok(api.call('vault:create', { passphrase: 'consent glance test passphrase' }));
    await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW', organizationName: 'Arcadia School District', organizationAddress: '756 Raider Dr, Arcadia, WI 54612' }));

    const cases: [string, (id: string) => Promise<unknown>, ConsentSummary][] = [
      ['Nora', async () => undefined, NO_RELEASE],
      ['Dina', (id) => release(id, { endsOn: inDays(200), upTo: 'draft' }), is('draft')],
      ['Asa', (id) => release(id, { endsOn: inDays(200), upTo: 'printed' }), is('awaiting')],
      ['Ava', (id) => release(id, { endsOn: inDays(365), upTo: 'signed' }), is('active', { activeCount: 1, nextEndDate: inDays(365) })],
      ['Eli', (id) => release(id, { endsOn: inDays(10), upTo: 'signed' }), is('expiring', { activeCount: 1, nextEndDate: inDays(10) })],
      ['Noel', (id) => release(id, { endsOn: inDays(300), upTo: 'signed', effectiveFrom: inDays(20) }), is('not_yet_effective', { startsOn: inDays(20) })],
      ['Exa', (id) => release(id, { endsOn: daysAgo(30), upTo: 'signed', signedOn: daysAgo(200) }), is('expired')],
      ['Rey', (id) => release(id, { endsOn: inDays(300), upTo: 'signed', revokedOn: today }), is('revoked')],
      ['Ray', (id) => release(id, { endsOn: inDays(300), upTo: 'signed', revokedOn: inDays(5) }), is('active', { activeCount: 1, nextEndDate: inDays(300) })],
      [
        'Mia',
        async (id) => {
          await release(id, { endsOn: daysAgo(400), upTo: 'signed', signedOn: daysAgo(700) });
          await release(id, { endsOn: inDays(365), upTo: 'signed' });
        },
        is('active', { activeCount: 1, nextEndDate: inDays(365) }),
      ],
      [
        'Max',
        async (id) => {
          await release(id, { endsOn: inDays(365), upTo: 'signed' });
          await release(id, { endsOn: inDays(12), upTo: 'signed' });
        },
        is('expiring', { activeCount: 2, nextEndDate: inDays(12) }),
      ],
      [
        'Rene',
        async (id) => {
          await release(id, { endsOn: daysAgo(3), upTo: 'signed', signedOn: daysAgo(300) });
          await release(id, { endsOn: inDays(365), upTo: 'printed' });
        },
        is('awaiting'),
      ],
      [
        'Ruth',
        async (id) => {
          await release(id, { endsOn: daysAgo(100), upTo: 'signed', signedOn: daysAgo(400), revokedOn: daysAgo(200) });
          await release(id, { endsOn: daysAgo(3), upTo: 'signed', signedOn: daysAgo(300) });
        },
        is('revoked'),
      ],
      [
        'Ed',
        async (id) => {
          await release(id, { endsOn: daysAgo(3), upTo: 'signed', signedOn: daysAgo(300) });
          await release(id, { endsOn: inDays(365), upTo: 'draft' });
        },
        is('expired'),
      ],
    ];
    for (const [first, make, summary] of cases) {
      const id = await student(first);
      await make(id);
      ids.set(first, id);
      expected.set(first, summary);
    }
  }, 60_000);

  afterAll(async () => {
    await api.dispose();
    removeDir(root);
  });

  const ALL = { status: null, schoolId: null, grade: null, program: null } as const;

  it('caseload:list and the record header show each student’s releases at a glance', async () => {
    const list = await ok(api.call('caseload:list', ALL));
    for (const [first, id] of ids) {
      const row = list.rows.find((r) => r.id === id)!;
      expect({ first, consent: row.consent }).toEqual({ first, consent: expected.get(first) });
      const record = await ok(api.call('students:get', { id }));
      expect({ first, consent: record.consent }).toEqual({ first, consent: expected.get(first) });
    }
  });

  it('agrees with the statuses the Consents tab shows', async () => {
    for (const [first, id] of ids) {
      const { releases } = await ok(api.call('releases:list', { studentId: id }));
      const glances = await Promise.all(
        releases.map(async (r) => {
          const detail = await ok(api.call('releases:get', { id: r.id }));
          const startsOn = r.signedOn && detail.effectiveFrom && detail.effectiveFrom > r.signedOn ? detail.effectiveFrom : r.signedOn;
          return { status: statusOf(r.status), endsOn: r.endsOn, startsOn };
        }),
      );
      expect({ first, consent: summarizeConsent(glances) }).toEqual({ first, consent: expected.get(first) });
    }
  });

  it('follows the “expiring” setting and the filters', async () => {
    await ok(api.call('settings:set', { releaseExpiringDays: 5 }));
    try {
      const list = await ok(api.call('caseload:list', ALL));
      expect(list.rows.find((r) => r.id === ids.get('Eli'))!.consent).toEqual(is('active', { activeCount: 1, nextEndDate: inDays(10) }));
      expect((await ok(api.call('students:get', { id: ids.get('Max')! }))).consent).toEqual(is('active', { activeCount: 2, nextEndDate: inDays(12) }));
    } finally {
      await ok(api.call('settings:set', { releaseExpiringDays: 30 }));
    }
    // A filtered list still carries each row's glance.
    const active = await ok(api.call('caseload:list', { ...ALL, status: 'active' }));
    expect(active.rows.find((r) => r.id === ids.get('Rey'))!.consent.level).toBe('revoked');
  });
});

describe('the caseload SQL against releaseStatus()', () => {
  let root: string;
  let vault: Vault;
  const studentIds: string[] = [];

  // Each release on its own student, so a student's glance is that release's.
  // validRelease-like dates: signed 09/01/2026, valid through 10/31/2026.
  type Stored = Partial<Pick<ReleasesTable, 'expiry_kind' | 'expiry_on' | 'expiry_event' | 'expiry_event_on' | 'printed_on' | 'signed_on' | 'effective_from' | 'revoked_on' | 'revocation_method'>>;
  const RELEASES: { name: string; row: Stored }[] = [
    { name: 'signed, ends on a date', row: {} },
    { name: 'starts later', row: { effective_from: '2026-09-10' } },
    { name: 'an effective date before signing', row: { effective_from: '2026-08-01' } },
    { name: 'revoked', row: { revoked_on: '2026-09-20', revocation_method: 'oral' } },
    { name: 'revocation entered ahead', row: { revoked_on: '2026-10-15', revocation_method: 'written' } },
    { name: 'event end, not yet', row: { expiry_kind: 'event', expiry_on: null, expiry_event: 'She leaves the district' } },
    { name: 'event end, recorded', row: { expiry_kind: 'event', expiry_on: null, expiry_event: 'She leaves the district', expiry_event_on: '2026-10-05' } },
    { name: 'no end', row: { expiry_kind: null, expiry_on: null } },
    { name: 'unreadable end date', row: { expiry_on: '2026-02-30' } },
    { name: 'printed, unsigned', row: { signed_on: null } },
    { name: 'draft', row: { signed_on: null, printed_on: null, expiry_kind: null, expiry_on: null } },
    { name: 'unsigned, past its end', row: { signed_on: null, expiry_on: '2026-09-03' } },
    { name: 'unreadable signing date', row: { signed_on: '2026-13-01' } },
    { name: 'unreadable effective date', row: { effective_from: '2026-09-31' } },
    { name: 'unreadable revocation date', row: { revoked_on: '2026-9-20', revocation_method: 'oral' } },
    { name: 'unreadable event date', row: { expiry_kind: 'event', expiry_on: null, expiry_event: 'She moves', expiry_event_on: 'soon' } },
  ];
  const DAYS = ['2026-08-29', '2026-09-02', '2026-09-05', '2026-09-10', '2026-09-15', '2026-09-20', '2026-09-30', '2026-10-01', '2026-10-04', '2026-10-05', '2026-10-15', '2026-10-24', '2026-10-31', '2026-11-01', '2030-01-01'];

  beforeAll(async () => {
    root = makeTempDir('consent-glance-sql');
    vault = (await createVault({ dir: path.join(root, 'vault'), passphrase: 'consent glance sql passphrase' })).vault;
    const now = new Date().toISOString();
    for (const [i, { row }] of RELEASES.entries()) {
      const studentId = `student-${i}`;
      studentIds.push(studentId);
      await vault.db
        .insertInto('students')
        .values({ id: studentId, legal_first: `S${i}`, legal_middle: null, legal_last: 'Sql', preferred_name: null, dob: '2016-04-02', grade: '4', school_id: null, school_student_id: null, medicaid_id: null, mci_id: null, iep: 0, plan_504: 0, foster_care: 0, mckinney_vento: 0, status: 'active', household_id: null, sort_key: `sql s${i}`, created_at: now, updated_at: now })
        .execute();
      const id = `release-${i}`;
      const terms: Stored = { expiry_kind: 'date', expiry_on: '2026-10-31', expiry_event: null, expiry_event_on: null, printed_on: '2026-08-28', ...row };
      await vault.db
        .insertInto('releases')
        .values({
          id, student_id: studentId, form_id: `ROI-2026-${String(i).padStart(6, '0')}`, verification_code: 'ABCD1234', language: 'en', discloser: 'district', purpose: 'Coordinate supports',
          categories: '["attendance"]', other_description: null, regimes: '["FERPA"]', statements: '{}', template_version: 'en-2026-11', signed_on: null, effective_from: null, copy_given_on: null,
          revoked_on: null, revocation_method: null, revocation_received_by: null, created_at: now, updated_at: now,
          expiry_kind: terms.expiry_kind ?? null, expiry_on: terms.expiry_on ?? null, expiry_event: terms.expiry_event ?? null, expiry_event_on: terms.expiry_event_on ?? null, printed_on: terms.printed_on ?? null,
        })
        .execute();
      await vault.db.insertInto('release_signers').values({ id: `line-${i}`, release_id: id, role: 'parent_or_guardian', name: null, why: 'A parent signs.', position: 0 }).execute();
      const signedOn = row.signed_on === undefined ? '2026-09-01' : row.signed_on;
      if (signedOn === null) continue;
      await vault.db.insertInto('release_signatures').values({ id: `sig-${i}`, release_id: id, role: 'parent_or_guardian', signed_name: 'Pa Sql', signature_png: null, position: 0 }).execute();
      // Signed last, as the app does: the database fixes lines and signatures from then on.
      await vault.db
        .updateTable('releases')
        .set({ signed_on: signedOn, effective_from: row.effective_from ?? null, revoked_on: row.revoked_on ?? null, revocation_method: row.revocation_method ?? null, revocation_received_by: row.revoked_on ? 'J. Berg' : null })
        .where('id', '=', id)
        .execute();
    }
  });

  afterAll(async () => {
    await vault.close();
    removeDir(root);
  });

  it.each([30, 7])('gives every student the domain’s glance on every day (expiring window %i days)', async (expiringDays) => {
    const seen = new Set<string>();
    for (const day of DAYS) {
      const across = await consentAcrossCaseload(vault.db, { today: day, expiringDays });
      for (const [i, studentId] of studentIds.entries()) {
        const loaded = await loadReleaseRows(vault.db, { studentId });
        const domain = summarizeConsent(loaded.map((l) => glanceOf(toDomainRelease(l, { name: 'S Sql', dob: '2016-04-02' }), day, expiringDays)));
        const label = `${RELEASES[i]!.name} on ${day}`;
        expect({ label, consent: across(studentId) }).toEqual({ label, consent: domain });
        expect({ label, consent: await consentOfStudent(vault.db, studentId, { today: day, expiringDays }) }).toEqual({ label, consent: domain });
        seen.add(domain.level);
      }
    }
    // The cases reach every level a student with a release can have.
    expect([...seen].sort()).toEqual(['active', 'awaiting', 'draft', 'expired', 'expiring', 'not_yet_effective', 'revoked']);
  });

  it('counts a student whose releases all ended long ago as expired, and one with none as none', async () => {
    const across = await consentAcrossCaseload(vault.db, { today: '2030-01-01', expiringDays: 30 });
    expect(across('student-0').level).toBe('expired');
    expect(across('no-such-student')).toEqual(NO_RELEASE);
  });
});
