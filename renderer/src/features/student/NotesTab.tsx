/** Notes: write one (draft or signed), then every note, newest first. */
import { Chip, Group, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { Empty, Section } from './kit.tsx';
import { NoteCard } from './NoteCard.tsx';
import { NoteForm } from './NoteForm.tsx';
import { useRecord } from './record-context.ts';

type Filter = 'all' | 'drafts' | 'county' | 'pupil';

export function NotesTab() {
  const { record } = useRecord();
  const [filter, setFilter] = useState<Filter>('all');
  const notes = [...record.notes].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.localeCompare(a.createdAt));
  const shown = notes.filter((n) => (filter === 'all' ? true : filter === 'drafts' ? !n.signedAt : n.regime === filter));

  return (
    <Stack gap="xl" maw={900}>
      <Section title="Write a note">
        <Paper withBorder p="md">
          <NoteForm />
        </Paper>
      </Section>
      <Section
        title={`Notes (${notes.length})`}
        actions={
          notes.length > 0 ? (
            <Chip.Group value={filter} onChange={(v) => setFilter(v as Filter)}>
              <Group gap={6} role="group" aria-label="Show notes">
                <Chip value="all" size="xs">
                  All
                </Chip>
                <Chip value="drafts" size="xs">
                  Drafts
                </Chip>
                <Chip value="county" size="xs">
                  County record
                </Chip>
                <Chip value="pupil" size="xs">
                  Pupil record
                </Chip>
              </Group>
            </Chip.Group>
          ) : null
        }
      >
        {notes.length === 0 ? (
          <Empty>No notes yet — write the first one above.</Empty>
        ) : shown.length === 0 ? (
          <Empty>No notes match this filter. Choose “All” to see every note.</Empty>
        ) : (
          <Stack gap="sm">
            {shown.map((n) => (
              <NoteCard key={n.id} note={n} />
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
