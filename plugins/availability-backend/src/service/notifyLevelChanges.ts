import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  AvailabilityReport,
  Level,
  LEVELS,
} from '@availability-backstage/plugin-availability-common';
import { failingChecksWorstFirst } from './failingChecks';

/** The topic of every availability notification; users mute it as one. */
export const NOTIFICATION_TOPIC = 'availability';

/**
 * When to notify an entity's owners.
 *
 * @public
 */
export interface LevelChangeNotificationsConfig {
  /** Off unless turned on; the plugin creates no notifier while off. */
  enabled: boolean;
  /** Levels the entity must fall by (1: gold to silver) to notify. */
  minLevelDrop: number;
  /** After a notification about an entity, its further changes are not notified for this long. */
  quietPeriodMs: number;
}

/** One refresh's outcome as the notifier needs it. */
export interface ReportChange {
  entityRef: string;
  /** The title (or name) shown in the notification. */
  entityTitle: string;
  /** The report before this refresh; null when the entity had none. */
  previous: AvailabilityReport | null;
  current: AvailabilityReport;
}

const rank = (level: Level | null | undefined) =>
  level ? LEVELS.indexOf(level) : -1;

const newCriticalFailures = (change: ReportChange) => {
  const critical = (report: AvailabilityReport | null) =>
    new Set(
      report
        ? failingChecksWorstFirst(report)
            .filter(f => f.severity === 'critical')
            .map(f => f.check)
        : [],
    );
  const before = critical(change.previous);
  return [...critical(change.current)].filter(id => !before.has(id)).sort();
};

function entityTabLink(entityRef: string) {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/availability`;
}

/**
 * Tells an entity's owners when its availability got worse: its level fell
 * by at least the configured number of levels, or a critical check started
 * failing. Called after each successful refresh with the report before and
 * after it, so a change is told once, not on every refresh that still shows
 * it; a first report is no change.
 *
 * @public
 */
export class LevelChangeNotifier {
  readonly #notifications: NotificationService;
  readonly #config: LevelChangeNotificationsConfig;
  readonly #logger: LoggerService;
  readonly #now: () => number;
  /** When each entity was last notified, for the quiet period (per backend instance). */
  readonly #lastSent = new Map<string, number>();

  static create(options: {
    notifications: NotificationService;
    config: LevelChangeNotificationsConfig;
    logger: LoggerService;
    now?: () => number;
  }): LevelChangeNotifier {
    return new LevelChangeNotifier(options);
  }

  private constructor(options: {
    notifications: NotificationService;
    config: LevelChangeNotificationsConfig;
    logger: LoggerService;
    now?: () => number;
  }) {
    this.#notifications = options.notifications;
    this.#config = options.config;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
  }

  /** Sends at most one notification about the change; never throws. */
  async notifyLevelChanges(change: ReportChange): Promise<void> {
    const { previous, current, entityRef } = change;
    if (!previous) {
      return;
    }
    const drop = rank(current.level) - rank(previous.level);
    const levelDropped =
      rank(previous.level) >= 0 && drop >= this.#config.minLevelDrop;
    const critical = newCriticalFailures(change);
    if (!levelDropped && !critical.length) {
      return;
    }
    const now = this.#now();
    const last = this.#lastSent.get(entityRef);
    if (last !== undefined && now - last < this.#config.quietPeriodMs) {
      this.#logger.info(
        `Availability of ${entityRef} got worse; not notified within the quiet period`,
      );
      return;
    }

    const [top] = failingChecksWorstFirst(current);
    const what = levelDropped
      ? `dropped from ${previous.level} to ${current.level}`
      : `critical check ${critical.join(', ')} started failing`;
    const lines = [
      `Availability level ${previous.level} → ${current.level} (score ${previous.score} → ${current.score}).`,
      ...(critical.length
        ? [`Critical checks now failing: ${critical.join(', ')}.`]
        : []),
      ...(top
        ? [
            `Top failing check: ${top.check} (${top.severity}) on ${top.workload.kind} ${top.workload.namespace}/${top.workload.name}: ${top.message}`,
          ]
        : []),
    ];
    try {
      await this.#notifications.send({
        recipients: { type: 'entity', entityRef },
        payload: {
          title: `${change.entityTitle}: availability ${what}`,
          description: lines.join('\n'),
          link: entityTabLink(entityRef),
          severity: critical.length ? 'critical' : 'high',
          topic: NOTIFICATION_TOPIC,
          // One notification per entity and change: the same change told
          // again updates it instead of adding another.
          scope: `availability:${entityRef}:${previous.level}->${
            current.level
          }:${critical.join(',')}`,
        },
      });
      this.#lastSent.set(entityRef, now);
    } catch (error) {
      this.#logger.warn(
        `Could not notify the owners of ${entityRef} about its availability: ${error}`,
      );
    }
  }
}
