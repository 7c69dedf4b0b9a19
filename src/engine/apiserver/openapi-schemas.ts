/**
 * The component schemas of the `/openapi/v3` group-version documents, built from the Kubernetes
 * v1.34 schema the editor uses (scripts/generate-k8s-schema.mjs, from the v1.34.0 OpenAPI models):
 * each kind with its fields, descriptions and required fields, shaped as the real
 * server writes them (a described reference wraps its `$ref` in `allOf`; quantities and
 * int-or-strings are references), so `kubectl explain` renders them as it renders a real cluster's.
 */
import editorSchema from '../../components/editor/schema/kubernetes-v1.34.json';

interface Node {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Node>;
  additionalProperties?: boolean | Node;
  items?: Node;
  required?: string[];
  $ref?: string;
}

interface EditorSchema {
  allOf: { if: { properties: { apiVersion: { const: string }; kind: { const: string } } }; then: Node }[];
  definitions: Record<string, Node>;
}

const SCHEMA = editorSchema as unknown as EditorSchema;

/** `apps/v1/Deployment` → the model describing it (`V1Deployment`). */
const MODEL_OF_KIND = new Map(SCHEMA.allOf.map((b) => [`${b.if.properties.apiVersion.const}/${b.if.properties.kind.const}`, (b.then.$ref ?? '').replace('#/definitions/', '')]));

const META_MODELS = new Set(['V1ObjectMeta', 'V1ListMeta', 'V1OwnerReference', 'V1ManagedFieldsEntry', 'V1LabelSelector', 'V1LabelSelectorRequirement', 'V1Condition', 'V1Status', 'V1StatusDetails', 'V1StatusCause', 'V1DeleteOptions', 'V1Preconditions', 'V1APIResource', 'V1GroupVersionForDiscovery', 'V1ServerAddressByClientCIDR', 'V1FieldSelectorRequirement']);
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

/** Go packages of the group prefixes client-node gives models (`CoreV1Event`, `ApiextensionsV1...`). */
function packageOf(group: string): string {
  if (group === 'apiextensions') return 'apiextensions-apiserver.pkg.apis.apiextensions';
  if (group === 'apiregistration') return 'kube-aggregator.pkg.apis.apiregistration';
  return `api.${group}`;
}

/**
 * The component name of a model, as the real document names it where it can tell: the type name
 * is always right (explain prints it); a model without a group prefix is put in the package of the
 * document that uses it.
 */
function componentName(model: string, documentPackage: string): string {
  if (META_MODELS.has(model)) return `io.k8s.apimachinery.pkg.apis.meta.v1.${model.slice(2)}`;
  const m = /^([A-Z][a-z]+)?(V\d+(?:alpha\d+|beta\d+)?)(.+)$/.exec(model);
  if (!m) return `${documentPackage}.${model}`;
  const [, group, version = '', name = ''] = m;
  return group ? `io.k8s.${packageOf(group.toLowerCase())}.${version.toLowerCase()}.${name}` : `${documentPackage}.${version.toLowerCase()}.${name}`;
}

class Builder {
  readonly schemas: Record<string, Record<string, unknown>> = {};
  private readonly pending: string[] = [];
  private readonly names = new Map<string, string>();

  constructor(private readonly documentPackage: string) {}

  /** Names a model's component ahead of its first use (a kind's name comes from its paths). */
  name(model: string, component: string): void {
    if (!this.names.has(model)) {
      this.names.set(model, component);
      this.pending.push(model);
    }
  }

  ref(model: string): string {
    let name = this.names.get(model);
    if (!name) {
      name = componentName(model, this.documentPackage);
      this.names.set(model, name);
      this.pending.push(model);
    }
    return `#/components/schemas/${name}`;
  }

  /** A property's schema; `described` puts the description beside it, as the real builder does. */
  property(node: Node, described: boolean): Record<string, unknown> {
    const description = described ? node.description : undefined;
    const withDescription = (schema: Record<string, unknown>) => (description ? { description, ...schema } : schema);
    if (node.$ref) {
      const $ref = this.ref(node.$ref.replace('#/definitions/', ''));
      return description ? { allOf: [{ $ref }], description } : { $ref };
    }
    const types = [node.type ?? []].flat().filter((t) => t !== 'null');
    if (types.length === 2 && types.includes('string') && types.includes('number')) return withDescription({ $ref: this.quantity() });
    if (types.length === 2 && types.includes('string') && types.includes('integer')) return withDescription({ $ref: this.intOrString() });
    if (node.items) return withDescription({ type: 'array', items: this.property(node.items, false) });
    if (typeof node.additionalProperties === 'object') return withDescription({ type: 'object', additionalProperties: this.property(node.additionalProperties, false) });
    return withDescription(types[0] ? { type: types[0] } : {});
  }

  private quantity(): string {
    this.schemas[QUANTITY] ??= { oneOf: [{ type: 'string' }, { type: 'number' }] };
    return `#/components/schemas/${QUANTITY}`;
  }

  private intOrString(): string {
    this.schemas[INT_OR_STRING] ??= { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] };
    return `#/components/schemas/${INT_OR_STRING}`;
  }

  /** Builds every model referenced so far (and what they reference in turn). */
  drain(gvks: Map<string, Record<string, string>[]>): void {
    for (let model = this.pending.shift(); model !== undefined; model = this.pending.shift()) {
      const node = SCHEMA.definitions[model] ?? {};
      const properties = Object.fromEntries(Object.entries(node.properties ?? {}).map(([field, p]) => [field, this.property(p, true)]));
      const gvk = gvks.get(model);
      this.schemas[this.names.get(model) as string] = {
        ...(node.description ? { description: node.description } : {}),
        type: 'object',
        ...(Object.keys(properties).length ? { properties } : {}),
        ...(node.required?.length ? { required: node.required } : {}),
        ...(gvk ? { 'x-kubernetes-group-version-kind': gvk } : {}),
      };
    }
  }
}

export interface DocumentKind {
  group: string;
  version: string;
  kind: string;
  /** The component name the document's paths refer to. */
  component: string;
}

/** The component schemas of one group version's document, keyed by name. */
export function componentSchemas(kinds: readonly DocumentKind[]): Record<string, Record<string, unknown>> {
  const first = kinds[0];
  const documentPackage = first ? first.component.split('.').slice(0, -2).join('.') : 'io.k8s.api';
  const builder = new Builder(documentPackage);
  const gvks = new Map<string, Record<string, string>[]>();
  const fallback: Record<string, Record<string, unknown>> = {};
  for (const k of kinds) {
    const model = MODEL_OF_KIND.get(`${k.group === '' ? '' : `${k.group}/`}${k.version}/${k.kind}`);
    const gvk = [{ group: k.group, kind: k.kind, version: k.version }];
    if (!model) {
      fallback[k.component] = { type: 'object', 'x-kubernetes-group-version-kind': gvk };
      continue;
    }
    gvks.set(model, gvk);
    builder.name(model, k.component);
  }
  builder.drain(gvks);
  return { ...builder.schemas, ...fallback };
}

// Not carried over: `enum` lists and the "Possible enum values" paragraphs of the real document,
// which the client-node models the schema comes from do not have.
