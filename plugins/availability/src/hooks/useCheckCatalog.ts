import { CheckInfo } from '@availability-backstage/plugin-availability-common';
import { useApi } from '@backstage/core-plugin-api';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { availabilityApiRef } from '../api';

/**
 * The check catalog by id. Titles are a nicety: while it loads, or if it
 * fails, callers fall back to the check id.
 */
export function useCheckCatalog(): Map<string, CheckInfo> {
  const api = useApi(availabilityApiRef);
  const { value } = useAsync(() => api.getChecks(), [api]);
  return useMemo(
    () => new Map((value ?? []).map(check => [check.id, check])),
    [value],
  );
}
