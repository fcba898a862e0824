/*
 * The contract's fixed vocabularies, declared once for every package: the
 * backend, the frontend, the CLI and the scaffolder action import them from
 * here rather than spelling them out.
 */
import type { CheckStatus, Level, Severity } from './types';

/**
 * The levels, best first.
 *
 * @public
 */
export const LEVELS = [
  'gold',
  'silver',
  'bronze',
  'none',
] as const satisfies readonly Level[];

/**
 * The severities, most severe first.
 *
 * @public
 */
export const SEVERITIES = [
  'critical',
  'high',
  'medium',
  'low',
] as const satisfies readonly Severity[];

/**
 * The statuses a check result can have.
 *
 * @public
 */
export const CHECK_STATUSES = [
  'pass',
  'fail',
  'exempt',
  'not-applicable',
  'unknown',
] as const satisfies readonly CheckStatus[];

/**
 * The entity annotations that tie a catalog entity to Kubernetes objects, as
 * the Kubernetes plugin reads them; availability reports are built from the
 * objects they name.
 *
 * @public
 */
export const KUBERNETES_ANNOTATIONS = [
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
] as const;

/**
 * Whether entity annotations name Kubernetes objects (a non-empty value for
 * one of {@link KUBERNETES_ANNOTATIONS}).
 *
 * @public
 */
export function hasKubernetesAnnotations(
  annotations: Record<string, string> | undefined,
): boolean {
  return KUBERNETES_ANNOTATIONS.some(annotation =>
    Boolean(annotations?.[annotation]),
  );
}
