/*
 * The reads part's permission policy: the test backend's default decision
 * for everyone but team members, who may read their team's entities only.
 */
import {
  coreServices,
  createServiceFactory,
  type BackstageCredentials,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';

/** A user of the owner-only policy: `user:default/<team>.member-<anything>`. */
const TEAM_MEMBER = /^user:default\/(team-\d+)\.member-/;

function teamOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef?.match(TEAM_MEMBER)?.[1];
}

/**
 * The suite's permission policy, in process: the test backend's default
 * decision (allow) for every request, except that a team member (see
 * TEAM_MEMBER) may read only the catalog entities their team owns: a
 * conditional decision on the catalog's own isEntityOwner rule, which the
 * catalog turns into a query filter as it does for a policy served by the
 * permission backend.
 */
export const ownerOnlyPermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory(): PermissionsService {
    const allow = mockServices.permissions();
    const isCatalogRead = (name: string) => name === 'catalog.entity.read';
    return {
      async authorize(requests, options) {
        if (
          teamOf(options.credentials) &&
          requests.some(r => isCatalogRead(r.permission.name))
        ) {
          // Nothing in the suite asks this: fail loudly rather than guess.
          throw new Error(
            'the owner-only policy answers catalog reads conditionally only',
          );
        }
        return allow.authorize(requests, options);
      },
      async authorizeConditional(queries, options) {
        const team = teamOf(options.credentials);
        const decisions = await allow.authorizeConditional(queries, options);
        return queries.map((q, i) =>
          team && isCatalogRead(q.permission.name)
            ? createCatalogConditionalDecision(
                q.permission as Parameters<
                  typeof createCatalogConditionalDecision
                >[0],
                catalogConditions.isEntityOwner({
                  claims: [`group:default/${team}`],
                }),
              )
            : decisions[i],
        );
      },
    };
  },
});
