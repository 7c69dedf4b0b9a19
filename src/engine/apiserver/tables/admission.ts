/** Admission and API priority: webhook configurations, ValidatingAdmissionPolicies and bindings, FlowSchemas, PriorityLevelConfigurations. */
import type { KubeObject } from '../../api/meta';
import { compareGoStrings } from '../../kubectl/printers/go-format';
import { AGE_COLUMN, age, arr, col, doc, int, name, NAME_COLUMN, rec, str } from './cells';
import type { Cell, Printer } from './types';

const WEBHOOKS = 'Webhooks indicates the number of webhooks registered in this configuration';

export const webhookConfigurationPrinter: Printer = {
  columns: [NAME_COLUMN, col('Webhooks', 'integer', WEBHOOKS), AGE_COLUMN],
  row: (o, nowMs) => ({ cells: [name(o), arr(o.webhooks).length, age(o, nowMs)] }),
};

export const validatingAdmissionPolicyPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Validations', 'integer', 'Validations indicates the number of validation rules defined in this configuration'),
    col('ParamKind', 'string', 'ParamKind specifies the kind of resources used to parameterize this policy'),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const paramKind = spec.paramKind === undefined || spec.paramKind === null ? '<unset>' : `${str(rec(spec.paramKind).apiVersion)}/${str(rec(spec.paramKind).kind)}`;
    return { cells: [name(o), arr(spec.validations).length, paramKind, age(o, nowMs)] };
  },
};

export const validatingAdmissionPolicyBindingPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('PolicyName', 'string', 'PolicyName indicates the policy definition which the policy binding binded to'),
    col('ParamRef', 'string', 'ParamRef indicates the param resource which sets the configration param'),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    let param = '<unset>';
    if (spec.paramRef !== undefined && spec.paramRef !== null) {
      const ref = rec(spec.paramRef);
      if (str(ref.name)) param = str(ref.namespace) ? `${str(ref.namespace)}/${str(ref.name)}` : `*/${str(ref.name)}`;
      else if (ref.selector !== undefined && ref.selector !== null) param = goStructString(rec(ref.selector));
    }
    return { cells: [name(o), str(spec.policyName), param, age(o, nowMs)] };
  },
};

/** The generated (*metav1.LabelSelector).String(), a Go struct dump the binding printer shows as is. */
function goStructString(selector: Record<string, unknown>): string {
  const labels = rec(selector.matchLabels);
  const map = Object.keys(labels)
    .sort(compareGoStrings)
    .map((k) => `${k}: ${str(labels[k])},`)
    .join('');
  const expressions = arr(selector.matchExpressions)
    .map((e) => `LabelSelectorRequirement{Key:${str(e.key)},Operator:${str(e.operator)},Values:[${(Array.isArray(e.values) ? e.values.map(str) : []).join(' ')}],},`)
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${map}},MatchExpressions:[]LabelSelectorRequirement{${expressions}},}`;
}

/** FlowSchemaSequence: ascending matching precedence, then name. */
function flowSchemaOrder(objects: readonly KubeObject[]): readonly KubeObject[] {
  return [...objects].sort((a, b) => int(rec(a.spec).matchingPrecedence) - int(rec(b.spec).matchingPrecedence) || compareGoStrings(name(a), name(b)));
}

export const flowSchemaPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('PriorityLevel', 'string', doc('fc.PriorityLevelConfigurationReference.name')),
    col('MatchingPrecedence', 'string', doc('fc.FlowSchemaSpec.matchingPrecedence')),
    col('DistinguisherMethod', 'string', doc('fc.FlowSchemaSpec.distinguisherMethod')),
    AGE_COLUMN,
    col('MissingPL', 'string', 'references a broken or non-existent PriorityLevelConfiguration'),
  ],
  order: flowSchemaOrder,
  row(o, nowMs) {
    const spec = rec(o.spec);
    const distinguisher = spec.distinguisherMethod === undefined || spec.distinguisherMethod === null ? '<none>' : str(rec(spec.distinguisherMethod).type);
    const dangling = arr(rec(o.status).conditions).find((c) => c.type === 'Dangling');
    return { cells: [name(o), str(rec(spec.priorityLevelConfiguration).name), int(spec.matchingPrecedence), distinguisher, age(o, nowMs), dangling ? str(dangling.status) : '?'] };
  },
};

export const priorityLevelConfigurationPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Type', 'string', doc('fc.PriorityLevelConfigurationSpec.type')),
    col('NominalConcurrencyShares', 'string', doc('fc.LimitedPriorityLevelConfiguration.nominalConcurrencyShares')),
    col('Queues', 'string', doc('fc.QueuingConfiguration.queues')),
    col('HandSize', 'string', doc('fc.QueuingConfiguration.handSize')),
    col('QueueLengthLimit', 'string', doc('fc.QueuingConfiguration.queueLengthLimit')),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    let shares: Cell = '<none>';
    let queues: Cell = '<none>';
    let handSize: Cell = '<none>';
    let queueLengthLimit: Cell = '<none>';
    if (spec.limited !== undefined && spec.limited !== null) {
      const limited = rec(spec.limited);
      shares = int(limited.nominalConcurrencyShares);
      const queuing = rec(limited.limitResponse).queuing;
      if (queuing !== undefined && queuing !== null) {
        queues = int(rec(queuing).queues);
        handSize = int(rec(queuing).handSize);
        queueLengthLimit = int(rec(queuing).queueLengthLimit);
      }
    }
    return { cells: [name(o), str(spec.type), shares, queues, handSize, queueLengthLimit, age(o, nowMs)] };
  },
};
