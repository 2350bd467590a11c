/**
 * One student's record: a header that stays in view (who, where, programs,
 * plans, no-contact warnings) and tabs for the team and plan, notes, the
 * timeline, program enrollments and the household.
 */
import { Anchor, Box, Tabs } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, type Place } from '../../lib/navigation.ts';
import { useCall } from '../../lib/use-call.ts';
import { LoadState } from '../../ui/Failure.tsx';
import { ConsentsTab } from './consents/ConsentsTab.tsx';
import { HouseholdTab } from './HouseholdTab.tsx';
import { NotesTab } from './NotesTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { ProgramsTab } from './ProgramsTab.tsx';
import { RecordHeader } from './RecordHeader.tsx';
import { RecordContext, type RecordKit } from './record-context.ts';
import { ServicesTab } from '../services/ServicesTab.tsx';
import { TimelineTab } from './TimelineTab.tsx';

const TABS = ['overview', 'notes', 'services', 'timeline', 'consents', 'programs', 'household'] as const;
type TabId = (typeof TABS)[number];

function tabOf(tab: string | undefined): TabId {
  return TABS.find((t) => t === tab) ?? 'overview';
}

export function StudentRecordPage({ studentId, tab }: { studentId: string; tab?: string }) {
  const [loaded, reload] = useCall('students:get', { id: studentId });
  const navigate = useNavigate();
  const [active, setActive] = useState<TabId>(tabOf(tab));
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);
  const dirtyForms = useRef(new Set<string>());

  useEffect(() => setActive(tabOf(tab)), [tab]);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  const reportDirty = useCallback((key: string, dirty: boolean) => {
    if (dirty) dirtyForms.current.add(key);
    else dirtyForms.current.delete(key);
  }, []);
  const go = useCallback(
    (place: Place) => {
      if (dirtyForms.current.size > 0 && !window.confirm('A form on this record has unsaved changes. Leave without saving them?')) return;
      navigate(place);
    },
    [navigate],
  );
  const changed = useCallback(
    async (message: string) => {
      await reload();
      setNotice({ text: message, at: Date.now() });
    },
    [reload],
  );

  const record = loaded.state === 'ready' ? loaded.value : null;
  const kit = useMemo<RecordKit | null>(() => (record ? { record, studentId, changed, go, reportDirty } : null), [record, studentId, changed, go, reportDirty]);

  if (!kit) {
    return (
      <Box>
        <Anchor component="button" type="button" fz="sm" mb="sm" onClick={() => navigate({ area: 'caseload' })}>
          ← Back to caseload
        </Anchor>
        <LoadState loaded={loaded} what="student record" />
      </Box>
    );
  }

  const drafts = kit.record.notes.filter((n) => !n.signedAt).length;
  const overdue = kit.record.deadlines.filter((d) => d.bucket === 'overdue').length;

  return (
    <RecordContext.Provider value={kit}>
      <Tabs value={active} onChange={(v) => setActive(tabOf(v ?? undefined))} keepMounted keepMountedMode="display-none">
        <Box
          pos="sticky"
          top="var(--app-shell-header-height, 56px)"
          bg="var(--mantine-color-body)"
          mx="-lg"
          px="lg"
          style={{ zIndex: 20 }}
        >
          <RecordHeader notice={notice?.text ?? null} onOpenConsents={() => setActive('consents')} />
          <Tabs.List aria-label="Parts of the record">
            <Tabs.Tab value="overview">{overdue ? `Overview (${overdue} overdue)` : 'Overview'}</Tabs.Tab>
            <Tabs.Tab value="notes">{drafts ? `Notes (${drafts} ${drafts === 1 ? 'draft' : 'drafts'})` : 'Notes'}</Tabs.Tab>
            <Tabs.Tab value="services">Services</Tabs.Tab>
            <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
            <Tabs.Tab value="consents">Consents</Tabs.Tab>
            <Tabs.Tab value="programs">Programs</Tabs.Tab>
            <Tabs.Tab value="household">Household</Tabs.Tab>
          </Tabs.List>
        </Box>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab />
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="md">
          <NotesTab />
        </Tabs.Panel>
        <Tabs.Panel value="services" pt="md">
          <ServicesTab />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <TimelineTab onOpenTab={(t) => setActive(tabOf(t))} />
        </Tabs.Panel>
        <Tabs.Panel value="consents" pt="md">
          <ConsentsTab />
        </Tabs.Panel>
        <Tabs.Panel value="programs" pt="md">
          <ProgramsTab />
        </Tabs.Panel>
        <Tabs.Panel value="household" pt="md">
          <HouseholdTab />
        </Tabs.Panel>
      </Tabs>
    </RecordContext.Provider>
  );
}
