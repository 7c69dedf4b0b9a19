/**
 * The shape every kube-controller-manager controller has here: event handlers only compute keys
 * and enqueue; `reconcile(key)` reads current state and converges (level-based, controller-runtime
 * style). `reconcileResultToQueue` is the single place mapping results to queue operations.
 */
import type { WorkQueue } from '../client';
import type { InformerFactory } from './informer-factory';
import type { Client } from '../client';
import type { SimLoop } from '../clock';
import type { TimerBoard } from '../clock/timer-board';

export type ReconcileResult =
  | { kind: 'done' }
  | { kind: 'requeueAfter'; delayMs: number }
  /** Transient failure: retried with exponential back-off. */
  | { kind: 'retry'; reason: string };

export const DONE: ReconcileResult = { kind: 'done' };

export interface ControllerContext {
  client: Client;
  informers: InformerFactory;
  loop: SimLoop;
  /** Pending timed transitions a controller publishes for UIs and tests (absent in bare unit tests). */
  timers?: TimerBoard;
}

export interface Controller {
  /** The name kube-controller-manager uses, e.g. "namespace-controller". */
  readonly name: string;
  /** Registers informer handlers that enqueue keys. */
  watch(context: ControllerContext, enqueue: (key: string) => void): void;
  reconcile(key: string, context: ControllerContext): ReconcileResult;
}

export function reconcileResultToQueue(queue: WorkQueue, key: string, result: ReconcileResult): void {
  switch (result.kind) {
    case 'done':
      queue.forget(key);
      return;
    case 'requeueAfter':
      queue.forget(key);
      queue.addAfter(key, result.delayMs);
      return;
    case 'retry':
      queue.addRateLimited(key);
      return;
  }
}
