import { EntityReportSummary } from '@availability-backstage/plugin-availability-common';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { availabilityApiRef } from '../api';
import { reportSummaryBatcher } from './reportSummaryBatcher';

/**
 * What {@link useEntityAvailability} gives.
 *
 * @public
 */
export interface EntityAvailabilityState {
  loading: boolean;
  error?: Error;
  /**
   * Score, level, failing check ids and staleness of the entity's latest
   * report; null when the entity has no report (never refreshed, or no
   * refresh has succeeded).
   */
  summary?: EntityReportSummary | null;
}

/**
 * The availability verdict of an entity, for lists and tables: every call
 * made in the same render (one per row of a table page) shares one request
 * to the backend.
 *
 * @public
 */
export function useEntityAvailability(
  entityRef: string | CompoundEntityRef,
): EntityAvailabilityState {
  const api = useApi(availabilityApiRef);
  // The backend lower-cases refs; kind defaults to component as in the catalog.
  const ref = stringifyEntityRef(
    typeof entityRef === 'string'
      ? parseEntityRef(entityRef, {
          defaultKind: 'component',
          defaultNamespace: 'default',
        })
      : entityRef,
  ).toLocaleLowerCase('en-US');
  const { loading, error, value } = useAsync(
    () => reportSummaryBatcher(api).load(ref),
    [api, ref],
  );
  return { loading, error, summary: value };
}
