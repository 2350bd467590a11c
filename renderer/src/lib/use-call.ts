/** Loads a channel's answer for a screen, with loading and error states, and a way to reload after a change. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/shared/contract.ts';
import { call, type ApiError } from './api.ts';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready'; value: T };

export function useCall<C extends ChannelName>(channel: C, input: ChannelInput<C>): [Loaded<ChannelOutput<C>>, () => Promise<void>] {
  const [loaded, setLoaded] = useState<Loaded<ChannelOutput<C>>>({ state: 'loading' });
  const key = JSON.stringify(input);
  const latest = useRef(0);
  const load = useCallback(async () => {
    const ticket = ++latest.current;
    const result = await call(channel, JSON.parse(key) as ChannelInput<C>);
    if (ticket !== latest.current) return; // a newer request has been made
    setLoaded(result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error });
  }, [channel, key]);
  useEffect(() => {
    void load();
  }, [load]);
  return [loaded, load];
}
