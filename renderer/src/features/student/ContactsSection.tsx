/** Guardians and other contacts: relationship, legal authority, how to reach them, and their limits. */
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { StudentRecord } from '../../../../electron/shared/schemas/record.ts';
import { call } from '../../lib/api.ts';
import { ContactForm } from './ContactForm.tsx';
import { AUTHORITY_LABEL } from './format.ts';
import { Empty, ErrorAlert, Section, useAction } from './kit.tsx';
import { useRecord } from './record-context.ts';

type Contact = StudentRecord['contacts'][number];

export function ContactsSection() {
  const { record } = useRecord();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <Section
      title="Guardians and contacts"
      actions={
        editing !== null ? null : (
          <Button size="compact-sm" variant="light" onClick={() => setEditing('new')}>
            Add contact
          </Button>
        )
      }
    >
      {editing === 'new' ? <ContactForm onDone={() => setEditing(null)} /> : null}
      {record.contacts.length === 0 ? (
        editing === 'new' ? null : <Empty>No guardians or contacts yet — add a parent or guardian with their legal authority.</Empty>
      ) : (
        <Stack gap="sm">
          {record.contacts.map((c) =>
            editing === c.contactId ? (
              <ContactForm key={c.contactId} contact={c} onDone={() => setEditing(null)} />
            ) : (
              <ContactCard key={c.contactId} contact={c} canEdit={editing === null} onEdit={() => setEditing(c.contactId)} />
            ),
          )}
        </Stack>
      )}
    </Section>
  );
}

function ContactCard({ contact: c, canEdit, onEdit }: { contact: Contact; canEdit: boolean; onEdit(): void }) {
  const { studentId } = useRecord();
  const action = useAction();
  const name = `${c.firstName} ${c.lastName}`;
  const reach = [c.phone, c.email, c.preferredLanguage ? `Speaks ${c.preferredLanguage}` : null].filter(Boolean).join(' · ');
  return (
    <Paper withBorder p="sm" component="article" aria-label={name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={700} fz="sm">
              {name}
            </Text>
            <Text fz="sm">{c.relationship}</Text>
            <Text fz="sm" c="dimmed">
              · {AUTHORITY_LABEL[c.legalAuthority]}
            </Text>
          </Group>
          <Text fz="sm">{reach || <Text span fz="sm" c="dimmed">No phone or email recorded</Text>}</Text>
          {c.noContact || c.noAccess || c.courtOrderOnFile ? (
            <Group gap={6} mt={2}>
              {c.noContact ? (
                <Badge color="red" variant="light" tt="none" fw={700}>
                  No contact
                </Badge>
              ) : null}
              {c.noAccess ? (
                <Badge color="red" variant="light" tt="none" fw={700}>
                  No access
                </Badge>
              ) : null}
              {c.courtOrderOnFile ? (
                <Badge color="gray" variant="light" tt="none">
                  Court order on file
                </Badge>
              ) : null}
            </Group>
          ) : null}
          {c.note ? (
            <Text fz="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {c.note}
            </Text>
          ) : null}
        </Stack>
        <Group gap={6} wrap="nowrap">
          <Button size="compact-xs" variant="default" onClick={onEdit} disabled={!canEdit} aria-label={`Edit ${name}`}>
            Edit
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            aria-label={`Remove ${name}`}
            loading={action.busy === c.contactId}
            onClick={() =>
              window.confirm(`Remove ${name} from this student’s contacts? Other students they are linked to keep them.`) &&
              void action.run(c.contactId, () => call('contacts:remove', { studentId, contactId: c.contactId }), `${name} removed.`)
            }
          >
            Remove
          </Button>
        </Group>
      </Group>
      {action.error ? (
        <Stack mt="xs">
          <ErrorAlert error={action.error} title="The contact was not removed" />
        </Stack>
      ) : null}
    </Paper>
  );
}
