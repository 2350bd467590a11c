/** The top of the record, always in view: who the student is, where, programs, plans, releases, and who must not be contacted. */
import { Anchor, Badge, Box, Button, Group, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { ageOn } from '../../../../electron/shared/domain/names.ts';
import { ConsentBadge, consentWords } from '../caseload/ConsentBadge.tsx';
import { ReferButton } from '../referrals/ReferButton.tsx';
import { LogServiceButton } from '../services/ServiceEntryModal.tsx';
import { EditDetailsModal } from './EditDetailsModal.tsx';
import { legalName, todayIso } from './format.ts';
import { MaskedId } from './MaskedId.tsx';
import { useRecord } from './record-context.ts';

const Dot = () => (
  <Text span c="dimmed" aria-hidden="true">
    ·
  </Text>
);

export function RecordHeader({ notice, onOpenConsents }: { notice: string | null; onOpenConsents(): void }) {
  const { record, go } = useRecord();
  const [editing, setEditing] = useState(false);
  const s = record.student;
  const age = s.dob ? ageOn(s.dob, todayIso()) : null;
  const where = [s.school, s.district].filter(Boolean).join(', ');
  const programs = record.enrollments.filter((e) => e.status !== 'closed');
  const flags = [s.iep && 'IEP', s.plan504 && '504 plan', s.fosterCare && 'Foster care', s.mckinneyVento && 'McKinney-Vento'].filter(
    (f): f is string => typeof f === 'string',
  );
  const warnings = record.contacts.flatMap((c) => {
    const who = `${c.firstName} ${c.lastName}`;
    return [...(c.noContact ? [`No contact: ${who}`] : []), ...(c.noAccess ? [`No access: ${who}`] : [])];
  });

  return (
    <Box pt={6} pb={8}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" align="baseline" wrap="nowrap" miw={0}>
          <Anchor component="button" type="button" fz="sm" style={{ whiteSpace: 'nowrap' }} onClick={() => go({ area: 'caseload' })}>
            ← Back to caseload
          </Anchor>
          <Title order={1} fz={22} lineClamp={1}>
            {legalName(s)}
          </Title>
          {s.preferredName ? (
            <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              goes by <b>{s.preferredName}</b>
            </Text>
          ) : null}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Text fz="sm" c="#1e6b30" fw={600} role="status" aria-live="polite">
            {notice ?? ''}
          </Text>
          <LogServiceButton studentId={s.id} />
          <ReferButton studentId={s.id} />
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            Edit details
          </Button>
        </Group>
      </Group>
      <Group gap={8} mt={4} wrap="wrap" fz="sm">
        <Text span fz="sm">
          {age === null ? 'Age unknown' : `Age ${age}`}
        </Text>
        <Dot />
        <Text span fz="sm">
          {s.grade ? `Grade ${s.grade}` : 'Grade not set'}
        </Text>
        <Dot />
        <Text span fz="sm">
          {where || 'No school set'}
        </Text>
        <Dot />
        <MaskedId label="Medicaid ID" value={s.medicaidId} />
        <Dot />
        <MaskedId label="MCI" value={s.mciId} />
      </Group>
      <Group gap={6} mt={6} wrap="wrap" aria-label="Programs, plans, releases and warnings" role="group">
        {warnings.map((w) => (
          <Badge key={w} color="red" variant="light" tt="none" fw={700} size="md">
            {w}
          </Badge>
        ))}
        {/* Whether anything can be shared today; one click opens the releases themselves. */}
        <UnstyledButton onClick={onOpenConsents} aria-label={`${consentWords(record.consent, 'long')}: open Consents`} style={{ borderRadius: 4, lineHeight: 0 }}>
          <ConsentBadge consent={record.consent} form="long" />
        </UnstyledButton>
        {s.status === 'inactive' ? (
          <Badge color="gray" variant="light" tt="none">
            Inactive
          </Badge>
        ) : null}
        {programs.map((e) => (
          <Badge key={e.id} variant="light" tt="none">
            {e.program} · {e.status}
          </Badge>
        ))}
        {flags.map((f) => (
          <Badge key={f} color="gray" variant="light" tt="none">
            {f}
          </Badge>
        ))}
      </Group>
      {editing ? <EditDetailsModal onClose={() => setEditing(false)} /> : null}
    </Box>
  );
}
