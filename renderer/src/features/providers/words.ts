/** How the provider screens say a provider's facts in her words. */
import type { ChannelOutput } from '../../../../electron/shared/contract.ts';
import { DELIVERY_LABELS, PAYMENT_LABELS, VERDICT_LABELS, type Verdict } from '../../../../electron/shared/domain/providers/types.ts';

export type ProviderView = ChannelOutput<'providers:list'>['providers'][number];
export type History = ProviderView['history'];
export type EvaluationView = ChannelOutput<'evaluations:list'>['evaluations'][number];
export type Template = ChannelOutput<'checklist:template'>;

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** "4 referrals sent; 3 accepted (75%); answers in 6 days (median)". */
export function historyWords(h: History): string {
  if (h.sent === 0) return 'No referrals sent yet.';
  const parts = [`${plural(h.sent, 'referral')} sent`, `${h.accepted} accepted${h.acceptanceRate === null ? '' : ` (${Math.round(h.acceptanceRate * 100)}%)`}`];
  if (h.waitlisted) parts.push(`${h.waitlisted} waitlisted`);
  if (h.declined) parts.push(`${h.declined} declined`);
  if (h.awaitingAnswer) parts.push(`${h.awaitingAnswer} awaiting an answer`);
  if (h.medianDaysToAnswer !== null) parts.push(`answers in ${plural(Math.round(h.medianDaysToAnswer), 'day')} (median)`);
  return parts.join('; ');
}

export const agesWords = (ages: ProviderView['fields']['ages']): string => (ages ? `${ages.min}–${ages.max}` : 'Any age');

export const paymentWords = (p: ProviderView['fields']['payment']): string => p.map((x) => PAYMENT_LABELS[x]).join(', ') || '—';

export const deliveryWords = (d: ProviderView['fields']['delivery']): string => d.map((x) => DELIVERY_LABELS[x]).join(', ') || '—';

export function acceptingWords(f: ProviderView['fields']): string {
  if (!f.acceptingReferrals) return 'Not accepting';
  if (f.waitlistWeeks === null) return 'Accepting · wait unknown';
  return f.waitlistWeeks === 0 ? 'Accepting · no wait' : `Accepting · ${plural(f.waitlistWeeks, 'week')} wait`;
}

export const verdictWords = (v: Verdict | null): string => (v ? VERDICT_LABELS[v] : 'Not evaluated');

/** "Services" and "Languages" are typed as a comma-separated line and stored as a list. */
export const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
