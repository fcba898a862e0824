import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { AvailabilityService } from './AvailabilityService';

/**
 * The id of the scheduled refresh of every entity.
 *
 * @internal
 */
export const REFRESH_TASK_ID = 'availability-refresh';

/**
 * Schedules the refresh of every entity, once across all backend instances
 * (a global task: the scheduler's lock in the shared database picks one).
 */
export async function scheduleRefreshTask(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  service: AvailabilityService;
  logger: LoggerService;
}): Promise<void> {
  const { scheduler, schedule, service, logger } = options;
  await scheduler.scheduleTask({
    id: REFRESH_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async signal => {
      try {
        await service.refreshAll({ signal });
      } catch (error) {
        // A failed pass (e.g. the catalog is down) waits for the next one.
        logger.error('Availability refresh failed', error as Error);
      }
    },
  });
}
