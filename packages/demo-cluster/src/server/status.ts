/**
 * The reasons of the Kubernetes `Status` answers the emulator gives.
 *
 * @internal
 */
export type StatusReason =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'InternalError';

const CODES: Record<StatusReason, number> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  InternalError: 500,
};

/**
 * A `metav1.Status` failure object, the body the API server sends with every
 * error.
 *
 * @internal
 */
export function statusBody(
  reason: StatusReason,
  message: string,
  details?: { name?: string; group?: string; kind?: string },
) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details && { details }),
    code: CODES[reason],
  };
}

/** @internal */
export function statusCodeOf(reason: StatusReason): number {
  return CODES[reason];
}
