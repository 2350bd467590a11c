import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract.ts';

/** One function per channel; inputs arrive already validated against the contract. */
export type HandlersFor<C extends ChannelName> = { [K in C]: (input: ChannelInput<K>) => Promise<ChannelOutput<K>> };
export type Handlers = HandlersFor<ChannelName>;
