/**
 * The little of IndexedDB the lab needs, as promises: one database with one object store of
 * records by key. Each write is its own transaction, resolved only when it committed, so a record
 * is either the old one or the new one, never half of each.
 */
export const DATABASE_NAME = 'kubelab';
/** Bump with an upgrade step in `openRecords` when the stores change. */
const DATABASE_VERSION = 1;
const STORE = 'records';

export interface RecordStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  close(): void;
}

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });
}

export async function openRecords(factory: IDBFactory, name = DATABASE_NAME): Promise<RecordStore> {
  const request = factory.open(name, DATABASE_VERSION);
  request.onupgradeneeded = () => {
    // Version 1: one store of records keyed by name ("lab", "workspace", "lessons").
    if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
  };
  const db = await settle(request);
  // Another tab opening a newer version asks us to let go: close rather than block it.
  db.onversionchange = () => db.close();
  const write = (change: (store: IDBObjectStore) => void) => {
    const transaction = db.transaction(STORE, 'readwrite');
    change(transaction.objectStore(STORE));
    return committed(transaction);
  };
  return {
    get: (key) => settle(db.transaction(STORE, 'readonly').objectStore(STORE).get(key)) as Promise<unknown>,
    put: (key, value) => write((store) => store.put(value, key)),
    delete: (key) => write((store) => store.delete(key)),
    close: () => db.close(),
  };
}
