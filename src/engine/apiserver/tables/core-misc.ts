/** Namespaces, ConfigMaps, Secrets, ServiceAccounts, Leases, ResourceQuotas and ComponentStatuses. */
import { compareGoStrings } from '../../kubectl/printers/go-format';
import { AGE_COLUMN, age, arr, col, doc, name, NAME_COLUMN, quantity, rec, str } from './cells';
import type { Printer } from './types';

export const namespacePrinter: Printer = {
  columns: [NAME_COLUMN, col('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  row: (o, nowMs) => ({ cells: [name(o), str(rec(o.status).phase), age(o, nowMs)] }),
};

export const configMapPrinter: Printer = {
  columns: [NAME_COLUMN, col('Data', 'string', doc('core.ConfigMap.data')), AGE_COLUMN],
  row: (o, nowMs) => ({ cells: [name(o), Object.keys(rec(o.data)).length + Object.keys(rec(o.binaryData)).length, age(o, nowMs)] }),
};

export const secretPrinter: Printer = {
  columns: [NAME_COLUMN, col('Type', 'string', doc('core.Secret.type')), col('Data', 'string', doc('core.Secret.data')), AGE_COLUMN],
  row(o, nowMs) {
    // stringData is merged into data on write; count both in case a stored object kept it.
    const keys = new Set([...Object.keys(rec(o.data)), ...Object.keys(rec(o.stringData))]);
    return { cells: [name(o), str(o.type), keys.size, age(o, nowMs)] };
  },
};

export const serviceAccountPrinter: Printer = {
  columns: [NAME_COLUMN, col('Secrets', 'string', doc('core.ServiceAccount.secrets')), AGE_COLUMN],
  row: (o, nowMs) => ({ cells: [name(o), arr(o.secrets).length, age(o, nowMs)] }),
};

export const leasePrinter: Printer = {
  columns: [NAME_COLUMN, col('Holder', 'string', doc('coord.LeaseSpec.holderIdentity')), AGE_COLUMN],
  row: (o, nowMs) => ({ cells: [name(o), str(rec(o.spec).holderIdentity), age(o, nowMs)] }),
};

/** `resource: used/hard` pairs, sorted by resource name; `limits.*` go to the LIMIT column. */
export const resourceQuotaPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    col('Limit', 'string', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const status = rec(o.status);
    const hard = rec(status.hard);
    const used = rec(status.used);
    const requests: string[] = [];
    const limits: string[] = [];
    for (const resource of Object.keys(hard).sort(compareGoStrings)) {
      const pieces = resource.split('.');
      const target = pieces.length > 1 && pieces[0] === 'limits' ? limits : requests;
      target.push(`${resource}: ${quantity(used[resource])}/${quantity(hard[resource])}`);
    }
    return { cells: [name(o), requests.join(', '), limits.join(', '), age(o, nowMs)] };
  },
};

export const componentStatusPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 'Status of the component conditions'),
    col('Message', 'string', 'Message of the component conditions'),
    col('Error', 'string', 'Error of the component conditions'),
  ],
  row(o) {
    const healthy = arr(o.conditions).find((c) => c.type === 'Healthy');
    if (!healthy) return { cells: [name(o), 'Unknown', '', ''] };
    return { cells: [name(o), healthy.status === 'True' ? 'Healthy' : 'Unhealthy', str(healthy.message), str(healthy.error)] };
  },
};
