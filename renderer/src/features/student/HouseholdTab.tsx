/** Household: siblings (linked households), guardians and contacts, and families with cases in common. */
import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call, type ApiError } from '../../lib/api.ts';
import { useCall } from '../../lib/use-call.ts';
import { ContactsSection } from './ContactsSection.tsx';
import { Empty, ErrorAlert, Section, useAction } from './kit.tsx';
import { useDirtyReport, useRecord } from './record-context.ts';

export function HouseholdTab() {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" verticalSpacing="xl">
      <ContactsSection />
      <Stack gap="xl">
        <SiblingsSection />
        <SharedFamiliesSection />
      </Stack>
    </SimpleGrid>
  );
}

function SiblingsSection() {
  const { record, go } = useRecord();
  const [linking, setLinking] = useState(false);
  const action = useAction();
  return (
    <Section
      title="Siblings"
      actions={
        linking ? null : (
          <Button size="compact-sm" variant="light" onClick={() => setLinking(true)}>
            Link a sibling
          </Button>
        )
      }
    >
      {record.siblings.length === 0 ? (
        <Empty>No siblings linked — use “Link a sibling” when a brother or sister is also on your caseload.</Empty>
      ) : (
        <Stack gap={6}>
          {record.siblings.map((s) => (
            <Group key={s.id} justify="space-between" wrap="nowrap">
              <div>
                <Anchor component="button" type="button" fz="sm" fw={600} onClick={() => go({ area: 'caseload', studentId: s.id })}>
                  {s.name}
                </Anchor>
                <Text fz="xs" c="dimmed">
                  {[s.grade ? `Grade ${s.grade}` : null, s.school].filter(Boolean).join(' · ') || 'No grade or school set'}
                </Text>
              </div>
              <Button
                size="compact-xs"
                variant="default"
                aria-label={`Unlink ${s.name} from this household`}
                loading={action.busy === s.id}
                onClick={() =>
                  window.confirm(`Take ${s.name} out of this household? Both records stay; they are no longer shown as siblings.`) &&
                  void action.run(s.id, () => call('households:unlink', { studentId: s.id }), `${s.name} unlinked.`)
                }
              >
                Unlink
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <ErrorAlert error={action.error} title="The household was not changed" />
      {linking ? <LinkSiblingForm onDone={() => setLinking(false)} /> : null}
    </Section>
  );
}

function LinkSiblingForm({ onDone }: { onDone(): void }) {
  const { record, studentId, changed } = useRecord();
  const [caseload] = useCall('caseload:list', { status: null, schoolId: null, grade: null, program: null });
  const [siblingId, setSiblingId] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  useDirtyReport(siblingId !== null);
  const linked = new Set([studentId, ...record.siblings.map((s) => s.id)]);
  const options =
    caseload.state === 'ready'
      ? caseload.value.rows
          .filter((r) => !linked.has(r.id))
          .map((r) => ({ value: r.id, label: [r.name, r.grade ? `grade ${r.grade}` : null, r.school].filter(Boolean).join(' · ') }))
      : [];

  const cancel = () => (siblingId === null || window.confirm('Discard your unsaved changes?')) && onDone();
  async function link() {
    setFailure(null);
    if (!siblingId) return setFieldError('Choose the student to link as a sibling.');
    setSaving(true);
    const result = await call('households:linkSibling', { studentId, siblingId });
    setSaving(false);
    if (!result.ok) {
      if (result.error.field === 'siblingId') setFieldError(result.error.message);
      else setFailure(result.error);
      return;
    }
    onDone();
    await changed('Sibling linked.');
  }

  return (
    <Paper withBorder p="md" maw={560}>
      <form
        noValidate
        aria-label="Link a sibling"
        onSubmit={(e) => {
          e.preventDefault();
          void link();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && (e.target as HTMLElement).getAttribute('aria-expanded') !== 'true') cancel();
        }}
      >
        <Stack gap="sm">
          <Select
            label="Sibling"
            withAsterisk
            autoFocus
            searchable
            clearable
            placeholder={caseload.state === 'loading' ? 'Loading your caseload…' : 'Type a name'}
            description="Both students will share one household; their households merge if each had one."
            nothingFoundMessage="No other student by that name in your caseload."
            data={options}
            value={siblingId}
            onChange={(v) => {
              setSiblingId(v);
              setFieldError(null);
            }}
            error={fieldError ?? (caseload.state === 'failed' ? caseload.error.message : undefined)}
          />
          <ErrorAlert error={failure} title="The sibling was not linked" />
          <Group gap="sm">
            <Button type="submit" loading={saving}>
              Link sibling
            </Button>
            <Button variant="default" onClick={cancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function SharedFamiliesSection() {
  const { record, go } = useRecord();
  const shared = record.contacts.filter((c) => c.otherStudents.length > 0);
  return (
    <Section title="Families with cases in common">
      {shared.length === 0 ? (
        <Empty>None of this student’s guardians or contacts is listed for another student.</Empty>
      ) : (
        <Stack gap={6}>
          {shared.map((c) => (
            <Text key={c.contactId} fz="sm">
              <b>
                {c.firstName} {c.lastName}
              </b>{' '}
              ({c.relationship}) is also listed for{' '}
              {c.otherStudents.map((o, i) => (
                <span key={o.id}>
                  {i > 0 ? ', ' : ''}
                  <Anchor component="button" type="button" fz="sm" onClick={() => go({ area: 'caseload', studentId: o.id })}>
                    {o.name}
                  </Anchor>
                </span>
              ))}
              .
            </Text>
          ))}
        </Stack>
      )}
    </Section>
  );
}
