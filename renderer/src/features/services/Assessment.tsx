/** What the billing rules say about one day's entry: units, code, billable or not, and every reason in words. */
import { Group, List, Stack, Text } from '@mantine/core';
import type { Preview } from './use-entry-preview.ts';
import { plural, showDate } from './labels.ts';

export type Part = Preview['parts'][number];
type Reason = Part['reasons'][number];

/** Amber that still reads at AA contrast on white (Mantine's yellow and orange do not). */
export const AMBER_INK = '#7a4b00';

const LEAD: Record<Reason['severity'], { word: string; color?: string }> = {
  blocks: { word: 'Stops billing:', color: 'red.9' },
  warning: { word: 'Warning:', color: AMBER_INK },
  info: { word: 'Note:' },
};

export function ReasonLine({ reason }: { reason: Reason }) {
  const lead = LEAD[reason.severity];
  return (
    <List.Item>
      <Text span fz="sm" fw={700} c={lead.color}>
        {lead.word}
      </Text>{' '}
      <Text span fz="sm">
        {reason.message}
      </Text>
    </List.Item>
  );
}

/** "Billable" or "Not billable", in words and colour both. */
export function BillableWord({ billable }: { billable: boolean }) {
  return (
    <Text span fw={700} c={billable ? '#1e6b30' : 'red.9'}>
      {billable ? 'Billable' : 'Not billable'}
    </Text>
  );
}

export function codeWords(part: Pick<Part, 'procedureCode' | 'modifiers'>): string {
  if (!part.procedureCode) return 'No procedure code';
  return part.modifiers.length ? `${part.procedureCode} with modifier${part.modifiers.length > 1 ? 's' : ''} ${part.modifiers.join(' ')}` : `${part.procedureCode}, no modifiers`;
}

/** The first sentence that stops billing, for a one-line summary; null when it bills. */
export function firstBlock(part: Pick<Part, 'reasons' | 'billable'>): string | null {
  if (part.billable) return null;
  return part.reasons.find((r) => r.severity === 'blocks')?.message ?? 'Not billable.';
}

export function AssessmentView({ part, withDate, compact }: { part: Part; withDate?: boolean; compact?: boolean }) {
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap" align="baseline">
        {withDate ? (
          <Text fz="sm" fw={700}>
            {showDate(part.date)}:
          </Text>
        ) : null}
        <BillableWord billable={part.billable} />
        <Text span fz="sm">
          · {plural(part.units, 'unit')} · {codeWords(part)}
        </Text>
      </Group>
      <Text fz="xs" c="dimmed">
        {plural(part.minutes, 'minute')} counted toward units
      </Text>
      {part.reasons.length && !compact ? (
        <List size="sm" spacing={4} aria-label={`Reasons${withDate ? ` for ${showDate(part.date)}` : ''}`}>
          {part.reasons.map((r, i) => (
            <ReasonLine key={`${r.code}-${i}`} reason={r} />
          ))}
        </List>
      ) : null}
      {compact && !part.billable ? (
        <Text fz="sm">
          <Text span fz="sm" fw={700} c="red.9">
            Stops billing:
          </Text>{' '}
          {firstBlock(part)}
        </Text>
      ) : null}
    </Stack>
  );
}
