/** Taints and tolerations (k8s.io/api/core/v1 helpers): does a toleration tolerate a taint? */
import { isRecord, text } from './meta';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export function readTaints(value: unknown): Taint[] {
  return Array.isArray(value) ? value.filter(isRecord).map((t) => ({ key: text(t.key), value: text(t.value) || undefined, effect: text(t.effect) })) : [];
}

export function readTolerations(value: unknown): Toleration[] {
  return Array.isArray(value)
    ? value.filter(isRecord).map((t) => ({
        key: text(t.key) || undefined,
        operator: text(t.operator) || undefined,
        value: text(t.value) || undefined,
        effect: text(t.effect) || undefined,
        tolerationSeconds: typeof t.tolerationSeconds === 'number' ? t.tolerationSeconds : undefined,
      }))
    : [];
}

/** Toleration.ToleratesTaint: an empty effect matches every effect, an empty key with Exists every key. */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  const operator = toleration.operator ?? 'Equal';
  if (operator === 'Exists') return true;
  if (operator === 'Equal') return (toleration.value ?? '') === (taint.value ?? '');
  return false;
}

export function toleratedByAny(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => tolerates(t, taint));
}
