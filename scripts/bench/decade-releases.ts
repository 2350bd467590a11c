/** The decade's releases of information: about four per student, most signed, some revoked or ended. */
import type { Vault } from '../../db/vault.ts';
import type { Rng, Student } from './decade.ts';

type Value = string | number | null;

export interface ReleaseContext {
  vault: Vault;
  r: Rng;
  students: readonly Student[];
  total: number;
  firstDay: number;
  today: number;
  isoOf(day: number): string;
  stamp(day: number, minutes?: number): string;
  write(table: string, columns: readonly string[], rows: readonly Value[][]): void;
  revokedBy: string;
}

export function generateReleases(ctx: ReleaseContext): void {
  const { vault, r, students, firstDay, today, isoOf, stamp, write } = ctx;
  const RECIPIENTS = ['Trempealeau County DHS intake', 'Sunrise Counseling', 'Gundersen Behavioral Health', 'Arcadia School District', 'Family Resource Center', 'Dr. Amina Yusuf'];
  const PURPOSES = ['Coordinate mental health supports at school', 'Care coordination for CLTS services', 'Referral for outpatient therapy', 'IEP team planning'];
  const CATEGORY_SETS = [['mental_health_treatment', 'attendance'], ['behavioral', 'screening_results'], ['iep_504', 'education_progress'], ['aoda_treatment']];
  const releaseRows: Value[][] = [];
  const recipientRows: Value[][] = [];
  const signerRows: Value[][] = [];
  const signatureRows: Value[][] = [];
  const signing: [string, string][] = [];
  for (let i = 0; i < ctx.total; i++) {
    const s = students[r.int(0, students.length - 1)]!;
    const id = r.uuid();
    const created = r.int(firstDay, today);
    const cats = r.pick(CATEGORY_SETS);
    const regimes = cats.includes('aoda_treatment') ? ['HIPAA', 'WI_51_30', 'CFR42_PART2'] : cats.includes('mental_health_treatment') ? ['HIPAA', 'WI_51_30'] : ['FERPA'];
    const signed = r.chance(0.85) ? Math.min(today, created + r.int(0, 20)) : null;
    const revoked = signed !== null && r.chance(0.06) ? Math.min(today, signed + r.int(10, 300)) : null;
    const endsOn = isoOf(created + r.int(200, 500));
    releaseRows.push([
      id, s.id, `ROI-${2016 + Math.floor(i / 800)}-${i.toString(16).toUpperCase().padStart(6, '0')}`, r.uuid().slice(0, 8).toUpperCase(), 'en',
      r.pick(['district', 'county', 'both']), r.pick(PURPOSES), JSON.stringify(cats), null, JSON.stringify(regimes),
      JSON.stringify({ revocationRight: true, conditioningStatement: true, redisclosureNotice: true, dhs92Confidentiality: true, part2Notice: true }),
      'date', endsOn, null, null, 'en-2026-11', isoOf(created), null, null, signed === null ? null : isoOf(signed),
      revoked === null ? null : isoOf(revoked), revoked === null ? null : 'written', revoked === null ? null : ctx.revokedBy, stamp(created), stamp(created),
    ]);
    recipientRows.push([r.uuid(), id, 'party', r.pick(RECIPIENTS), null, null, null, 0]);
    signerRows.push([r.uuid(), id, 'parent_or_guardian', null, 'The student is under 18: a parent or guardian signs.', 0]);
    if (signed !== null) {
      signatureRows.push([r.uuid(), id, 'parent_or_guardian', `${s.first} parent`, null, 0]);
      signing.push([isoOf(signed), id]);
    }
  }
  write('releases', ['id', 'student_id', 'form_id', 'verification_code', 'language', 'discloser', 'purpose', 'categories', 'other_description', 'regimes', 'statements', 'expiry_kind', 'expiry_on', 'expiry_event', 'expiry_event_on', 'template_version', 'printed_on', 'signed_on', 'effective_from', 'copy_given_on', 'revoked_on', 'revocation_method', 'revocation_received_by', 'created_at', 'updated_at'], releaseRows);
  write('release_recipients', ['id', 'release_id', 'kind', 'name', 'contact_id', 'provider_id', 'address', 'position'], recipientRows);
  write('release_signers', ['id', 'release_id', 'role', 'name', 'why', 'position'], signerRows);
  write('release_signatures', ['id', 'release_id', 'role', 'signed_name', 'signature_png', 'position'], signatureRows);
  // Signed last: the database fixes a release's lines once it is signed.
  const sign = vault.connection.prepare('UPDATE releases SET signed_on = ? WHERE id = ?');
  vault.connection.transaction(() => {
    for (const row of signing) sign.run(row);
  })();

}
