/** The record of disclosures: what left this record, to whom, why, and on what basis. */
import { Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../../electron/shared/contract.ts';
import { call, type ApiError } from '../../../lib/api.ts';
import { formatDay } from '../../../lib/dates.ts';
import { Empty } from '../kit.tsx';
import { categoryNames } from './release-model.ts';

type Disclosure = ChannelOutput<'disclosures:list'>['disclosures'][number];

export function DisclosuresTable({ disclosures }: { disclosures: readonly Disclosure[] }) {
  if (disclosures.length === 0) return <Empty>Nothing has been disclosed from this record yet.</Empty>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder verticalSpacing={6} fz="sm" aria-label="Record of disclosures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={100}>Date</Table.Th>
            <Table.Th>Recipient</Table.Th>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>Records</Table.Th>
            <Table.Th>Documents</Table.Th>
            <Table.Th>Basis</Table.Th>
            <Table.Th>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {disclosures.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{formatDay(d.disclosedOn)}</Table.Td>
              <Table.Td>{d.recipient}</Table.Td>
              <Table.Td>{d.purpose}</Table.Td>
              <Table.Td>{categoryNames(d.categories)}</Table.Td>
              <Table.Td>{d.documents.length ? d.documents.join('; ') : '—'}</Table.Td>
              <Table.Td>{d.basis}</Table.Td>
              <Table.Td>{d.disclosedBy}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Prints the record of disclosures (FERPA 99.32 record, HIPAA accounting) to hand to a parent or keep in the file. */
export function PrintDisclosures({ studentId }: { studentId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const print = async () => {
    setBusy(true);
    setError(null);
    const result = await call('disclosures:print', { studentId });
    setBusy(false);
    if (!result.ok) setError(result.error);
  };
  return (
    <Group gap="xs">
      {error ? (
        <Text fz="sm" c="red" role="alert">
          {error.message}
        </Text>
      ) : null}
      <Button size="compact-sm" variant="light" loading={busy} onClick={() => void print()}>
        Print record
      </Button>
    </Group>
  );
}
