import { Alert, Center, Loader } from '@mantine/core';
import type { Loaded } from '../lib/use-call.ts';

/** What a screen shows while its data is loading or when it could not load. */
export function LoadState({ loaded, what }: { loaded: Loaded<unknown>; what: string }) {
  if (loaded.state === 'loading') {
    return (
      <Center p="xl">
        <Loader aria-label={`Loading ${what}`} />
      </Center>
    );
  }
  if (loaded.state === 'failed') {
    return (
      <Alert color="red" title={`${what[0]!.toUpperCase()}${what.slice(1)} could not be loaded`} role="alert" maw={640}>
        {loaded.error.message}
      </Alert>
    );
  }
  return null;
}
