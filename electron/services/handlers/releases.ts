/** The release-of-information channels and the record of disclosures. */
import type { Ports } from '../ports.ts';
import { printRelease } from '../releases/print.ts';
import * as releases from '../releases/releases.ts';
import { readSettings } from '../settings.ts';
import type { VaultSession } from '../vault-session.ts';
import type { HandlersFor } from './types.ts';

type ReleaseChannel =
  | 'releases:check'
  | 'releases:save'
  | 'releases:get'
  | 'releases:list'
  | 'releases:print'
  | 'releases:recordSignature'
  | 'releases:revoke'
  | 'releases:openSignedCopy'
  | 'releases:gate'
  | 'disclosures:list';

export function releaseHandlers(session: VaultSession, ports: Ports): HandlersFor<ReleaseChannel> {
  const v = () => session.current;
  const expiringDays = async () => (await readSettings(v())).releaseExpiringDays;
  return {
    'releases:check': ({ studentId, draft }) => releases.checkDraft(v(), studentId, draft),
    'releases:save': (input) => releases.saveRelease(v(), input),
    'releases:get': async ({ id }) => releases.getRelease(v(), id, await expiringDays()),
    'releases:list': async ({ studentId }) => releases.listReleases(v(), studentId, await expiringDays()),
    'releases:print': ({ id }) => printRelease(v(), ports, id),
    'releases:recordSignature': (input) => releases.recordSignature(v(), input),
    'releases:revoke': (input) => releases.revokeRelease(v(), input),
    'releases:openSignedCopy': ({ attachmentId }) => releases.openSignedCopy(v(), ports, attachmentId),
    'releases:gate': (input) => releases.gate(v(), input),
    'disclosures:list': ({ studentId }) => releases.listDisclosures(v(), studentId),
  };
}
