/**
 * The Billing area: month close for one program and month. The entries and
 * what stops each from being billed (with the fixes), the export with its
 * legal basis, the month's batches, and the time picture.
 */
import { Alert, Button, Group, SegmentedControl, Select, Stack, Tabs, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from '../../lib/navigation.ts';
import { useCall } from '../../lib/use-call.ts';
import { LoadState } from '../../ui/Failure.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { BatchesPanel } from './BatchesPanel.tsx';
import { EntriesTable } from './EntriesTable.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { lastMonth, minutesWords, monthOptions, needsAttention, plural, unitsWords, type Month, type Program } from './format.ts';
import { Notice } from './kit.tsx';
import { TimePicture } from './TimePicture.tsx';

type Tab = 'entries' | 'export' | 'batches' | 'time';
const TABS: readonly Tab[] = ['entries', 'export', 'batches', 'time'];

function Summary({ data }: { data: Month }) {
  const t = data.totals;
  return (
    <Text fz="sm" data-testid="month-summary">
      <Text span fw={700} fz="sm">
        {plural(t.entries, 'entry', 'entries')}:
      </Text>{' '}
      {t.ready.toLocaleString('en-US')} ready · {t.blocked.toLocaleString('en-US')} blocked · {plural(t.drafts, 'draft')} · {t.exported.toLocaleString('en-US')} exported
      {' — '}
      <Text span fw={700} fz="sm">
        ready to export:
      </Text>{' '}
      {unitsWords(t.readyUnits)} {t.readyUnits === 1 ? 'unit' : 'units'}, {minutesWords(t.readyMinutes)}
    </Text>
  );
}

export function BillingPage() {
  const navigate = useNavigate();
  const [program, setProgram] = useState<Program>('CLTS');
  const [month, setMonth] = useState(lastMonth);
  const [tab, setTab] = useState<Tab>('entries');
  const [notice, setNotice] = useState<string | null>(null);
  const months = useMemo(() => monthOptions(), []);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const [loaded, reloadMonth] = useCall('billing:month', { program, month });
  const [batches, reloadBatches] = useCall('billing:batches', { program, month });
  const [picture, reloadPicture] = useCall('billing:timePicture', { month });

  // A confirmation belongs to the month it was made in.
  useEffect(() => setNotice(null), [program, month]);

  // Any fix, export or void can change every part of the page: load them all again.
  const changed = useCallback(
    async (message: string) => {
      setNotice(message);
      await Promise.all([reloadMonth(), reloadBatches(), reloadPicture()]);
      noticeRef.current?.focus();
    },
    [reloadMonth, reloadBatches, reloadPicture],
  );

  const data = loaded.state === 'ready' ? loaded.value : null;
  const attention = data ? data.rows.filter(needsAttention).length : 0;
  const batchCount = batches.state === 'ready' ? batches.value.batches.length : 0;

  return (
    <Stack gap="md">
      <PageTitle>Billing</PageTitle>
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text fz="sm" fw={500} id="billing-program">
            Program
          </Text>
          <SegmentedControl
            aria-labelledby="billing-program"
            value={program}
            onChange={(v) => setProgram(v === 'CCS' ? 'CCS' : 'CLTS')}
            data={[
              { value: 'CLTS', label: 'CLTS' },
              { value: 'CCS', label: 'CCS' },
            ]}
          />
        </Stack>
        <Select label="Month" data={months} value={month} onChange={(v) => v && setMonth(v)} allowDeselect={false} w={200} />
      </Group>

      {data?.profileUnreviewed ? (
        <Alert color="yellow" py="xs" maw={900} aria-label="Billing settings not yet confirmed">
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text fz="sm">Billing settings are the shipped defaults; ask county billing staff to confirm them in Settings → Billing.</Text>
            <Button size="xs" variant="default" onClick={() => navigate({ area: 'settings' })} style={{ flexShrink: 0 }}>
              Open Settings
            </Button>
          </Group>
        </Alert>
      ) : null}

      <LoadState loaded={loaded} what={`the ${program} month`} />
      {data ? <Summary data={data} /> : null}
      <Notice ref={noticeRef} text={notice} />

      {data ? (
        <Tabs value={tab} onChange={(v) => setTab(TABS.find((t) => t === v) ?? 'entries')} keepMounted>
          <Tabs.List aria-label="Month close">
            <Tabs.Tab value="entries">{attention ? `Entries (${attention} ${attention === 1 ? 'needs' : 'need'} attention)` : 'Entries'}</Tabs.Tab>
            <Tabs.Tab value="export">Export</Tabs.Tab>
            <Tabs.Tab value="batches">{batchCount ? `Batches (${batchCount})` : 'Batches'}</Tabs.Tab>
            <Tabs.Tab value="time">Time picture</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="entries" pt="md">
            <EntriesTable key={`${data.program}-${data.month}`} data={data} onChanged={changed} onShowBatches={() => setTab('batches')} />
          </Tabs.Panel>
          <Tabs.Panel value="export" pt="md">
            <ExportPanel key={`${data.program}-${data.month}`} data={data} onExported={changed} />
          </Tabs.Panel>
          <Tabs.Panel value="batches" pt="md">
            <LoadState loaded={batches} what="the batches" />
            {batches.state === 'ready' ? <BatchesPanel program={program} month={month} batches={batches.value.batches} onChanged={changed} /> : null}
          </Tabs.Panel>
          <Tabs.Panel value="time" pt="md">
            <LoadState loaded={picture} what="the time picture" />
            {picture.state === 'ready' ? <TimePicture picture={picture.value} /> : null}
          </Tabs.Panel>
        </Tabs>
      ) : null}
    </Stack>
  );
}
