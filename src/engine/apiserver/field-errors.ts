/**
 * Field validation errors (k8s.io/apimachinery/pkg/util/validation/field): each renders exactly as
 * the API server puts it in a 422 Invalid message, e.g. `spec.containers[0].image: Required value`.
 */

import { goQuote } from '../api/go-quote';

export const FieldErrorType = {
  Required: 'FieldValueRequired',
  Invalid: 'FieldValueInvalid',
  NotSupported: 'FieldValueNotSupported',
  Duplicate: 'FieldValueDuplicate',
  Forbidden: 'FieldValueForbidden',
  TooLong: 'FieldValueTooLong',
  TooMany: 'FieldValueTooMany',
  NotFound: 'FieldValueNotFound',
} as const;
export type FieldErrorTypeName = (typeof FieldErrorType)[keyof typeof FieldErrorType];

export interface FieldError {
  type: FieldErrorTypeName;
  /** Dotted path with indexes and keys: `spec.containers[0].ports[1].containerPort`, `metadata.labels[app]`. */
  field: string;
  /** The offending value, rendered in the message for Invalid/NotSupported/Duplicate. */
  value?: unknown;
  /** The value already rendered as Go prints it (e.g. `map[string]string{"app":"web"}`), used instead of `value`. */
  renderedValue?: string;
  detail?: string;
}

const TYPE_TEXT: Record<FieldErrorTypeName, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueNotFound: 'Not found',
};

/** Go's %#v-like rendering used by field.Error for values: strings quoted (as %q does), numbers bare. */
export function renderFieldValue(value: unknown): string {
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}

/** `field: Type[: value][: detail]` as apimachinery formats it. */
export function formatFieldError(error: FieldError): string {
  const head = `${error.field}: ${TYPE_TEXT[error.type]}`;
  switch (error.type) {
    case 'FieldValueRequired':
    case 'FieldValueForbidden':
    case 'FieldValueTooLong':
    case 'FieldValueTooMany':
      return error.detail ? `${head}: ${error.detail}` : head;
    default: {
      const shown = error.renderedValue ?? renderFieldValue(error.value);
      const withValue = error.value === undefined && error.renderedValue === undefined && error.type === 'FieldValueNotFound' ? head : `${head}: ${shown}`;
      return error.detail ? `${withValue}: ${error.detail}` : withValue;
    }
  }
}

export const required = (field: string, detail?: string): FieldError => ({ type: FieldErrorType.Required, field, detail });
export const invalid = (field: string, value: unknown, detail?: string): FieldError => ({ type: FieldErrorType.Invalid, field, value, detail });
export const notSupported = (field: string, value: unknown, supported: readonly string[]): FieldError => ({
  type: FieldErrorType.NotSupported,
  field,
  value,
  detail: supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : undefined,
});
export const duplicate = (field: string, value: unknown): FieldError => ({ type: FieldErrorType.Duplicate, field, value });
export const forbidden = (field: string, detail: string): FieldError => ({ type: FieldErrorType.Forbidden, field, detail });
export const tooLong = (field: string, max: number): FieldError => ({ type: FieldErrorType.TooLong, field, detail: `may not be more than ${max} bytes` });
