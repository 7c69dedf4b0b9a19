/**
 * Server-side field validation (the `fieldValidation` query parameter of create, update and patch):
 * `Strict` fails a request whose body has fields its kind does not have, `Warn` (the default when a
 * client sends none) answers with one `Warning` header per field, `Ignore` says nothing. Whatever
 * the directive, unknown fields never reach storage (decoding into Go types drops them).
 * Source: k8s.io/apiserver pkg/endpoints/handlers (create.go, update.go, patch.go, rest.go).
 */
import type { ApiResponse } from '../types';
import { goQuote } from '../api/go-quote';
import { pruneUnknownFields } from '../api/schema/known-fields';

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

/** rest.go fieldValidation(): an empty directive means Warn. */
export function fieldValidationOf(query: Record<string, string>): FieldValidation {
  const v = query.fieldValidation ?? '';
  return v === 'Ignore' || v === 'Strict' ? v : 'Warn';
}

/** runtime.NewStrictDecodingError: `strict decoding error: unknown field "a", unknown field "b"`. */
export function strictDecodingError(paths: readonly string[]): string {
  return `strict decoding error: ${paths.map((p) => `unknown field ${goQuote(p)}`).join(', ')}`;
}

export interface DecodedFields {
  /** Paths of the fields the body had and its kind does not (already removed from the body). */
  unknown: string[];
  /** The Warning headers the response carries (Warn only). */
  warnings: string[];
  /** True when the request must fail (Strict with unknown fields). */
  fails: boolean;
}

/** Drops the unknown fields of `body` (in place) and says what the directive makes of them. */
export function decodeFields(apiVersion: string, kind: string, body: Record<string, unknown>, query: Record<string, string>): DecodedFields {
  const unknown = pruneUnknownFields(apiVersion, kind, body);
  const directive = fieldValidationOf(query);
  return {
    unknown,
    warnings: directive === 'Warn' ? unknown.map((p) => `unknown field ${goQuote(p)}`) : [],
    fails: directive === 'Strict' && unknown.length > 0,
  };
}

/** The response with the decoder's warnings ahead of any the handler added. */
export function withWarnings(response: ApiResponse, warnings: readonly string[]): ApiResponse {
  if (warnings.length === 0) return response;
  return { ...response, warnings: [...warnings, ...(response.warnings ?? [])] };
}
