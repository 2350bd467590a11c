/**
 * Required elements of a release, per legal regime (DOMAIN.md, "Releases of
 * information — required elements by regime"), and which regimes a draft
 * should satisfy. The form shows `missingElements` live; printing is blocked
 * until `printProblems` is empty.
 *
 * Signature and date: a release is "signed and dated" by a person, on paper,
 * after printing. What the software can check before printing is that the form
 * carries a signature line for each required signer, a date line and (where the
 * rule asks for a representative's authority) a capacity/authority line. The
 * template always prints them; they are elements here so that an edited
 * template, or a draft for which nobody eligible to sign was found, is caught.
 * Whether the paper came back signed and dated is the gate's job (gate.ts).
 */
import { filled, parseIsoDate } from './text.ts';
import { REGIME_LABELS, REGIMES, type Regime, type ReleaseDraft } from './types.ts';

export type ElementId =
  | 'subject'
  | 'records'
  | 'discloser'
  | 'recipient'
  | 'purpose'
  | 'expiry'
  | 'signatureLine'
  | 'dateLine'
  | 'authorityLine'
  | 'revocationRight'
  | 'conditioningStatement'
  | 'redisclosureNotice'
  | 'dhs92Confidentiality'
  | 'part2Notice';

export interface RequiredElement {
  id: ElementId;
  /** Her words, as the checklist shows them. */
  label: string;
  /** Completes "<regime> needs …" when the element is missing. */
  need: string;
  /** Where the requirement comes from. */
  cite: string;
  check: (draft: ReleaseDraft) => boolean;
}

export interface MissingElement {
  id: ElementId;
  label: string;
  message: string;
}

export interface RegimeGaps {
  regime: Regime;
  regimeLabel: string;
  missing: MissingElement[];
}

// ---- the checks, shared by several regimes ---------------------------------

const hasSubject = (d: ReleaseDraft) => filled(d.studentName);
const hasRecords = (d: ReleaseDraft) =>
  d.categories.length > 0 && (!d.categories.includes('other') || filled(d.otherDescription));
const hasDiscloser = (d: ReleaseDraft) => d.discloser !== null;
const recipientWritten = (r: ReleaseDraft['recipients'][number]) =>
  r.kind === 'party' ? filled(r.name) : filled(r.description);
/** Party or class of parties (FERPA 99.30(b)(3), HIPAA, Part 2). */
const hasRecipientOrClass = (d: ReleaseDraft) => d.recipients.length > 0 && d.recipients.every(recipientWritten);
/** § 51.30(2) and § 146.81(2) name "the individual, agency, or organization": a class is not enough. */
const hasNamedRecipients = (d: ReleaseDraft) => hasRecipientOrClass(d) && d.recipients.every((r) => r.kind === 'party');
const hasPurpose = (d: ReleaseDraft) => filled(d.purpose);
const hasExpiry = (d: ReleaseDraft) =>
  d.expiry !== null && (d.expiry.kind === 'date' ? parseIsoDate(d.expiry.on) !== null : filled(d.expiry.event));
const hasSignatureLine = (d: ReleaseDraft) => d.lines.signatureLines && d.signers.length > 0;
const hasDateLine = (d: ReleaseDraft) => d.lines.dateLines;
const hasAuthorityLine = (d: ReleaseDraft) => d.lines.authorityLines;

function element(id: ElementId, label: string, need: string, cite: string, check: RequiredElement['check']): RequiredElement {
  return { id, label, need, cite, check };
}

const signatureLine = (cite: string) =>
  element('signatureLine', 'A signature line for each person who must sign', 'a signature line for someone allowed to sign', cite, hasSignatureLine);
const dateLine = (cite: string) =>
  element('dateLine', 'A line for the date it is signed', 'a line for the date it is signed', cite, hasDateLine);
const authorityLine = (cite: string) =>
  element('authorityLine', 'The signer’s relationship or authority to sign', 'a line for the signer’s relationship or legal authority', cite, hasAuthorityLine);
const statement = (id: ElementId, label: string, need: string, cite: string) =>
  element(id, label, need, cite, (d) => Boolean(d.statements[id as keyof ReleaseDraft['statements']]));

