/** The UI side of the worker protocol: starts the engine worker and routes its messages to the stores. */
import { PROTOCOL_VERSION, type EngineToUi, type UiToEngine } from '../engine/protocol';
import { useMirror } from '../state/mirror';
import { useSim } from '../state/sim';

type OutputListener = (chunk: string) => void;

export class EngineClient {
  private readonly worker: Worker;
  private readonly outputListeners = new Set<OutputListener>();

  constructor(seed = 1) {
    this.worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<EngineToUi>) => this.receive(event.data);
    this.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, seed, cluster: 'default' });
  }

  send(message: UiToEngine): void {
    this.worker.postMessage(message);
  }

  onOutput(listener: OutputListener): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  private receive(message: EngineToUi): void {
    switch (message.type) {
      case 'ready':
        useMirror.getState().reset(message.objects);
        useSim.getState().setReady(message.prompt);
        useSim.getState().setClock(message.nowMs, useSim.getState().speed, useSim.getState().paused);
        break;
      case 'patch':
        useMirror.getState().applyOps(message.ops);
        break;
      case 'shell.output':
        for (const l of this.outputListeners) l(message.chunk);
        if (message.prompt !== undefined) useSim.getState().setPrompt(message.prompt, message.busy);
        break;
      case 'clock':
        useSim.getState().setClock(message.nowMs, message.speed, message.paused);
        break;
      case 'error':
        useSim.getState().setError(message.message);
        break;
      case 'reply':
        break;
    }
  }
}
