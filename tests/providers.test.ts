/**
 * Providers and referrals through the API: the directory with its stale flag,
 * evaluations on the checklist (incomplete ones refused, kept as completed at
 * the database), a comparison of three providers, and referrals moving through
 * their statuses with history, follow-up dates on the deadlines, and each
 * provider's referral history.
 */
import { format, subDays, subMonths } from 'date-fns';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../db/connection.ts';
import { DB_FILE } from '../db/vault.ts';
import { createApi, type Api } from '../electron/services/api.ts';
import type { ChannelInput } from '../electron/shared/contract.ts';
import { DEFAULT_CHECKLIST_TEMPLATE, VERDICT_RULE, type Rating } from '../electron/shared/domain/providers/index.ts';
import type { ProviderFields } from '../electron/shared/schemas/providers.ts';
import { blankStudent } from '../electron/shared/schemas/students.ts';
import { makeTempDir, removeDir } from './helpers/files.ts';
import { readPdf } from './documents/pdf-text.ts';
import { fakePorts } from './helpers/ports.ts';
import { recoveryKeyHex } from './helpers/sqlcipher.ts';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const today = iso(new Date());

let root: string;
let api: Api;
let recoveryKey: string;
let studentId: string;
const ids: Record<string, string> = {};

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const provider = (name: string, over: Partial<ProviderFields> = {}): ProviderFields => ({
  kind: 'agency',
  name,
  services: ['Individual therapy', 'Family therapy'],
  ages: { min: 5, max: 18 },
  languages: ['English', 'Hmong'],
  payment: ['medicaid', 'sliding_scale'],
  delivery: ['school_in_person', 'telehealth'],
  location: 'Arcadia, WI',
  contacts: [{ name: 'Intake', role: 'Intake coordinator', phone: '608-555-0100', email: 'intake@example.org' }],
  acceptingReferrals: true,
  waitlistWeeks: 2,
  medicaidProviderId: '1234567',
  notes: '',
  lastVerifiedOn: today,
  ...over,
});

/** Every criterion rated: musts as given, nice-to-haves `nice` for the first `niceMet` and no evidence after. */
function ratings(must: Rating, niceMet: number): ChannelInput<'evaluations:save'>['ratings'] {
  let nice = 0;
  return DEFAULT_CHECKLIST_TEMPLATE.criteria.map((c) => {
    const rating: Rating = c.kind === 'must' ? must : nice++ < niceMet ? 'agree' : 'no_evidence';
    return { criterionKey: c.key, rating, evidence: rating === 'no_evidence' ? '' : `Seen on the site visit (${c.key}).` };
  });
}

beforeAll(async () => {
  root = makeTempDir('providers');
  api = createApi({ vaultDir: path.join(root, 'vault'), ports: fakePorts({ exportDir: path.join(root, 'exports') }) });
  recoveryKey = (await ok(api.call('vault:create', { passphrase: 'providers passphrase' }))).recoveryKey;
  studentId = (await ok(api.call('students:create', blankStudent({ legalFirst: 'Kou', legalLast: 'Xiong', dob: '2015-02-03' })))).id;
  ids.sunrise = (await ok(api.call('providers:save', { fields: provider('Sunrise Counseling') }))).id;
  ids.river = (await ok(api.call('providers:save', { fields: provider('River Valley Clinic', { lastVerifiedOn: iso(subMonths(new Date(), 7)) }) }))).id;
  ids.arbor = (await ok(api.call('providers:save', { fields: provider('Arbor Family Services') }))).id;
});

afterAll(async () => {
  await api.dispose();
  removeDir(root);
});