const ELEMENTS: Readonly<Record<Regime, readonly RequiredElement[]>> = {
  FERPA: [
    element('records', 'A description of the records to be disclosed', 'a description of the records to be disclosed', '34 CFR 99.30(b)(1)', hasRecords),
    element('purpose', 'The purpose of the disclosure', 'the purpose of the disclosure', '34 CFR 99.30(b)(2)', hasPurpose),
    element('recipient', 'The party or class of parties who will receive the records', 'the party or class of parties who will receive the records', '34 CFR 99.30(b)(3)', hasRecipientOrClass),
    signatureLine('34 CFR 99.30(a)'),
    dateLine('34 CFR 99.30(a)'),
  ],
  HIPAA: [
    element('records', 'A description of the information to be disclosed', 'a description of the information to be disclosed', '45 CFR 164.508(c)(1)(i)', hasRecords),
    element('discloser', 'Who may disclose the information', 'who will disclose the information', '45 CFR 164.508(c)(1)(ii)', hasDiscloser),
    element('recipient', 'Who will receive the information (a person or a class of persons)', 'who will receive the information', '45 CFR 164.508(c)(1)(iii)', hasRecipientOrClass),
    element('purpose', 'The purpose of the disclosure', 'the purpose of the disclosure', '45 CFR 164.508(c)(1)(iv)', hasPurpose),
    element('expiry', 'An expiration date or event', 'an expiration date or event', '45 CFR 164.508(c)(1)(v)', hasExpiry),
    signatureLine('45 CFR 164.508(c)(1)(vi)'),
    dateLine('45 CFR 164.508(c)(1)(vi)'),
    authorityLine('45 CFR 164.508(c)(1)(vi)'),
    statement('revocationRight', 'The right to revoke in writing, and how', 'the statement of the right to revoke in writing and how', '45 CFR 164.508(c)(2)(i)'),
    statement('conditioningStatement', 'Whether services or payment depend on signing', 'the statement that services or payment do not depend on signing', '45 CFR 164.508(c)(2)(ii)'),
    statement('redisclosureNotice', 'That shared information may be shared again and lose protection', 'the statement that redisclosed information may no longer be protected', '45 CFR 164.508(c)(2)(iii)'),
  ],
  WI_51_30: [
    element('recipient', 'The name of the person, agency or organization receiving the records', 'the name of each person or agency receiving the records (a class of parties is not enough)', 'Wis. Stat. § 51.30(2)', hasNamedRecipients),
    element('subject', 'The name of the person the records are about', 'the student’s name', 'Wis. Stat. § 51.30(2)', hasSubject),
    element('purpose', 'The purpose or need for the disclosure', 'the purpose or need for the disclosure', 'Wis. Stat. § 51.30(2)', hasPurpose),
    element('records', 'The specific type of information to be disclosed', 'the specific type of information to be disclosed', 'Wis. Stat. § 51.30(2)', hasRecords),
    element('expiry', 'The time period the release is effective', 'the time period the release is effective (an end date or event)', 'Wis. Stat. § 51.30(2)', hasExpiry),
    dateLine('Wis. Stat. § 51.30(2)'),
    signatureLine('Wis. Stat. § 51.30(2)'),
    statement('dhs92Confidentiality', 'The confidentiality statement for treatment records', 'the DHS 92 confidentiality statement', 'Wis. Admin. Code DHS 92.03(1)'),
  ],
  WI_146_81: [
    element('subject', 'The name of the patient', 'the student’s name', 'Wis. Stat. § 146.81(2)(a)', hasSubject),
    element('records', 'The type of information to be disclosed', 'the type of information to be disclosed', 'Wis. Stat. § 146.81(2)(b)', hasRecords),
    element('discloser', 'The types of providers making the disclosure', 'the types of providers making the disclosure', 'Wis. Stat. § 146.81(2)(c)', hasDiscloser),
    element('purpose', 'The purpose of the disclosure', 'the purpose of the disclosure', 'Wis. Stat. § 146.81(2)(d)', hasPurpose),
    element('recipient', 'The person, agency or organization receiving the records', 'the name of each person or agency receiving the records (a class of parties is not enough)', 'Wis. Stat. § 146.81(2)(e)', hasNamedRecipients),
    signatureLine('Wis. Stat. § 146.81(2)(f)'),
    authorityLine('Wis. Stat. § 146.81(2)(f)'),
    dateLine('Wis. Stat. § 146.81(2)(g)'),
    element('expiry', 'The time period the release is effective', 'the time period the release is effective (an end date or event)', 'Wis. Stat. § 146.81(2)(h)', hasExpiry),
  ],
  CFR42_PART2: [
    element('subject', 'The name of the patient', 'the student’s name', '42 CFR 2.31(a)(1)', hasSubject),
    element('discloser', 'Who may disclose the records', 'who will disclose the records', '42 CFR 2.31(a)(2)', hasDiscloser),
    element('records', 'A specific description of the substance use information to be disclosed', 'a specific description of the information to be disclosed', '42 CFR 2.31(a)(3)', hasRecords),
    element('recipient', 'Who will receive the records (a person or a class of persons)', 'who will receive the records', '42 CFR 2.31(a)(4)', hasRecipientOrClass),
    element('purpose', 'The purpose of the disclosure', 'the purpose of the disclosure', '42 CFR 2.31(a)(5)', hasPurpose),
    statement('revocationRight', 'The right to revoke in writing, and how', 'the statement of the right to revoke in writing and how', '42 CFR 2.31(a)(6)'),
    element('expiry', 'An expiration date, event or condition', 'an expiration date or event', '42 CFR 2.31(a)(7)', hasExpiry),
    signatureLine('42 CFR 2.31(a)(8)'),
    authorityLine('42 CFR 2.31(a)(8)'),
    dateLine('42 CFR 2.31(a)(9)'),
    // Required by 2.31(a)(4)(iii) when a recipient is a HIPAA covered entity or
    // business associate; the app cannot tell, so the form always carries it.
    statement('redisclosureNotice', 'That shared information may be shared again under HIPAA', 'the statement that redisclosed information may no longer be protected', '42 CFR 2.31(a)(4)(iii)'),
    // § 2.32 strictly travels with each disclosure; the form carries it too so
    // the family reads what recipients are told.
    statement('part2Notice', 'The federal notice that goes with each disclosure', 'the 42 CFR 2.32 notice', '42 CFR 2.32'),
  ],
};

