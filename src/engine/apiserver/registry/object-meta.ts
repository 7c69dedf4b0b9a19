/** Validation of metadata every object shares. */
import type { KubeObject } from '../../api/meta';
import { invalid, required, tooLong, type FieldError } from '../field-errors';
import { utf8Length } from '../../api/base64';

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const SUBDOMAIN_MESSAGE = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const QUALIFIED_NAME_FORMAT = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MESSAGE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
/** The most all annotations of one object may hold together (TotalAnnotationSizeLimitB). */
const ANNOTATIONS_LIMIT_BYTES = 256 * 1024;


/** Problems with a qualified name (`[prefix/]name`), in apimachinery's words (IsQualifiedName). */
export function qualifiedNameProblems(value: string): string[] {
  const parts = value.split('/');
  const problems: string[] = [];
  let name: string;
  if (parts.length === 1) name = parts[0] as string;
  else if (parts.length === 2) {
    const prefix = parts[0] as string;
    name = parts[1] as string;
    if (prefix.length === 0) problems.push('prefix part must be non-empty');
    else {
      if (prefix.length > 253) problems.push('prefix part must be no more than 253 characters');
      if (!SUBDOMAIN.test(prefix)) problems.push(`prefix part ${SUBDOMAIN_MESSAGE}`);
    }
  } else {
    return [`a qualified name ${QUALIFIED_NAME_FORMAT} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) problems.push('name part must be non-empty');
  else if (name.length > 63) problems.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME.test(name)) problems.push(`name part ${QUALIFIED_NAME_FORMAT}`);
  return problems;
}

export function labelValueProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 63) problems.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) problems.push(LABEL_VALUE_MESSAGE);
  return problems;
}

/**
 * Labels, annotations and finalizers (ValidateObjectMeta's checks after the name). Go walks maps in
 * random order; keys are sorted here so the message is stable.
 */
export function validateMetadataMaps(object: KubeObject): FieldError[] {
  const problems: FieldError[] = [];
  const labels = object.metadata.labels ?? {};
  for (const key of Object.keys(labels).sort()) {
    for (const msg of qualifiedNameProblems(key)) problems.push(invalid('metadata.labels', key, msg));
    for (const msg of labelValueProblems(String(labels[key]))) problems.push(invalid('metadata.labels', labels[key], msg));
  }
  const annotations = object.metadata.annotations ?? {};
  let size = 0;
  for (const key of Object.keys(annotations).sort()) {
    // Annotation keys follow the qualified-name rule, except that case does not matter.
    for (const msg of qualifiedNameProblems(key.toLowerCase())) problems.push(invalid('metadata.annotations', key, msg));
    size += utf8Length(key) + utf8Length(String(annotations[key]));
  }
  if (size > ANNOTATIONS_LIMIT_BYTES) problems.push(tooLong('metadata.annotations', ANNOTATIONS_LIMIT_BYTES));
  (object.metadata.finalizers ?? []).forEach((finalizer, i) => {
    for (const msg of qualifiedNameProblems(String(finalizer))) problems.push(invalid(`metadata.finalizers[${i}]`, finalizer, msg));
  });
  return problems;
}

/** metadata.name must be a DNS-1123 subdomain (the default name rule), then the shared metadata rules. */
export function validateObjectMeta(object: KubeObject): FieldError[] {
  const name = object.metadata.name;
  if (typeof name !== 'string' || name === '') return [required('metadata.name', 'name or generateName is required')];
  const problems: FieldError[] = [];
  if (name.length > 253) problems.push(invalid('metadata.name', name, 'must be no more than 253 characters'));
  if (!SUBDOMAIN.test(name)) problems.push(invalid('metadata.name', name, SUBDOMAIN_MESSAGE));
  return [...problems, ...validateMetadataMaps(object)];
}


/** RBAC objects (and a few others) only need a valid path segment as name (`system:kube-scheduler` is fine). */
export function validatePathSegmentName(object: KubeObject): FieldError[] {
  const name = object.metadata.name;
  if (typeof name !== 'string' || name === '') return [required('metadata.name', 'name or generateName is required')];
  if (name === '.' || name === '..') return [invalid('metadata.name', name, `may not be '${name}'`)];
  for (const bad of ['/', '%']) if (name.includes(bad)) return [invalid('metadata.name', name, `may not contain '${bad}'`)];
  return validateMetadataMaps(object);
}
