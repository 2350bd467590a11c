/**
 * The renderer's only door to data: a typed facade over `window.liaison`,
 * which the Electron preload (or the test harness) provides. Every answer is
 * the contract's `{ ok, value } | { ok: false, error }` envelope.
 */
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/shared/contract.ts';
import type { ApiError, Result } from '../../../electron/shared/errors.ts';

type Bridge = { readonly [C in ChannelName]: (input: unknown) => Promise<Result<unknown>> };

declare global {
  interface Window {
    liaison?: Bridge;
  }
}

export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  const bridge = window.liaison;
  if (!bridge) {
    return { ok: false, error: { code: 'INTERNAL', message: 'Liaison’s data service is not available. Close Liaison and open it again.' } };
  }
  try {
    return (await bridge[channel](input)) as Result<ChannelOutput<C>>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'Liaison’s data service did not answer. Close Liaison and open it again.' } };
  }
}

export type { ApiError };
