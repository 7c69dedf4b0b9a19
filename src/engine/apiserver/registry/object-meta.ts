/** Validation of metadata every object shares. */
import type { KubeObject } from '../../api/meta';
import { invalid, required, type FieldError } from '../field-errors';

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const SUBDOMAIN_MESSAGE = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** metadata.name must be a DNS-1123 subdomain (the default name rule). */
export function validateObjectMeta(object: KubeObject): FieldError[] {
  const name = object.metadata.name;
  if (typeof name !== 'string' || name === '') return [required('metadata.name', 'name or generateName is required')];
  const problems: FieldError[] = [];
  if (name.length > 253) problems.push(invalid('metadata.name', name, 'must be no more than 253 characters'));
  if (!SUBDOMAIN.test(name)) problems.push(invalid('metadata.name', name, SUBDOMAIN_MESSAGE));
  return problems;
}


/** RBAC objects (and a few others) only need a valid path segment as name (`system:kube-scheduler` is fine). */
export function validatePathSegmentName(object: KubeObject): FieldError[] {
  const name = object.metadata.name;
  if (typeof name !== 'string' || name === '') return [required('metadata.name', 'name or generateName is required')];
  if (name === '.' || name === '..') return [invalid('metadata.name', name, `may not be '${name}'`)];
  for (const bad of ['/', '%']) if (name.includes(bad)) return [invalid('metadata.name', name, `may not contain '${bad}'`)];
  return [];
}
