/** A signed correction's changes in words: "Place of service: 12 · Home → 03 · School". */
import { ACTIVITY_LABELS, CONTACT_MODE_LABELS, type Activity, type ContactMode, type FundingStream } from '../../../../electron/shared/domain/billing/types.ts';
import { serviceTime } from '../../../../electron/shared/schemas/services.ts';
import { CONTACT_TYPE_LABELS, cap, placeLabel, plural, showDate, streamLabel, timeWords } from './labels.ts';

/** The parts of an entry a correction may change, in the order the form offers them. */
export const CORRECTABLE = [
  { key: 'date', label: 'Date' },
  { key: 'time', label: 'Time or minutes' },
  { key: 'activity', label: 'Activity' },
  { key: 'contactMode', label: 'Contact mode' },
  { key: 'contactType', label: 'Contact type' },
  { key: 'placeOfService', label: 'Place of service' },
  { key: 'program', label: 'Program' },
  { key: 'fundingStream', label: 'Funding stream' },
  { key: 'authorizationId', label: 'Prior authorization' },
  { key: 'travelMinutes', label: 'Travel minutes' },
  { key: 'documentationMinutes', label: 'Documentation minutes' },
] as const;

export type Correctable = (typeof CORRECTABLE)[number]['key'];

const LABELS = Object.fromEntries(CORRECTABLE.map((c) => [c.key, c.label])) as Record<string, string>;

function valueWords(key: string, value: unknown, authorizationNumber: (id: string) => string | null): string {
  if (value === null || value === undefined) return key === 'authorizationId' ? 'none (the rules choose)' : 'none';
  switch (key) {
    case 'date':
      return showDate(String(value));
    case 'time': {
      const t = serviceTime.safeParse(value);
      return t.success ? timeWords(t.data) : 'changed';
    }
    case 'activity':
      return cap(ACTIVITY_LABELS[value as Activity] ?? String(value));
    case 'contactMode':
      return cap(CONTACT_MODE_LABELS[value as ContactMode] ?? String(value));
    case 'contactType':
      return CONTACT_TYPE_LABELS[value as keyof typeof CONTACT_TYPE_LABELS] ?? String(value);
    case 'placeOfService':
      return placeLabel(String(value));
    case 'fundingStream':
      return streamLabel(value as FundingStream);
    case 'travelMinutes':
    case 'documentationMinutes':
      return plural(Number(value), 'minute');
    case 'authorizationId':
      return authorizationNumber(String(value)) ?? 'another authorization';
    default:
      return String(value);
  }
}

/** One line per changed field: "Place of service: 12 · Home → 03 · School" (the value before, when it is known). */
export function describeChanges(changes: Record<string, unknown>, authorizationNumber: (id: string) => string | null = () => null, previous: Record<string, unknown> = {}): string[] {
  return Object.entries(changes).map(([key, value]) => {
    const before = key in previous ? `${valueWords(key, previous[key], authorizationNumber)} → ` : '';
    return `${LABELS[key] ?? cap(key)}: ${before}${valueWords(key, value, authorizationNumber)}`;
  });
}
