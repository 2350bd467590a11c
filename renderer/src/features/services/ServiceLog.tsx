/**
 * The service log: a month's entries (all students, or one), and from there
 * the entry form (a new entry or a draft to finish) or a signed entry to read
 * and correct. Used by the Service log area and the student's Services tab.
 */
import { ActionIcon, Group, Input, Paper, Select, Stack, Text } from '@mantine/core';
import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { useCall } from '../../lib/use-call.ts';
import { LoadState } from '../../ui/Failure.tsx';
import { byNewest, EntriesTable, type Entry } from './EntriesTable.tsx';
import { EntryDetail } from './EntryDetail.tsx';
import { useServicesChanged } from './events.ts';
import { currentMonth, monthWords, plural, shiftMonth } from './labels.ts';
import { ServiceEntryForm } from './ServiceEntryForm.tsx';
import { studentOption } from './StudentPicker.tsx';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'draft'; entry: Entry } | { kind: 'detail'; id: string };

const ALL = 'all';

interface Props {
  /** One student's log (the Services tab); otherwise every student's, with a filter. */
  studentId?: string;
  /** The "Log a service" button, placed by the host (in the page title, or above the tab's list). */
  renderLogButton?(open: () => void): ReactNode;
  onDirtyChange?(dirty: boolean): void;
  /** The tab starts on every month (a student's log is short); the area on this month. */
  startAllMonths?: boolean;
}

function monthOptions(chosen: string | null, withAll: boolean): { value: string; label: string }[] {
  const now = currentMonth();
  const months = Array.from({ length: 24 }, (_, i) => shiftMonth(now, -i));
  if (chosen && chosen !== ALL && !months.includes(chosen)) months.push(chosen);
  months.sort().reverse();
  return [...(withAll ? [{ value: ALL, label: 'All months' }] : []), ...months.map((m) => ({ value: m, label: monthWords(m) }))];
}

function Summary({ entries }: { entries: readonly Entry[] }) {
  const drafts = entries.filter((e) => !e.signedAt).length;
  const billable = entries.filter((e) => e.signedAt && e.assessment.billable);
  const units = billable.reduce((sum, e) => sum + e.assessment.units, 0);
  const notBillable = entries.filter((e) => e.signedAt && !e.assessment.billable).length;
  return (
    <Text fz="sm">
      {plural(entries.length, 'entry', 'entries')} · {plural(drafts, 'draft')} to sign · {plural(units, 'billable unit')} signed
      {notBillable ? ` · ${notBillable} signed ${notBillable === 1 ? 'entry is' : 'entries are'} not billable` : ''}
    </Text>
  );
}

export function ServiceLog({ studentId, renderLogButton, onDirtyChange, startAllMonths }: Props) {
  const [month, setMonth] = useState<string>(startAllMonths ? ALL : currentMonth());
  const [filterStudent, setFilterStudent] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [notice, setNotice] = useState<string | null>(null);
  const who = studentId ?? filterStudent;
  const monthId = useId();
  const [loaded, reload] = useCall('services:list', { studentId: who, month: month === ALL ? null : month });
  const [caseload] = useCall('caseload:list', { status: null, schoolId: null, grade: null, program: null });
  useServicesChanged(() => void reload());

  const entries = useMemo(() => (loaded.state === 'ready' ? [...loaded.value.entries].sort(byNewest) : []), [loaded]);
  const open = useCallback((e: Entry) => (setNotice(null), setView(e.signedAt ? { kind: 'detail', id: e.id } : { kind: 'draft', entry: e })), []);
  const toList = useCallback(() => {
    onDirtyChange?.(false);
    setNotice(null);
    setView({ kind: 'list' });
  }, [onDirtyChange]);
  const logButton = renderLogButton?.(() => {
    setNotice(null);
    setView({ kind: 'new' });
  });

  if (view.kind === 'new' || view.kind === 'draft') {
    return (
      <Paper withBorder p="md">
        <ServiceEntryForm key={view.kind === 'draft' ? view.entry.id : 'new'} studentId={studentId ?? filterStudent} draft={view.kind === 'draft' ? { id: view.entry.id, fields: view.entry.fields } : undefined} onClose={toList} onDirtyChange={onDirtyChange} />
      </Paper>
    );
  }
  if (view.kind === 'detail') {
    const entry = entries.find((e) => e.id === view.id);
    if (entry) return <EntryDetail entry={entry} notice={notice} onBack={toList} onChanged={(message) => setNotice(message)} />;
    if (loaded.state !== 'ready') return <LoadState loaded={loaded} what="service entry" />;
  }

  const students = caseload.state === 'ready' ? caseload.value.rows.map(studentOption) : [];
  // From "All months" the arrows step into this month first.
  const step = (n: number) => setMonth((m) => (m === ALL ? currentMonth() : shiftMonth(m, n)));
  const filtered = month !== ALL || who !== null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Stack gap={1}>
            <Input.Label htmlFor={monthId}>Month</Input.Label>
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="default" size={36} aria-label="Previous month" onClick={() => step(-1)}>
                ‹
              </ActionIcon>
              <Select id={monthId} data={monthOptions(month, Boolean(startAllMonths))} value={month} onChange={(v) => v && setMonth(v)} allowDeselect={false} w={180} />
              <ActionIcon variant="default" size={36} aria-label="Next month" onClick={() => step(1)} disabled={month === ALL || month >= currentMonth()}>
                ›
              </ActionIcon>
            </Group>
          </Stack>
          {studentId ? null : (
            <Select label="Student" placeholder="Every student" searchable clearable limit={40} data={students} value={filterStudent} onChange={setFilterStudent} w={280} nothingFoundMessage="No student by that name" />
          )}
        </Group>
        {logButton}
      </Group>
      {loaded.state !== 'ready' ? (
        <LoadState loaded={loaded} what="service log" />
      ) : entries.length === 0 ? (
        <Paper withBorder p="lg">
          <Stack gap="xs" align="flex-start">
            <Text fw={600}>{filtered ? `No services logged${month === ALL ? '' : ` in ${monthWords(month)}`}${who && !studentId ? ' for this student' : ''}.` : 'No services logged yet.'}</Text>
            <Text fz="sm" c="dimmed">
              Use “Log a service”, or press Ctrl+N anywhere in Liaison. Each entry is the case note and the billing record at once.
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="xs">
          <Summary entries={entries} />
          <EntriesTable entries={entries} showStudent={!studentId} onOpen={open} />
        </Stack>
      )}
    </Stack>
  );
}
