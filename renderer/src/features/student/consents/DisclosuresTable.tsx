/** The record of disclosures: what left this record, to whom, why, and on what basis. */
import { Table } from '@mantine/core';
import type { ChannelOutput } from '../../../../../electron/shared/contract.ts';
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