export function requiredElements(regime: Regime): readonly RequiredElement[] {
  return ELEMENTS[regime];
}

/** For each chosen regime (in a fixed order, duplicates once), what is still missing. */
export function missingElements(draft: ReleaseDraft): RegimeGaps[] {
  const chosen = REGIMES.filter((r) => draft.regimes.includes(r));
  return chosen.map((regime) => ({
    regime,
    regimeLabel: REGIME_LABELS[regime],
    missing: ELEMENTS[regime]
      .filter((e) => !e.check(draft))
      .map((e) => ({ id: e.id, label: e.label, message: `${REGIME_LABELS[regime]} needs ${e.need}.` })),
  }));
}

export interface RegimeSuggestion {
  regime: Regime;
  why: string;
}

const fromDistrict = (d: ReleaseDraft) => d.discloser === 'district' || d.discloser === 'both';
const fromCounty = (d: ReleaseDraft) => d.discloser === 'county' || d.discloser === 'both';

/**
 * Regimes the draft must satisfy given who discloses and what. The worker may
 * add more; she may not print without these (see printProblems).
 * - District records of any category are pupil records: FERPA.
 * - County human services records are treatment/case records: § 51.30 (DHS 92)
 *   and HIPAA, whatever the category (DOMAIN.md "Two record regimes").
 * - Medical records held by the county are patient health care records: § 146.81.
 * - Alcohol/drug treatment records, from anyone: 42 CFR Part 2.
 */
export function regimesFor(draft: ReleaseDraft): RegimeSuggestion[] {
  const out: RegimeSuggestion[] = [];
  if (fromDistrict(draft)) {
    out.push({ regime: 'FERPA', why: 'The school district discloses pupil records.' });
  }
  if (fromCounty(draft)) {
    out.push({ regime: 'HIPAA', why: 'County human services discloses health information.' });
    out.push({ regime: 'WI_51_30', why: 'County human services records are treatment records under Wis. Stat. § 51.30.' });
    if (draft.categories.includes('medical')) {
      out.push({ regime: 'WI_146_81', why: 'Medical records from the county are patient health care records.' });
    }
  }
  if (draft.categories.includes('aoda_treatment')) {
    out.push({ regime: 'CFR42_PART2', why: 'Alcohol and drug treatment records are protected by 42 CFR Part 2.' });
  }
  return out;
}

/**
 * The first thing wrong with a recorded release's content, or null: what the
 * gate asks of every release on every check, so it allocates nothing on the
 * happy path. Same rules as printProblems (without signer problems).
 */
export function firstContentProblem(draft: ReleaseDraft): string | null {
  if (draft.regimes.length === 0) return 'Choose at least one law this release must satisfy.';
  for (const s of regimesFor(draft)) {
    if (!draft.regimes.includes(s.regime)) return `${s.why} Add ${REGIME_LABELS[s.regime]}.`;
  }
  for (const regime of REGIMES) {
    if (!draft.regimes.includes(regime)) continue;
    for (const e of ELEMENTS[regime]) if (!e.check(draft)) return `${REGIME_LABELS[regime]} needs ${e.need}.`;
  }
  return null;
}

/**
 * Everything standing between the draft and the printer, as sentences:
 * no regime chosen, a suggested regime left out, missing elements, and the
 * signer problems from requiredSigners (passed in: they need the guardians).
 */
export function printProblems(draft: ReleaseDraft, signerProblems: readonly string[] = []): string[] {
  const out: string[] = [];
  if (draft.regimes.length === 0) out.push('Choose at least one law this release must satisfy.');
  for (const s of regimesFor(draft)) {
    if (!draft.regimes.includes(s.regime)) out.push(`${s.why} Add ${REGIME_LABELS[s.regime]}.`);
  }
  for (const gap of missingElements(draft)) for (const m of gap.missing) out.push(m.message);
  out.push(...signerProblems);
  return out;
}
