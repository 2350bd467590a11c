/**
 * The month's time picture across programs: signed minutes by week and by
 * activity, billable and not, with travel and documentation minutes apart
 * (CCS is cost-reconciled, so counties want non-billable time by category).
 * Each chart has its table with the same numbers.
 */
import { Center, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { ChannelOutput } from '../../../../electron/shared/contract.ts';
import type { ChartRow } from './TimeChart.tsx';
import { minutesWords, monthWords, showDate } from './format.ts';

const TimeChart = lazy(() => import('./TimeChart.tsx'));

type Picture = ChannelOutput<'billing:timePicture'>;

function MinutesTable({ caption, first, rows }: { caption: string; first: string; rows: readonly ChartRow[] }) {
  const sum = (k: 'billable' | 'nonBillable') => rows.reduce((s, r) => s + r[k], 0);
  return (
    <Table fz="sm" verticalSpacing={4} horizontalSpacing="xs" withTableBorder>
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{first}</Table.Th>
          <Table.Th ta="right">Billable</Table.Th>
          <Table.Th ta="right">Not billable</Table.Th>
          <Table.Th ta="right">Total</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.label}>
            <Table.Th scope="row" fw={400}>
              {r.label}
            </Table.Th>
            <Table.Td ta="right">{minutesWords(r.billable)}</Table.Td>
            <Table.Td ta="right">{minutesWords(r.nonBillable)}</Table.Td>
            <Table.Td ta="right">{minutesWords(r.billable + r.nonBillable)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row">Total</Table.Th>
          <Table.Th ta="right">{minutesWords(sum('billable'))}</Table.Th>
          <Table.Th ta="right">{minutesWords(sum('nonBillable'))}</Table.Th>
          <Table.Th ta="right">{minutesWords(sum('billable') + sum('nonBillable'))}</Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

const cap = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** Programs come keyed in capitals ("SCHOOL-ONLY"); the billed ones are acronyms, the rest read as words. */
const programWords = (key: string) => (key === 'CLTS' || key === 'CCS' ? key : cap(key.toLowerCase()));

/** "Week of 10/05": the year is the month's, and the picture never spans two. */
const weekLabel = (weekOf: string) => `Week of ${showDate(weekOf).slice(0, 5)}`;

function summaryOf(rows: readonly ChartRow[]): string {
  return rows.map((r) => `${r.label}: ${minutesWords(r.billable)} billable, ${minutesWords(r.nonBillable)} not billable`).join('; ');
}

export function TimePicture({ picture }: { picture: Picture }) {
  const weeks: ChartRow[] = picture.byWeek.map((w) => ({ label: weekLabel(w.weekOf), billable: w.billable, nonBillable: w.nonBillable }));
  const activities: ChartRow[] = picture.byActivity.map((a) => ({ label: cap(a.activity), billable: a.billable, nonBillable: a.nonBillable }));
  const programs: ChartRow[] = picture.byProgram.map((p) => ({ label: programWords(p.program), billable: p.billable, nonBillable: p.nonBillable }));
  const month = monthWords(picture.month);

  if (weeks.length === 0) {
    return (
      <Text c="dimmed" fz="sm">
        No signed service time in {month} yet. Signed entries of every program show here.
      </Text>
    );
  }

  return (
    <Stack gap="lg">
      <Group gap="xl" wrap="wrap">
        <Text fz="sm">
          <Text span fw={700} fz="sm">
            Billable:
          </Text>{' '}
          {minutesWords(picture.totals.billable)}
        </Text>
        <Text fz="sm">
          <Text span fw={700} fz="sm">
            Not billable:
          </Text>{' '}
          {minutesWords(picture.totals.nonBillable)}
        </Text>
        <Text fz="sm">
          <Text span fw={700} fz="sm">
            Travel:
          </Text>{' '}
          {minutesWords(picture.travelMinutes)}
        </Text>
        <Text fz="sm">
          <Text span fw={700} fz="sm">
            Documentation:
          </Text>{' '}
          {minutesWords(picture.documentationMinutes)}
        </Text>
      </Group>
      <Text fz="xs" c="dimmed">
        Signed service minutes of every program in {month}. Travel and documentation minutes are counted apart from service minutes.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="sm">
          <Title order={2} fz="md">
            By week
          </Title>
          <ChartBoundary>
            <Suspense fallback={<ChartLoading />}>
              <TimeChart title={`Service minutes by week, ${month}`} summary={summaryOf(weeks)} rows={weeks} />
            </Suspense>
          </ChartBoundary>
          <MinutesTable caption={`Minutes by week, ${month}`} first="Week" rows={weeks} />
        </Stack>
        <Stack gap="sm">
          <Title order={2} fz="md">
            By activity
          </Title>
          <ChartBoundary>
            <Suspense fallback={<ChartLoading />}>
              <TimeChart title={`Service minutes by activity, ${month}`} summary={summaryOf(activities)} rows={activities} horizontal />
            </Suspense>
          </ChartBoundary>
          <MinutesTable caption={`Minutes by activity, ${month}`} first="Activity" rows={activities} />
        </Stack>
      </SimpleGrid>
      <Stack gap="sm" maw={560}>
        <Title order={2} fz="md">
          By program
        </Title>
        <MinutesTable caption={`Minutes by program, ${month}`} first="Program" rows={programs} />
      </Stack>
    </Stack>
  );
}

/**
 * The chart is loaded on demand; if that fails (or it cannot draw), the
 * tables still carry every number, so say so instead of losing the tab.
 */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (this.state.failed) {
      return (
        <Text fz="sm" c="dimmed">
          The chart could not be shown. The table below has the same numbers.
        </Text>
      );
    }
    return this.props.children;
  }
}

function ChartLoading() {
  return (
    <Center h={200}>
      <Loader size="sm" aria-label="Loading the chart" />
    </Center>
  );
}
