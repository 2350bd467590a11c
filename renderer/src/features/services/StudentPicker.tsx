/** Choosing the student (or, for a group session, the students) from the caseload by typing part of a name. */
import { MultiSelect, Select } from '@mantine/core';
import type { CaseloadRow } from '../../../../electron/shared/schemas/students.ts';

export function studentOption(r: CaseloadRow): { value: string; label: string } {
  const goesBy = r.preferredName && r.preferredName !== r.name.split(' ')[0] ? ` (${r.preferredName})` : '';
  const programs = r.programs.length ? ` · ${r.programs.join(', ')}` : '';
  return { value: r.id, label: `${r.name}${goesBy}${programs}${r.status === 'inactive' ? ' · inactive' : ''}` };
}

interface Common {
  rows: readonly CaseloadRow[];
  error?: string;
  loading: boolean;
  onBlur?(): void;
}

export function StudentSelect(props: Common & { value: string | null; onChange(id: string | null): void; autoFocus?: boolean }) {
  const data = props.rows.map(studentOption);
  return (
    <Select
      label="Student"
      withAsterisk
      searchable
      placeholder={props.loading ? 'Loading the caseload…' : 'Type part of a name'}
      nothingFoundMessage="No student by that name in the caseload"
      data={data}
      limit={40}
      value={props.value}
      onChange={(v) => props.onChange(v)}
      onBlur={props.onBlur}
      allowDeselect={false}
      error={props.error}
      autoFocus={props.autoFocus}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function StudentsSelect(props: Common & { value: string[]; onChange(ids: string[]): void }) {
  const data = props.rows.map(studentOption);
  return (
    <MultiSelect
      label="Students in the session"
      withAsterisk
      description="Two to fifteen students. The time is divided among them."
      searchable
      placeholder={props.value.length ? '' : props.loading ? 'Loading the caseload…' : 'Type part of a name'}
      nothingFoundMessage="No student by that name in the caseload"
      data={data}
      limit={40}
      maxValues={15}
      hidePickedOptions
      value={props.value}
      onChange={props.onChange}
      onBlur={props.onBlur}
      error={props.error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
