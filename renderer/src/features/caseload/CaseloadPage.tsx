/** The caseload: every student as a fast, sortable, filterable list. */
import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { CaseloadRow } from '../../../../electron/shared/schemas/students.ts';
import { useNavigate } from '../../lib/navigation.ts';
import { useCall } from '../../lib/use-call.ts';
import { LoadState } from '../../ui/Failure.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { AddStudent } from './AddStudent.tsx';
import { CaseloadTable, type SortKey } from './CaseloadTable.tsx';
import { CONSENT_RANK, consentFilterOf, type ConsentFilter } from './ConsentBadge.tsx';
import { RosterImport } from './RosterImport.tsx';

type StatusFilter = 'active' | 'inactive' | 'all';

const GRADE_ORDER = ['EC', '4K', 'PK', 'K', 'KG', ...Array.from({ length: 12 }, (_, i) => String(i + 1)), '12+'];

function gradeRank(grade: string | null): number {
  if (grade === null) return 999;
  const i = GRADE_ORDER.indexOf(grade.toUpperCase().replace(/^0+/, ''));
  return i === -1 ? 500 : i;
}

function compare(a: CaseloadRow, b: CaseloadRow, key: SortKey): number {
  switch (key) {
    case 'name':
      return a.sortKey.localeCompare(b.sortKey);
    case 'grade':
      return gradeRank(a.grade) - gradeRank(b.grade) || a.sortKey.localeCompare(b.sortKey);
    case 'school':
      return (a.school ?? '\uffff').localeCompare(b.school ?? '\uffff') || a.sortKey.localeCompare(b.sortKey);
    case 'programs':
      return a.programs.join(',').localeCompare(b.programs.join(',')) || a.sortKey.localeCompare(b.sortKey);
    case 'consent':
      // What needs her first (no release, revoked, ...), a clean release last; the soonest end first within a level.
      return (
        CONSENT_RANK[a.consent.level] - CONSENT_RANK[b.consent.level] ||
        (a.consent.nextEndDate ?? '9999').localeCompare(b.consent.nextEndDate ?? '9999') ||
        a.sortKey.localeCompare(b.sortKey)
      );
    case 'nextDue':
      return (a.nextDue?.dueOn ?? '9999').localeCompare(b.nextDue?.dueOn ?? '9999') || a.sortKey.localeCompare(b.sortKey);
  }
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLocaleLowerCase('en-US');
}

export function CaseloadPage() {
  const navigate = useNavigate();
  const [status, setStatus] = useState<StatusFilter>('active');
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [grade, setGrade] = useState<string | null>(null);
  const [program, setProgram] = useState<string | null>(null);
  const [release, setRelease] = useState<ConsentFilter | null>(null);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const [mode, setMode] = useState<'list' | 'add' | 'import'>('list');
  const [loaded, reload] = useCall('caseload:list', { status: status === 'all' ? null : status, schoolId, grade, program });

  const rows = useMemo(() => {
    if (loaded.state !== 'ready') return [];
    const needle = fold(text.trim());
    // Like the name, the release filter works on the rows already loaded: every row carries its release level.
    const keep = (r: CaseloadRow) => (!needle || fold(`${r.name} ${r.preferredName ?? ''}`).includes(needle)) && (!release || consentFilterOf(r.consent.level) === release);
    const matching = needle || release ? loaded.value.rows.filter(keep) : loaded.value.rows;
    return [...matching].sort((a, b) => compare(a, b, sort.key) * sort.dir);
  }, [loaded, text, release, sort]);

  if (mode === 'add') {
    return <AddStudent onCancel={() => setMode('list')} onCreated={(id) => navigate({ area: 'caseload', studentId: id })} />;
  }
  if (mode === 'import') {
    return (
      <RosterImport
        onDone={() => {
          setMode('list');
          void reload();
        }}
      />
    );
  }

  const schools = loaded.state === 'ready' ? loaded.value.schools : [];
  const total = loaded.state === 'ready' ? loaded.value.rows.length : 0;
  const grades = loaded.state === 'ready' ? [...new Set(loaded.value.rows.map((r) => r.grade).filter((g): g is string => g !== null))].sort((a, b) => gradeRank(a) - gradeRank(b)) : [];
  const filtered = status !== 'active' || schoolId !== null || grade !== null || program !== null || release !== null || text.trim() !== '';

  return (
    <Stack gap="md">
      <PageTitle
        actions={
          <>
            <Button variant="default" onClick={() => setMode('import')}>
              Import roster
            </Button>
            <Button onClick={() => setMode('add')}>Add student</Button>
          </>
        }
      >
        Caseload
      </PageTitle>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput label="Find by name" placeholder="Type a name" value={text} onChange={(e) => setText(e.currentTarget.value)} w={190} />
        <Select label="School" placeholder="All schools" data={schools.map((s) => ({ value: s.id, label: s.name }))} value={schoolId} onChange={setSchoolId} clearable searchable w={190} />
        <Select label="Grade" placeholder="All grades" data={grades} value={grade} onChange={setGrade} clearable w={120} />
        <Select label="Program" placeholder="All programs" data={['CLTS', 'CCS', 'School-only']} value={program} onChange={setProgram} clearable w={140} />
        <Select
          label="Release"
          placeholder="Any release"
          data={[
            { value: 'active', label: 'Active' },
            { value: 'attention', label: 'Needs attention' },
            { value: 'none', label: 'No release' },
          ]}
          value={release}
          onChange={(v) => setRelease(v === 'active' || v === 'attention' || v === 'none' ? v : null)}
          clearable
          w={185}
        />
        <Stack gap={4}>
          <Text fz="sm" fw={500} id="status-filter">
            Status
          </Text>
          <SegmentedControl
            aria-labelledby="status-filter"
            value={status}
            onChange={(v) => setStatus(v as StatusFilter)}
            data={[
              { value: 'active', label: 'Active' },
              { value: 'inactive', label: 'Inactive' },
              { value: 'all', label: 'All' },
            ]}
          />
        </Stack>
      </Group>
      <LoadState loaded={loaded} what="the caseload" />
      {loaded.state === 'ready' && total === 0 && !filtered ? (
        <Paper withBorder p="lg" radius="md" maw={720}>
          <Stack gap="sm" align="flex-start">
            <Text fw={600}>No students yet</Text>
            <Text c="dimmed">Import a roster exported from your school information system, or add a student by hand.</Text>
            <Group>
              <Button onClick={() => setMode('import')}>Import a roster</Button>
              <Button variant="default" onClick={() => setMode('add')}>
                Add a student
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : loaded.state === 'ready' ? (
        <>
          <Text fz="sm" c="dimmed" aria-live="polite">
            {rows.length === total ? `${total.toLocaleString('en-US')} students` : `${rows.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} students`}
          </Text>
          <CaseloadTable
            rows={rows}
            sort={sort}
            onSort={(key) => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }))}
            onOpen={(id) => navigate({ area: 'caseload', studentId: id })}
          />
        </>
      ) : null}
    </Stack>
  );
}
