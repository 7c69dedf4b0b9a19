export { Client, pathFor } from './client';
export type { Transport, ResourceRef, ClientResult } from './client';
export { Informer, objectKey } from './informer';
export type { EventHandler } from './informer';
export { WorkQueue } from './workqueue';
export { EventRecorder } from "./events";
export type { EventDetails } from "./events";
export { LegacyEventRecorder } from "./legacy-events";
