/**
 * The consent gate: may these records go to this recipient, for this purpose,
 * on this day? Allowed on ONE release that covers the whole request, or on an
 * explicit legal exception with a written reason; refused otherwise, with a
 * plain sentence for every piece that is missing.
 *
 * Matching is strict on purpose (software cannot judge "close enough"):
 * - Recipient: a named party matches on the same contact or provider id when
 *   both sides carry one (different ids never match, even with equal names);
 *   otherwise on the name, compared after NFC, whitespace and case folding.
 *   A class of parties ("the IEP team at Whitehall High") matches only when the
 *   request names that same class: whether a person belongs to a class is the
 *   worker's judgment, so she must state it, and it is recorded.
 * - Purpose: equal after the same folding. No "broader purpose" reasoning.
 * - Categories: one release must cover every requested category. Two releases
 *   that together cover them do not: each disclosure rests on one consent.
 * - The release's own content must still satisfy its regimes (elements.ts,
 *   firstContentProblem):
 *   a defective paper never passes, even if signed.
 * Date rules are in status.ts.
 */
import { isBefore } from 'date-fns';
import { firstContentProblem } from './elements.ts';
import { LEGAL_EXCEPTIONS, MIN_EXCEPTION_REASON, type ExceptionKind } from './exceptions.ts';
import { effectiveStart, isExpiredOn, isRevokedOn, missingSignatures } from './status.ts';
import { normalizeText, parseIsoDate, shownDate } from './text.ts';
import { RECORD_CATEGORY_NAMES, SIGNER_ROLE_LABELS, type IsoDate, type RecordCategory, type Recipient, type Release } from './types.ts';

export interface RequestedRecipient {
  name: string;
  contactId?: string | null;
  providerId?: string | null;
  /** Set only when the worker states that this recipient belongs to a class named on a release. */
  className?: string | null;
}

export interface DisclosureRequest {
  releases: readonly Release[];
  studentId: string;
  recipient: RequestedRecipient;
  purpose: string;
  categories: readonly RecordCategory[];
  onDate: IsoDate;
  exception?: { kind: ExceptionKind; reason: string } | null;
}

export type RefusalCode =
  | 'bad_date'
  | 'no_categories'
  | 'no_purpose'
  | 'no_release'
  | 'incomplete'
  | 'unsigned'
  | 'undated'
  | 'not_yet_effective'
  | 'expired'
  | 'revoked'
  | 'wrong_recipient'
  | 'wrong_purpose'
  | 'category_not_covered'
  | 'exception_unknown'
  | 'exception_reason'
  | 'exception_scope';

export interface Refusal {
  releaseId: string | null;
  code: RefusalCode;
  message: string;
}

export type GateBasis =
  | { kind: 'release'; releaseId: string }
  | { kind: 'exception'; exception: ExceptionKind; reason: string };

export type GateResult =
  | { allowed: true; basis: GateBasis }
  | { allowed: false; reasons: string[]; details: Refusal[] };

const refuse = (details: Refusal[]): GateResult => ({ allowed: false, reasons: details.map((d) => d.message), details });
const catList = (cats: readonly RecordCategory[]) => cats.map((c) => RECORD_CATEGORY_NAMES[c]).join(', ');

