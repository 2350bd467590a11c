/** A signed entry, read only: what was logged, how it bills, its signed corrections, and adding one. */
import { Anchor, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ACTIVITY_LABELS, CONTACT_MODE_LABELS } from '../../../../electron/shared/domain/billing/types.ts';
import { call } from '../../lib/api.ts';
import { showStamp } from '../student/format.ts';
import { AssessmentView } from './Assessment.tsx';
import { CorrectionForm } from './CorrectionForm.tsx';
import { describeChanges } from './corrections.ts';
import type { Entry } from './EntriesTable.tsx';
import { CONTACT_TYPE_LABELS, cap, placeLabel, plural, showDate, statusWords, streamLabel, timeWords } from './labels.ts';
import { useFocusOnMount } from '../student/consents/use-focus-on-mount.ts';
import { Notice } from './kit.tsx';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Text fz="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Box>
  );
}

/** The goal's words and the authorization's number, which the entry holds only as ids. */
function useNames(entry: Entry): { goal: string | null; authorization: (id: string) => string | null } {
  const [names, setNames] = useState<{ goals: Map<string, string>; pas: Map<string, string> }>({ goals: new Map(), pas: new Map() });
  useEffect(() => {
    let live = true;
    void Promise.all([call('students:get', { id: entry.studentId }), call('authorizations:list', { studentId: entry.studentId })]).then(([record, pas]) => {
      if (!live) return;
      setNames({
        goals: new Map(record.ok ? record.value.goals.map((g) => [g.id, g.goal]) : []),
        pas: new Map(pas.ok ? pas.value.authorizations.map((a) => [a.id, `${a.number} (${[a.procedureCode, ...a.modifiers].join(' ')})`]) : []),
      });
    });
    return () => {
      live = false;
    };
  }, [entry.studentId]);
  return { goal: entry.fields.goalId ? (names.goals.get(entry.fields.goalId) ?? null) : null, authorization: (id) => names.pas.get(id) ?? null };
}

export function EntryDetail({ entry, notice, onBack, onChanged }: { entry: Entry; notice: string | null; onBack(): void; onChanged(message: string): void }) {
  const [correcting, setCorrecting] = useState(false);
  const names = useNames(entry);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const f = entry.fields;
  const when = showDate(f.date);

  return (
    <Stack gap="md" maw={1000} onKeyDown={(e) => e.key === 'Escape' && !correcting && (e.preventDefault(), onBack())}>
      <Anchor component="button" type="button" fz="sm" onClick={onBack} style={{ alignSelf: 'flex-start' }}>
        ← Back to the service log
      </Anchor>
      <Paper withBorder p="md" component="article" aria-label={`Service entry of ${when} for ${entry.studentName}`}>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <Stack gap={2}>
              <Title order={2} fz="lg" ref={heading} tabIndex={-1}>
                {entry.studentName} · {when}
              </Title>
              <Text fz="sm" c="dimmed">
                {entry.signedAt ? `Signed by ${entry.signedBy} on ${showStamp(entry.signedAt)}` : 'Draft'}
                {entry.groupId ? ' · part of a group session' : ''}
              </Text>
            </Stack>
            <Badge variant="light" color={entry.batch ? 'gray' : 'blue'} tt="none" size="lg">
              {statusWords(entry)}
            </Badge>
          </Group>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="sm">
            <Fact label="Time">{timeWords(f.time)}</Fact>
            <Fact label="Activity">{cap(ACTIVITY_LABELS[f.activity])}</Fact>
            <Fact label="Contact">
              {cap(CONTACT_MODE_LABELS[f.contactMode])} · {CONTACT_TYPE_LABELS[f.contactType]}
            </Fact>
            <Fact label="Place of service">{placeLabel(f.placeOfService)}</Fact>
            <Fact label="Program">{f.program}</Fact>
            <Fact label="Funding stream">{streamLabel(f.fundingStream)}</Fact>
            <Fact label="Prior authorization">{f.authorizationId ? (names.authorization(f.authorizationId) ?? '…') : 'None linked'}</Fact>
            <Fact label="Plan goal">{f.goalId ? (names.goal ?? '…') : 'None'}</Fact>
            <Fact label="Persons present">{f.personsPresent ?? '—'}</Fact>
            <Fact label="Travel (kept separately)">{plural(f.travelMinutes, 'minute')}</Fact>
            <Fact label="Documentation (kept separately)">{plural(f.documentationMinutes, 'minute')}</Fact>
          </SimpleGrid>
          <Fact label="Narrative">
            <Text span fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {f.narrative || '—'}
            </Text>
          </Fact>
          {f.followUp ? <Fact label="Follow-up">{f.followUp}</Fact> : null}
          <Box>
            <Text fz="xs" c="dimmed" fw={600} mb={4}>
              Billing{entry.corrections.length ? ' (as corrected)' : ''}
            </Text>
            <AssessmentView part={entry.assessment} />
          </Box>
        </Stack>
      </Paper>

      <Stack gap="xs" component="section" aria-label="Corrections">
        <Group justify="space-between">
          <Title order={3} fz="md">
            Corrections ({entry.corrections.length})
          </Title>
          {entry.signedAt && !correcting ? (
            <Button size="compact-sm" variant="light" onClick={() => setCorrecting(true)}>
              Add a correction
            </Button>
          ) : null}
        </Group>
        <Notice text={notice} />
        {entry.corrections.length === 0 && !correcting ? (
          <Text fz="sm" c="dimmed">
            No corrections. A signed entry is never edited: if something is wrong, add a correction with the reason.
          </Text>
        ) : null}
        {entry.corrections.map((c) => (
          <Box key={c.id} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
            <Text fz="xs" fw={600}>
              Correction · signed by {c.signedBy} on {showStamp(c.signedAt)}
            </Text>
            {describeChanges(c.changes, names.authorization, c.previous).map((line) => (
              <Text key={line} fz="sm">
                {line}
              </Text>
            ))}
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              <b>Reason:</b> {c.reason}
            </Text>
          </Box>
        ))}
        {correcting ? (
          <CorrectionForm
            entry={entry}
            onDone={(message) => {
              setCorrecting(false);
              if (message) onChanged(message);
            }}
          />
        ) : null}
      </Stack>
    </Stack>
  );
}
