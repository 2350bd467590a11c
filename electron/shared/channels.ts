/**
 * The names of every channel, and nothing else. The preload builds
 * `window.liaison` from this list without loading any schema code; the
 * contract is typed so it must declare exactly these channels.
 */
export const channelNames = [
  'vault:status',
  'vault:create',
  'vault:unlock',
  'vault:lock',
  'vault:changePassphrase',
  'vault:recover',
  'vault:printRecoverySheet',
  'settings:get',
  'settings:set',
  'caseload:list',
  'caseload:dueSoon',
  'search:query',
  'students:get',
  'students:create',
  'students:update',
  'schools:create',
  'households:linkSibling',
  'households:unlink',
  'contacts:add',
  'contacts:update',
  'contacts:remove',
  'enrollments:create',
  'enrollments:update',
  'enrollments:changeStatus',
  'enrollments:markEntered',
  'team:add',
  'team:remove',
  'goals:add',
  'goals:update',
  'notes:save',
  'notes:addAddendum',
  'notes:discardDraft',
  'roster:preview',
  'roster:commit',
  'roster:sources',
  'releases:check',
  'releases:save',
  'releases:get',
  'releases:list',
  'releases:print',
  'releases:recordSignature',
  'releases:revoke',
  'releases:openSignedCopy',
  'releases:gate',
  'disclosures:list',
] as const;

export type ChannelName = (typeof channelNames)[number];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}
