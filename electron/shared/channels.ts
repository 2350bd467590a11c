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
] as const;

export type ChannelName = (typeof channelNames)[number];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}
