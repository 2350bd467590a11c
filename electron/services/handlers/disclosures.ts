/** Sharing a student's information (gated, recorded) and printing the record of disclosures. */
import { printDisclosureRecord } from '../disclosures/print-record.ts';
import { shareSummary } from '../disclosures/share-summary.ts';
import type { Ports } from '../ports.ts';
import type { VaultSession } from '../vault-session.ts';
import type { HandlersFor } from './types.ts';

export function disclosureHandlers(session: VaultSession, ports: Ports): HandlersFor<'disclosures:print' | 'disclosures:shareSummary'> {
  return {
    'disclosures:print': ({ studentId }) => printDisclosureRecord(session.current, ports, studentId),
    'disclosures:shareSummary': (input) => shareSummary(session.current, ports, input),
  };
}
