/**
 * Roster import in three steps: pick the file and say where it came from;
 * check the columns and every row's problems; import. Nothing is written
 * until "Import"; the import is one transaction, so a failure changes nothing.
 */
import { Alert, Badge, Button, Code, FileInput, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../electron/shared/contract.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { formatDay } from '../../lib/dates.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';

type Preview = ChannelOutput<'roster:preview'>;
type Mapping = Preview['mapping'];
type Committed = ChannelOutput<'roster:commit'>;

const KNOWN_SOURCES = ['Skyward', 'Infinite Campus', 'PowerSchool'];
const SHOWN_ROWS = 200;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function RosterImport({ onDone }: { onDone(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [sources, setSources] = useState<string[]>(KNOWN_SOURCES);
  const [base64, setBase64] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Committed | null>(null);

  useEffect(() => {
    void call('roster:sources', {}).then((r) => {
      if (r.ok) setSources([...new Set([...r.value.sources.map((s) => s.source), ...KNOWN_SOURCES])]);
    });
  }, []);

  async function runPreview(mapping: Mapping | null, data = base64) {
    if (!file || !source || !data) return;
    setBusy('reading');
    setFailure(null);
    const result = await call('roster:preview', { fileName: file.name, base64: data, source, mapping });
    setBusy(null);
    if (result.ok) setPreview(result.value);
    else {
      setPreview(null);
      setFailure(result.error);
    }
  }

  async function choose() {
    if (!file || !source) return;
    setBusy('reading');
    const data = await toBase64(file);
    setBase64(data);
    await runPreview(null, data);
  }

  async function commit() {
    if (!file || !source || !base64 || !preview) return;
    setBusy('importing');
    setFailure(null);
    const result = await call('roster:commit', { fileName: file.name, base64, source, mapping: preview.mapping });
    setBusy(null);
    if (result.ok) setDone(result.value);
    else setFailure(result.error);
  }

  if (done) {
    return (
      <Stack gap="md" maw={720}>
        <PageTitle>Roster imported</PageTitle>
        <Alert color="green" title="Import complete" role="status">
          {done.created} new students, {done.updated} updated, {done.skipped} rows skipped
          {done.schoolsAdded ? `, ${done.schoolsAdded} schools added` : ''}.
        </Alert>
        <Group>
          <Button onClick={onDone}>Go to the caseload</Button>
        </Group>
      </Stack>
    );
  }

  const importable = preview ? preview.counts.create + preview.counts.update : 0;
  return (
    <Stack gap="md">
      <PageTitle actions={<Button variant="default" onClick={onDone}>Cancel</Button>}>Import a roster</PageTitle>
      <Paper withBorder p="lg" radius="md" maw={900}>
        <Stack gap="md">
          <Text c="dimmed" fz="sm">
            Export the student list from your school information system as a CSV file. Nothing is saved until you choose Import.
          </Text>
          <SimpleGrid cols={2}>
            <FileInput label="Roster file (CSV)" withAsterisk placeholder="Choose a file" accept=".csv,.txt,.tsv,text/csv" clearButtonProps={{ 'aria-label': 'Clear the chosen file' }} value={file} onChange={(f) => {
                setFile(f);
                setPreview(null);
              }} clearable />
            <Select
              label="Where it came from"
              withAsterisk
              description="Liaison remembers the columns for each source."
              data={sources}
              value={source}
              onChange={(s) => {
                setSource(s);
                setPreview(null);
              }}
              searchable
            />
          </SimpleGrid>
          <Group>
            <Button onClick={choose} disabled={!file || !source} loading={busy === 'reading'}>
              Check the file
            </Button>
          </Group>
        </Stack>
      </Paper>
      {failure ? (
        <Alert color="red" title="The roster could not be imported" role="alert" maw={900}>
          {failure.message}
        </Alert>
      ) : null}
      {preview ? <PreviewPanel preview={preview} onMapping={(m) => void runPreview(m)} busy={busy !== null} /> : null}
      {preview ? (
        <Group>
          <Button size="md" onClick={commit} disabled={importable === 0 || preview.unmappedRequired.length > 0 || busy !== null} loading={busy === 'importing'}>
            Import {importable.toLocaleString('en-US')} {importable === 1 ? 'student' : 'students'}
          </Button>
          {busy === 'importing' ? (
            <Group gap={6}>
              <Loader size="xs" />
              <Text fz="sm">Importing in one step: nothing is saved unless every row is.</Text>
            </Group>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

function PreviewPanel({ preview, onMapping, busy }: { preview: Preview; onMapping(m: Mapping): void; busy: boolean }) {
  const options = preview.headers.map((h) => ({ value: h, label: h }));
  const problemsFirst = [...preview.rows].sort((a, b) => Number(b.problems.length > 0) - Number(a.problems.length > 0) || a.line - b.line);
  const shown = problemsFirst.slice(0, SHOWN_ROWS);
  return (
    <Stack gap="md">
      <Paper withBorder p="lg" radius="md" maw={900}>
        <Stack gap="sm">
          <Text fw={600}>Columns</Text>
          <Text fz="sm" c="dimmed">
            Read as {preview.encoding.toUpperCase()}, {preview.totalRows.toLocaleString('en-US')} rows. Check which column holds each piece of information.
          </Text>
          <SimpleGrid cols={3} spacing="sm">
            {preview.fields.map((f) => (
              <Select
                key={f.field}
                label={f.label}
                withAsterisk={f.required}
                placeholder="Not in this file"
                data={options}
                value={preview.mapping[f.field] ?? null}
                disabled={busy}
                clearable
                error={preview.unmappedRequired.includes(f.field) ? 'Choose a column' : undefined}
                onChange={(header) => {
                  const next: Mapping = { ...preview.mapping };
                  if (header) next[f.field] = header;
                  else delete next[f.field];
                  onMapping(next);
                }}
              />
            ))}
          </SimpleGrid>
        </Stack>
      </Paper>
      <Group gap="md" role="status">
        <Badge size="lg" variant="light" color="blue">
          {preview.counts.create} new
        </Badge>
        <Badge size="lg" variant="light" color="teal">
          {preview.counts.update} updates
        </Badge>
        <Badge size="lg" variant="light" color="red">
          {preview.counts.skip} skipped
        </Badge>
        <Text fz="sm">{preview.counts.withWarnings} with warnings</Text>
      </Group>
      <Table striped withTableBorder verticalSpacing={4} fz="sm" maw={1100}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>Line</Table.Th>
            <Table.Th>Student</Table.Th>
            <Table.Th w={110}>Birth date</Table.Th>
            <Table.Th>School</Table.Th>
            <Table.Th w={90}>Action</Table.Th>
            <Table.Th>Problems</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((r) => (
            <Table.Tr key={r.line}>
              <Table.Td>{r.line}</Table.Td>
              <Table.Td>
                {r.name || '—'}
                {r.schoolStudentId ? <Code ml={6}>{r.schoolStudentId}</Code> : null}
              </Table.Td>
              <Table.Td>{formatDay(r.dob)}</Table.Td>
              <Table.Td>{r.school ?? '—'}</Table.Td>
              <Table.Td>{r.action === 'create' ? 'New' : r.action === 'update' ? 'Update' : 'Skip'}</Table.Td>
              <Table.Td>
                {r.problems.map((p, i) => (
                  <Text key={i} fz="sm" c={p.severity === 'error' ? 'red.9' : undefined}>
                    {p.severity === 'error' ? 'Problem: ' : 'Note: '}
                    {p.message}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {preview.rows.length > shown.length ? (
        <Text fz="sm" c="dimmed">
          Showing rows with problems first; {(preview.totalRows - shown.length).toLocaleString('en-US')} more rows are not listed.
        </Text>
      ) : null}
    </Stack>
  );
}
