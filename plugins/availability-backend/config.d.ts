import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the availability plugin. */
  availability?: {
    /**
     * Per-check overrides, keyed by check id.
     */
    checks?: {
      [checkId: string]: {
        /** Set false to turn the check off. */
        enabled?: boolean;
        /** Overrides the check's default severity. */
        severity?: 'critical' | 'high' | 'medium' | 'low';
      };
    };
    /** Tunable thresholds of the checks. */
    thresholds?: {
      /** Replicas `replicas-min` requires; default 2. */
      minReplicas?: number;
      /** Restarts at which `runtime-restarts` fails; default 5. */
      maxRestarts?: number;
    };
    /** Platform-wide waivers. A fresh install waives only `kube-system`. */
    exemptions?: Array<{
      namespaces?: string[];
      /** Globs on the object's name. */
      names?: string[];
      checks?: string[];
      reason: string;
      /** ISO date, inclusive. */
      until?: string;
    }>;
    /**
     * Where objects come from. `cluster` (the default) lists each object type
     * once per cluster and pass through the kubernetes backend's proxy and
     * groups the objects by entity; `entity` asks the kubernetes backend for
     * each entity's objects, two requests per entity and cluster list.
     */
    source?: 'cluster' | 'entity';
    /**
     * Deadline of each request to one cluster; a cluster that misses it is
     * an error for itself alone. Default 20 seconds.
     */
    clusterTimeout?: HumanDuration | string;
    /** When the refresh of every entity runs; default every 30 minutes. */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    refresh?: {
      /** Entities refreshed at once; default 4. */
      concurrency?: number;
      /** Timeout of one request to the kubernetes backend with `source: entity`; default 30 seconds. */
      requestTimeout?: HumanDuration | string;
      /**
       * How long refreshes started through the API reuse a cluster's Node
       * list (zones); default 5 minutes, 0 to list Nodes on every refresh.
       * A scheduled pass always lists each cluster's Nodes once.
       */
      nodeCacheTtl?: HumanDuration | string;
    };
    history?: {
      /** History points kept per entity; default 365. */
      maxPoints?: number;
    };
    ledger?: {
      /** Exemptions that run longer than this many days, or never expire, are flagged in the exemption ledger; default 365. */
      horizonDays?: number;
    };
    evaluate?: {
      /** Largest body `POST /evaluate` accepts; default 4mb. */
      maxBodySize?: string | number;
    };
    /**
     * Notifications to an entity's owners when its level drops or a critical
     * check starts failing; needs the notifications backend.
     */
    notifications?: {
      /** Default false. */
      enabled?: boolean;
      /** Levels the entity must fall by to notify: 1 (default) tells gold to silver, 2 only gold to bronze or worse. */
      minLevelDrop?: number;
      /** After a notification about an entity, its further changes go untold for this long; default 1 hour. */
      quietPeriod?: HumanDuration | string;
    };
  };
}
