import { describe, expect, it } from 'vitest';
import {
  DELIVERIES,
  DELIVERY_LABELS,
  PAYMENT_LABELS,
  PAYMENTS,
  RATING_LABELS,
  RATINGS,
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
  VERDICT_LABELS,
  VERDICTS,
} from './types.ts';

describe('every value has its label, in the listed order', () => {
  it.each([
    ['payment', PAYMENTS, PAYMENT_LABELS],
    ['delivery', DELIVERIES, DELIVERY_LABELS],
    ['rating', RATINGS, RATING_LABELS],
    ['verdict', VERDICTS, VERDICT_LABELS],
    ['referral status', REFERRAL_STATUSES, REFERRAL_STATUS_LABELS],
  ] as const)('%s', (_name, values, labels) => {
    expect(Object.keys(labels)).toEqual([...values]);
    for (const label of Object.values(labels)) expect(label.trim()).not.toBe('');
  });

  it('reads the rating scale as DOMAIN.md words it', () => {
    expect(RATINGS.map((r) => RATING_LABELS[r])).toEqual(['Strongly disagree', 'Disagree', 'No evidence', 'Agree', 'Strongly agree']);
    expect(VERDICTS.map((v) => VERDICT_LABELS[v])).toEqual(['Does not meet', 'Meets', 'Exceeds']);
  });
});
