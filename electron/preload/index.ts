/**
 * The bridge: `window.liaison` has exactly one function per contract channel
 * and nothing else — no ipcRenderer, no generic "invoke any channel", no
 * Node. It imports only the channel names (not the schemas) because a
 * sandboxed preload can load nothing but `electron` at runtime; everything
 * else is bundled in.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, type ChannelName } from '../shared/channels.ts';

type Bridge = Readonly<Record<ChannelName, (input?: unknown) => Promise<unknown>>>;

const bridge: Bridge = Object.freeze(
  Object.fromEntries(
    // One argument only: the page cannot smuggle extra arguments to the main process.
    channelNames.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(name, input)]),
  ) as Record<ChannelName, (input?: unknown) => Promise<unknown>>,
);

contextBridge.exposeInMainWorld('liaison', bridge);
