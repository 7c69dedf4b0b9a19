export { Store, DEFAULT_HISTORY_LIMIT } from "./store";
export type { KeyValue, StoreEvent, StoreEventType, StoreResult, WatchStart } from "./store";
