/** A student's prior authorizations: what the county authorized, what the signed entries have used, what is left. */
import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useCall } from '../../lib/use-call.ts';
import { LoadState } from '../../ui/Failure.tsx';
import { showDate, todayIso } from '../student/format.ts';
import { Empty, Section } from '../student/kit.tsx';
import { AuthorizationForm } from './AuthorizationForm.tsx';
import { useServicesChanged } from './events.ts';
import { Notice } from './kit.tsx';
import type { Authorization } from './use-student-facts.ts';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; authorization: Authorization };

/** Words for where an authorization stands, never colour alone. */
function Standing({ a }: { a: Authorization }) {
  const today = todayIso();
  const badges: { label: string; color: string }[] = [];
  if (a.endOn < today) badges.push({ label: 'Ended', color: 'gray' });
  else if (a.startOn > today) badges.push({ label: 'Not started', color: 'gray' });
  if (a.unitsRemaining <= 0) badges.push({ label: 'Used up', color: 'red' });
  else if (a.warning) badges.push({ label: 'Running low', color: 'yellow' });
  return (
    <Group gap={6} wrap="wrap">
      <Text fz="sm" fw={600}>
        {a.remainingText}
      </Text>
      {badges.map((b) => (
        <Badge key={b.label} size="sm" variant="light" color={b.color} tt="none">
          {b.label}
        </Badge>
      ))}
    </Group>
  );
}

export function AuthorizationsSection({ studentId, defaultProgram }: { studentId: string; defaultProgram: 'CLTS' | 'CCS' }) {
  const [loaded, reload] = useCall('authorizations:list', { studentId });
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  useServicesChanged(() => void reload());
  const list = loaded.state === 'ready' ? loaded.value.authorizations : [];
  const done = (message: string | null) => {
    setEditing({ kind: 'none' });
    if (message) setNotice(message);
  };

  return (
    <Section
      title="Prior authorizations"
      actions={
        editing.kind === 'none' ? (
          <Button size="compact-sm" variant="light" onClick={() => (setNotice(null), setEditing({ kind: 'new' }))}>
            Add authorization
          </Button>
        ) : null
      }
    >
      <Notice text={notice} />
      {editing.kind === 'new' ? <AuthorizationForm studentId={studentId} defaultProgram={defaultProgram} onDone={done} /> : null}
      {loaded.state !== 'ready' ? (
        <LoadState loaded={loaded} what="prior authorizations" />
      ) : list.length === 0 ? (
        editing.kind === 'new' ? null : <Empty>No prior authorizations on file. CLTS time is billed only under one: add it when the county sends it.</Empty>
      ) : (
        <Stack gap="sm">
          <Table verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Program</Table.Th>
                <Table.Th>Code</Table.Th>
                <Table.Th>Dates</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Used</Table.Th>
                <Table.Th>Remaining</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td fw={600}>{a.number}</Table.Td>
                  <Table.Td>{a.program}</Table.Td>
                  <Table.Td>{[a.procedureCode, ...a.modifiers].join(' ')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {showDate(a.startOn)}–{showDate(a.endOn)}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                    {a.unitsUsed} of {a.unitsAuthorized}
                  </Table.Td>
                  <Table.Td>
                    <Standing a={a} />
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Button size="compact-xs" variant="default" aria-label={`Edit authorization ${a.number}`} onClick={() => (setNotice(null), setEditing({ kind: 'edit', authorization: a }))}>
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {editing.kind === 'edit' ? <AuthorizationForm key={editing.authorization.id} studentId={studentId} existing={editing.authorization} defaultProgram={defaultProgram} onDone={done} /> : null}
        </Stack>
      )}
    </Section>
  );
}
