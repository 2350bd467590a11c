/** What every part of the student record needs: the record, a way to say "it changed", and guarded navigation. */
import { createContext, useContext, useEffect, useId } from 'react';
import type { StudentRecord } from '../../../../electron/shared/schemas/record.ts';
import type { Place } from '../../lib/navigation.ts';

export interface RecordKit {
  record: StudentRecord;
  studentId: string;
  /** After a successful change: reload the record and show a short confirmation. */
  changed(message: string): Promise<void>;
  /** Navigate elsewhere, asking first if a form on this record has unsaved changes. */
  go(place: Place): void;
  /** Forms report whether they hold unsaved changes. */
  reportDirty(key: string, dirty: boolean): void;
}

export const RecordContext = createContext<RecordKit | null>(null);

export function useRecord(): RecordKit {
  const kit = useContext(RecordContext);
  if (!kit) throw new Error('useRecord is used outside the student record.');
  return kit;
}

/** Tells the record page while this form has unsaved changes, so leaving the record asks first. */
export function useDirtyReport(dirty: boolean): void {
  const key = useId();
  const { reportDirty } = useRecord();
  useEffect(() => {
    reportDirty(key, dirty);
    return () => reportDirty(key, false);
  }, [key, dirty, reportDirty]);
}