describe('the directory and vetting', () => {
  it('lists providers with a stale flag after six months', async () => {
    const { providers } = await ok(api.call('providers:list', {}));
    expect(providers.map((p) => [p.fields.name, p.stale])).toEqual([
      ['Arbor Family Services', false],
      ['River Valley Clinic', true],
      ['Sunrise Counseling', false],
    ]);
  });

  it('refuses an incomplete evaluation and keeps a completed one as written', async () => {
    const partial = ratings('agree', 8).slice(1);
    const refused = await api.call('evaluations:save', { providerId: ids.sunrise!, ratings: partial, completedBy: 'Dana Olson', completedOn: today, override: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^The evaluation is not complete: /) } });
    const saved = await ok(api.call('evaluations:save', { providerId: ids.sunrise!, ratings: ratings('strongly_agree', 7), completedBy: 'Dana Olson', completedOn: today, override: null }));
    expect(saved.verdict).toBe('exceeds');
    const db = openConnection(path.join(root, 'vault', DB_FILE), Buffer.from(recoveryKeyHex(recoveryKey), 'hex'), { create: false });
    try {
      expect(() => db.prepare("UPDATE provider_evaluations SET completed_by = 'someone else'").run()).toThrow(/kept as written/);
    } finally {
      db.close();
    }
  });

  it('compares three providers on one template: exceeds, meets, does not meet', async () => {
    await ok(api.call('evaluations:save', { providerId: ids.river!, ratings: ratings('agree', 2), completedBy: 'Dana Olson', completedOn: today, override: null }));
    await ok(api.call('evaluations:save', { providerId: ids.arbor!, ratings: ratings('no_evidence', 8), completedBy: 'Dana Olson', completedOn: today, override: null }));
    const c = await ok(api.call('providers:compare', { providerIds: [ids.arbor!, ids.river!, ids.sunrise!] }));
    expect(c.columns.map((col) => [col.providerName, col.verdict])).toEqual([
      ['Sunrise Counseling', 'exceeds'],
      ['River Valley Clinic', 'meets'],
      ['Arbor Family Services', 'does_not_meet'],
    ]);
    expect(c.rows).toHaveLength(DEFAULT_CHECKLIST_TEMPLATE.criteria.length);
    expect(c.rows.every((r) => r.cells.length === 3)).toBe(true);
    const { providers } = await ok(api.call('providers:list', {}));
    expect(providers.find((p) => p.id === ids.arbor)!.latestVerdict).toBe('does_not_meet');
  });

  it('prints an evaluation as a checklist PDF, and a blank one', async () => {
    const [evaluation] = (await ok(api.call('evaluations:list', { providerId: ids.river! }))).evaluations;
    const printed = await ok(api.call('providers:printChecklist', { providerId: ids.river!, evaluationId: evaluation!.id }));
    expect(printed).toEqual({ saved: true, fileName: `Provider checklist - River Valley Clinic ${today}.pdf` });
    const { text } = await readPdf(readFileSync(path.join(root, 'exports', printed.fileName!)));
    expect(text).toContain('Provider checklist — River Valley Clinic');
    for (const c of DEFAULT_CHECKLIST_TEMPLATE.criteria) {
      expect(text).toContain(c.text);
      if (c.kind === 'must' || c.key === 'school_day_at_school') expect(text).toContain(`Seen on the site visit (${c.key}).`);
    }
    expect(text).toContain('Meets');
    expect(text).toContain(evaluation!.explanation);
    expect(text).toContain(VERDICT_RULE);
    expect(text).toContain('Completed by Dana Olson');

    const blank = await ok(api.call('providers:printChecklist', { providerId: ids.river!, evaluationId: null }));
    expect(blank.saved).toBe(true);
    expect((await readPdf(readFileSync(path.join(root, 'exports', blank.fileName!)))).text).not.toContain('Seen on the site visit');
    // An evaluation of another provider is not printed under this one's name.
    expect(await api.call('providers:printChecklist', { providerId: ids.sunrise!, evaluationId: evaluation!.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('referrals', () => {
  let referralId: string;
  it('drafts a referral, sends it (with a follow-up date), and refuses going backwards', async () => {
    referralId = (await ok(api.call('referrals:save', { fields: { studentId, target: { providerId: ids.sunrise! }, reason: 'Anxiety at school; family asked for counseling.', urgency: 'soon', expectedOutcome: 'Weekly therapy', followUpOn: null, outcomeNote: '' } }))).id;
    const sentOn = iso(subDays(new Date(), 20));
    const sent = await ok(api.call('referrals:transition', { id: referralId, to: 'sent', on: sentOn }));
    expect(sent.followUpOn).not.toBeNull();
    expect(await api.call('referrals:transition', { id: referralId, to: 'draft', on: today })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const record = await ok(api.call('students:get', { id: studentId }));
    expect(record.deadlines.some((d: { kind: string }) => d.kind === 'referral-follow-up')).toBe(true);
  });

  it('records the answer and shows the provider’s referral history', async () => {
    await ok(api.call('referrals:transition', { id: referralId, to: 'accepted', on: iso(subDays(new Date(), 14)) }));
    const { referrals } = await ok(api.call('referrals:list', { studentId, providerId: null }));
    expect(referrals[0]).toMatchObject({ status: 'accepted', targetName: 'Sunrise Counseling', history: [expect.objectContaining({ status: 'sent' }), expect.objectContaining({ status: 'accepted' })] });
    const { providers } = await ok(api.call('providers:list', {}));
    expect(providers.find((p) => p.id === ids.sunrise)!.history).toMatchObject({ sent: 1, accepted: 1, acceptanceRate: 1, medianDaysToAnswer: 6 });
  });

  it('refers to county intake too, and keeps what was sent fixed', async () => {
    const { id } = await ok(api.call('referrals:save', { fields: { studentId, target: { countyIntake: 'CLTS' }, reason: 'Developmental disability; respite for the family.', urgency: 'routine', expectedOutcome: 'CLTS eligibility', followUpOn: null, outcomeNote: '' } }));
    await ok(api.call('referrals:transition', { id, to: 'sent', on: today }));
    await ok(api.call('referrals:save', { id, fields: { studentId, target: { countyIntake: 'CCS' }, reason: 'changed', urgency: 'urgent', expectedOutcome: '', followUpOn: null, outcomeNote: 'Called intake.' } }));
    const { referrals } = await ok(api.call('referrals:list', { studentId, providerId: null }));
    expect(referrals.find((r) => r.id === id)).toMatchObject({ targetName: 'CLTS intake', fields: { reason: 'Developmental disability; respite for the family.', outcomeNote: 'Called intake.' } });
  });
});
