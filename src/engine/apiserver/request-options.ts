/**
 * Validation of the query options of a write (metav1.CreateOptions, UpdateOptions, PatchOptions),
 * which kube-apiserver checks before it reads the body: an unknown `fieldValidation`, a missing
 * `fieldManager` on an apply patch, `force` on any other patch.
 * Source: k8s.io/apimachinery/pkg/apis/meta/v1/validation (ValidateCreateOptions and friends) and
 * the endpoint handlers, which answer `errors.NewInvalid(meta.k8s.io/<Kind>Options, "", errs)`.
 */
import type { StatusObject } from '../api/meta';
import * as errors from './errors';
import { forbidden, invalid, notSupported, required, tooLong, type FieldError } from './field-errors';

/** The values `fieldValidation` may take, sorted as sets.String.List() returns them. */
const FIELD_VALIDATION_VALUES = ['', 'Ignore', 'Strict', 'Warn'] as const;
const FIELD_MANAGER_MAX_LENGTH = 128;

export const APPLY_PATCH = 'application/apply-patch+yaml';

function fieldManagerErrors(manager: string): FieldError[] {
  const problems: FieldError[] = [];
  if (manager.length > FIELD_MANAGER_MAX_LENGTH) problems.push(tooLong('fieldManager', FIELD_MANAGER_MAX_LENGTH));
  [...manager].forEach((ch, i) => {
    // unicode.IsPrint: controls are not printable (the common case of a bad manager name).
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      problems.push(invalid('fieldManager', manager, `invalid character U+${code.toString(16).toUpperCase().padStart(4, '0')} (at position ${i})`));
    }
  });
  return problems;
}

/**
 * The Invalid Status a write's options earn, or undefined when they are fine. `verb` is the
 * request's verb (create, update, patch); `media` the patch's Content-Type without parameters.
 */
export function validateWriteOptions(verb: string, query: Record<string, string>, media: string): StatusObject | undefined {
  const kind = verb === 'create' ? 'CreateOptions' : verb === 'update' ? 'UpdateOptions' : verb === 'patch' ? 'PatchOptions' : undefined;
  if (!kind) return undefined;
  const problems: FieldError[] = [];
  const manager = query.fieldManager ?? '';
  if (verb === 'patch') {
    if (media !== APPLY_PATCH) {
      if (query.force !== undefined) problems.push(forbidden('force', 'may not be specified for non-apply patch'));
    } else if (manager === '') {
      problems.push(required('fieldManager', 'is required for apply patch'));
    }
  }
  problems.push(...fieldManagerErrors(manager));
  const directive = query.fieldValidation ?? '';
  if (!(FIELD_VALIDATION_VALUES as readonly string[]).includes(directive)) problems.push(notSupported('fieldValidation', directive, FIELD_VALIDATION_VALUES));
  return problems.length ? errors.invalid(kind, 'meta.k8s.io', '', problems) : undefined;
}
