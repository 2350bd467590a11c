/** Beside the entry form: units, code, billable or not and why, per day; overlaps; a time that cannot be right. */
import { Alert, Divider, Group, List, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ApiError } from '../../lib/api.ts';
import { AMBER_INK, AssessmentView } from './Assessment.tsx';
import { plural } from './labels.ts';
import type { PreviewAnswer } from './use-entry-preview.ts';

interface Props {
  needed: string[];
  /** A time problem found before the entry is complete enough to ask the rules. */
  timeProblem: string | null;
  answer: PreviewAnswer | null;
  error: ApiError | null;
  pending: boolean;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** One line for screen readers, announced as the answer changes: "2 units, billable." */
function headline(answer: PreviewAnswer): string {
  if (answer.kind === 'group-problem') return answer.message;
  if (answer.kind === 'group') {
    const billable = answer.students.filter((s) => s.preview.parts.every((p) => p.billable)).length;
    return `${billable} of ${answer.students.length} students billable.`;
  }
  const p = answer.preview;
  if (p.timeProblem) return p.timeProblem;
  return p.parts.map((part) => `${plural(part.units, 'unit')}, ${part.billable ? 'billable' : 'not billable'}.`).join(' ');
}

function Overlaps({ overlaps }: { overlaps: string[] }) {
  if (overlaps.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fz="sm" fw={700} c={AMBER_INK}>
        Overlapping time
      </Text>
      <List size="sm" spacing={4}>
        {overlaps.map((o) => (
          <List.Item key={o}>{o}</List.Item>
        ))}
      </List>
      <Text fz="xs" c="dimmed">
        Minutes already claimed cannot be signed again; a draft can wait while you check.
      </Text>
    </Stack>
  );
}

function Answer({ answer }: { answer: PreviewAnswer }) {
  if (answer.kind === 'group-problem') {
    return (
      <Alert color="red" title="Check the time">
        {answer.message}
      </Alert>
    );
  }
  if (answer.kind === 'group') {
    return (
      <Stack gap="sm">
        <Text fz="sm">
          Group session: the {plural(answer.total, 'minute')} are divided among the {answer.students.length} students, <b>{plural(answer.share, 'minute')} each</b>. Each
          student’s entry carries only its share, so the session is never billed once per child.
        </Text>
        {answer.students.map((s) => (
          <Stack key={s.id} gap={4}>
            <Divider />
            <Text fz="sm" fw={700}>
              {s.name}
            </Text>
            {s.preview.parts.map((part) => (
              <AssessmentView key={part.date} part={part} />
            ))}
            <Overlaps overlaps={s.preview.overlaps} />
          </Stack>
        ))}
      </Stack>
    );
  }
  const p = answer.preview;
  if (p.timeProblem) {
    return (
      <Alert color="red" title="Check the time">
        {p.timeProblem}
      </Alert>
    );
  }
  const split = p.parts.length > 1;
  return (
    <Stack gap="sm">
      {split ? (
        <Text fz="sm">
          This service ran past midnight. It is saved as <b>{p.parts.length} entries, one for each day</b>, and each is billed on its own date.
        </Text>
      ) : null}
      {p.parts.map((part, i) => (
        <Stack key={part.date} gap={4}>
          {i > 0 ? <Divider /> : null}
          <AssessmentView part={part} withDate={split} />
        </Stack>
      ))}
      <Overlaps overlaps={p.overlaps} />
    </Stack>
  );
}

export function PreviewPanel({ needed, timeProblem, answer, error, pending }: Props) {
  const ready = needed.length === 0;
  return (
    <Paper withBorder p="md" component="section" aria-label="Units and billing" style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 56px) + 12px)' }}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} fz="sm">
            Units and billing
          </Title>
          <Text fz="xs" c="dimmed">
            {ready && pending ? 'Checking…' : ''}
          </Text>
        </Group>
        <VisuallyHidden role="status" aria-live="polite">
          {ready && answer && !pending ? headline(answer) : ''}
        </VisuallyHidden>
        {!ready && timeProblem ? (
          <Alert color="red" title="Check the time">
            {timeProblem}
          </Alert>
        ) : null}
        {!ready ? (
          <Text fz="sm" c="dimmed">
            To see the units and whether it is billable, fill in {joinWords(needed)}.
          </Text>
        ) : error ? (
          <Alert color="red" title="The rules could not be checked" role="alert">
            {error.message}
          </Alert>
        ) : answer ? (
          <Answer answer={answer} />
        ) : (
          <Text fz="sm" c="dimmed">
            Checking…
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
