/// <reference lib="webworker" />
/**
 * The Web Worker around EngineHost: the only place in the browser that touches real time for the
 * engine. Messages in, one pacing slice per ~frame, messages out.
 */
import type { EngineToUi, UiToEngine } from '../engine/protocol';
import { EngineHost } from './engine-host';

declare const self: DedicatedWorkerGlobalScope;

/** About one animation frame: virtual time moves, and the UI hears about it, at most this often. */
const SLICE_WALL_MS = 16;

const host = new EngineHost({
  post: (message: EngineToUi) => self.postMessage(message),
  wallNowMs: () => performance.now(),
});

self.onmessage = (event: MessageEvent<UiToEngine>) => host.receive(event.data);
setInterval(() => host.tick(), SLICE_WALL_MS);