export function checkDisclosure(req: DisclosureRequest): GateResult {
  const on = parseIsoDate(req.onDate);
  if (!on) return refuse([{ releaseId: null, code: 'bad_date', message: `The disclosure date "${req.onDate}" is not a real date.` }]);
  if (req.exception) return checkException(req);

  const early: Refusal[] = [];
  if (req.categories.length === 0) early.push({ releaseId: null, code: 'no_categories', message: 'Choose which records are being shared.' });
  const purpose = normalizeText(req.purpose);
  if (purpose === '') early.push({ releaseId: null, code: 'no_purpose', message: 'State the purpose of sharing.' });
  if (early.length > 0) return refuse(early);

  const name = normalizeText(req.recipient.name);
  const className = normalizeText(req.recipient.className ?? '');
  const matches = (r: Recipient) => {
    if (r.kind === 'class') return className !== '' && normalizeText(r.description) === className;
    const { contactId, providerId } = req.recipient;
    if (r.contactId && contactId) return r.contactId === contactId;
    if (r.providerId && providerId) return r.providerId === providerId;
    return name !== '' && normalizeText(r.name) === name;
  };

  const mine = req.releases.filter((r) => r.studentId === req.studentId);
  if (mine.length === 0) {
    return refuse([{ releaseId: null, code: 'no_release', message: 'No release is on file for this student. Print one for signature, or choose a legal exception with a written reason.' }]);
  }

  // Sentences are built only when refusing: the allowed path stays cheap.
  type Lazy = { code: RefusalCode; message: () => string };
  const perRelease: { release: Release; problems: Lazy[] }[] = [];
  for (const release of mine) {
    const problems: Lazy[] = [];
    const add = (code: RefusalCode, message: () => string) => problems.push({ code, message });
    const title = () => releaseTitle(release);

    const content = firstContentProblem(release);
    if (content !== null) add('incomplete', () => `${title()} is missing what the law requires (${content}). Print a corrected release.`);

    const named = release.signedBy.some((s) => s.name.trim().length > 0);
    if (!named) add('unsigned', () => `${title()} is not signed yet. Record the signatures before sharing.`);
    else for (const role of missingSignatures(release)) add('unsigned', () => `${title()} is missing the signature of the ${SIGNER_ROLE_LABELS[role].toLowerCase()}.`);
    if (parseIsoDate(release.signedOn) === null) add('undated', () => `${title()} has no date of signing recorded. Record the date it was signed.`);
    else {
      const start = effectiveStart(release);
      if (!start) add('not_yet_effective', () => `${title()} has an unreadable start date. Correct it before sharing.`);
      else if (isBefore(on, start)) add('not_yet_effective', () => `${title()} takes effect on ${shownDate(startIso(release))}, after ${shownDate(req.onDate)}.`);
    }
    if (isExpiredOn(release, on)) add('expired', () => expiredText(release, title()));
    if (isRevokedOn(release, on)) {
      const rv = release.revocation;
      add('revoked', () => `${title()} was revoked on ${shownDate(rv?.receivedOn)} (${rv?.method ?? 'unknown'}, received by ${rv?.receivedBy || 'unknown'}). Nothing may be shared under it from that day.`);
    }
    if (!release.recipients.some(matches)) {
      add('wrong_recipient', () => `${title()} does not name ${req.recipient.name.trim() || 'this recipient'} as a recipient. It names: ${recipientList(release)}.`);
    }
    if (normalizeText(release.purpose) !== purpose) {
      add('wrong_purpose', () => `${title()} is for "${release.purpose.trim()}", not "${req.purpose.trim()}".`);
    }
    const uncovered = req.categories.filter((c) => !release.categories.includes(c));
    if (uncovered.length > 0) add('category_not_covered', () => `${title()} does not cover ${catList(uncovered)}.`);
    perRelease.push({ release, problems });
  }

  const valid = perRelease.filter((p) => p.problems.length === 0).map((p) => p.release);
  if (valid.length > 0) {
    // Deterministic choice: the most recently signed, then the id.
    valid.sort((a, b) => (b.signedOn ?? '').localeCompare(a.signedOn ?? '') || a.id.localeCompare(b.id));
    return { allowed: true, basis: { kind: 'release', releaseId: (valid[0] as Release).id } };
  }
  // Closest releases first, so the first sentences are the useful ones.
  perRelease.sort((a, b) => a.problems.length - b.problems.length || (b.release.signedOn ?? '').localeCompare(a.release.signedOn ?? ''));
  return refuse(perRelease.flatMap((p) => p.problems.map((x) => ({ releaseId: p.release.id, code: x.code, message: x.message() }))));
}

/** An exception is judged on its own: if she chose one, that is what gets recorded. */
function checkException(req: DisclosureRequest): GateResult {
  const ex = req.exception;
  const def = ex ? LEGAL_EXCEPTIONS[ex.kind] : undefined;
  if (!ex || !def) return refuse([{ releaseId: null, code: 'exception_unknown', message: 'That legal exception is not one the app knows. Choose one from the list.' }]);
  const details: Refusal[] = [];
  const reason = ex.reason.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if ([...reason].length < MIN_EXCEPTION_REASON) {
    details.push({ releaseId: null, code: 'exception_reason', message: `Write why "${def.label}" applies (at least ${MIN_EXCEPTION_REASON} characters).` });
  }
  if (req.categories.length === 0) details.push({ releaseId: null, code: 'no_categories', message: 'Choose which records are being shared.' });
  const outside = req.categories.filter((c) => !def.covers.includes(c));
  if (outside.length > 0) {
    details.push({ releaseId: null, code: 'exception_scope', message: `"${def.label}" does not cover ${catList(outside)}. ${def.limit ?? ''}`.trim() });
  }
  if (details.length > 0) return refuse(details);
  return { allowed: true, basis: { kind: 'exception', exception: ex.kind, reason } };
}

/** "Release of 09/01/2026 to Dr. Lee" (signing date, else "Unsigned release of" the creation date). */
export function releaseTitle(release: Release): string {
  const first = release.recipients[0];
  const who = first ? (first.kind === 'party' ? first.name : first.description).trim() : '';
  const more = release.recipients.length > 1 ? ` and ${release.recipients.length - 1} more` : '';
  const when = release.signedOn ? `Release of ${shownDate(release.signedOn)}` : `Unsigned release of ${shownDate(release.createdOn)}`;
  return who ? `${when} to ${who}${more}` : when;
}

function startIso(release: Release): IsoDate {
  const signed = release.signedOn ?? '';
  return release.effectiveFrom !== null && release.effectiveFrom > signed ? release.effectiveFrom : signed;
}

function expiredText(release: Release, title: string): string {
  const e = release.expiry;
  if (e?.kind === 'event') return `${title} ended when "${e.event.trim()}" happened on ${shownDate(release.expiryEventOn)}. Renew it or choose another release.`;
  return `${title} expired at the end of ${shownDate(e?.on)}. Renew it or choose another release.`;
}

function recipientList(release: Release): string {
  const names = release.recipients.map((r) => (r.kind === 'party' ? r.name.trim() : `${r.description.trim()} (a class of parties)`));
  return names.length > 0 ? names.join('; ') : 'nobody';
}
