import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { makeValidator, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  availabilityReadPermission,
  availabilityRefreshPermission,
  LEVELS,
} from '@availability-backstage/plugin-availability-common';
import express, { Request } from 'express';
import { z } from 'zod';
import { createOpenApiRouter } from '../schema/openapi';
import { AvailabilityService } from './AvailabilityService';
import { requirePermission as requireCallerPermission } from './requirePermission';

const YAML_TYPES = [
  'text/yaml',
  'application/yaml',
  'application/x-yaml',
  'text/x-yaml',
  'text/plain',
];

/** A query parameter given once, repeated, or comma-separated. */
const list = z
  .union([z.string(), z.array(z.string())])
  .transform(value =>
    [value]
      .flat()
      .flatMap(v => v.split(','))
      .map(v => v.trim())
      .filter(Boolean),
  )
  .optional();

const levelList = list.pipe(z.array(z.enum(LEVELS)).optional());

/** Most entity refs one request may name: a page of a catalog table. */
const MAX_ENTITY_REFS = 500;

const filterSchema = z
  .object({
    entityRef: list.pipe(
      z
        .array(z.string().max(600))
        .max(MAX_ENTITY_REFS, `at most ${MAX_ENTITY_REFS} entity refs`)
        .optional(),
    ),
    owner: list,
    system: list,
    kind: list,
    lifecycle: list,
    level: levelList,
    failingCheck: list,
    text: z.string().max(200).optional(),
  })
  .strict();

const reportsQuerySchema = filterSchema
  .extend({
    orderBy: z.enum(['level', 'score', 'name']).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
    cursor: z.string().min(1).max(2000).optional(),
  })
  .strict();

const exemptionsQuerySchema = filterSchema
  .extend({
    horizonDays: z.coerce.number().int().min(1).max(36500).optional(),
  })
  .strict();

const clusterParamsSchema = z.object({
  cluster: z.string().min(1).max(255),
});

// The catalog's own rules for the parts of an entity ref (those of its
// default field format policy), so that a ref the catalog could never hold
// is a 400 here rather than an error from the ref parser further down.
const validators = makeValidator();
const entityParamsSchema = z.object({
  kind: z
    .string()
    .refine(v => validators.isValidKind(v), 'not a valid entity kind'),
  namespace: z
    .string()
    .refine(v => validators.isValidNamespace(v), 'not a valid namespace'),
  name: z
    .string()
    .refine(v => validators.isValidEntityName(v), 'not a valid entity name'),
});

function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .map(i => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
      .join('; ');
    throw new InputError(`Invalid ${what}: ${issues}`);
  }
  return result.data;
}

/**
 * Options of {@link createRouter}.
 *
 * @public
 */
export interface RouterOptions {
  service: AvailabilityService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** Largest body `POST /evaluate` accepts, in bytes or as `4mb`. */
  evaluateMaxBodySize: string | number;
}

/**
 * The plugin's REST API, typed and its requests validated by the OpenAPI spec
 * (`src/schema/openapi.yaml`, the one description of the API).
 *
 * @public
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { service, httpAuth, permissions } = options;
  const router = await createOpenApiRouter({
    // In place of the default JSON body parser: bodies are read per route.
    // /evaluate authenticates before reading one, up to its configured size,
    // and validates what it reads itself (YAML, JSON objects or Lists).
    middleware: [readNoBody],
    validatorOptions: { ignorePaths: /\/evaluate$/ },
  });

  async function requirePermission(
    req: Request<any, any, any, any>,
    permission: BasicPermission,
  ) {
    const credentials = await httpAuth.credentials(req);
    await requireCallerPermission({ permissions, permission, credentials });
    return credentials;
  }

  const entityRef = (req: Request<any, any, any, any>) =>
    stringifyEntityRef(parse(entityParamsSchema, req.params, 'entity ref'));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await requirePermission(
      req,
      availabilityReadPermission,
    );
    res.json(await service.getEntityReport(entityRef(req), { credentials }));
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await requirePermission(
      req,
      availabilityRefreshPermission,
    );
    res.json(await service.refreshEntity(entityRef(req), { credentials }));
  });

  router.get('/refresh', async (req, res) => {
    await requirePermission(req, availabilityReadPermission);
    res.json(await service.getRefreshStatus());
  });

  router.post('/refresh', async (req, res) => {
    await requirePermission(req, availabilityRefreshPermission);
    await service.startRefresh();
    res.status(202).json(await service.getRefreshStatus());
  });

  router.get('/reports', async (req, res) => {
    const credentials = await requirePermission(
      req,
      availabilityReadPermission,
    );
    const query = parse(reportsQuerySchema, req.query, 'query');
    res.json(await service.listReports(query, { credentials }));
  });

  router.get('/summary', async (req, res) => {
    const credentials = await requirePermission(
      req,
      availabilityReadPermission,
    );
    const filter = parse(filterSchema, req.query, 'query');
    res.json(await service.getSummary(filter, { credentials }));
  });

  router.get('/entities/:kind/:namespace/:name/objects', async (req, res) => {
    const credentials = await requirePermission(
      req,
      availabilityReadPermission,
    );
    const stored = await service.getEntityObjects(entityRef(req), {
      credentials,
    });
    // Kubernetes objects and the engine's config are free-form in the spec:
    // spread into plain objects, which the generated types accept.
    res.json({
      entityRef: stored.entityRef,
      objects: stored.objects.map(o => ({ ...o, object: { ...o.object } })),
      config: { ...stored.config },
    });
  });

  router.get('/clusters', async (req, res) => {
    const credentials = await requirePermission(
      req,
      availabilityReadPermission,
    );
    res.json(await service.listClusters({ credentials }));
  });

  router.get('/clusters/:cluster/failure-domains', async (req, res) => {
    const credentials = await requirePermission(
      req,
      availabilityReadPermission,
    );
    const { cluster } = parse(clusterParamsSchema, req.params, 'cluster');
    res.json(await service.getFailureDomains(cluster, { credentials }));
  });

  router.get('/exemptions', async (req, res) => {
    const credentials = await requirePermission(
      req,
      availabilityReadPermission,
    );
    const { horizonDays, ...filter } = parse(
      exemptionsQuerySchema,
      req.query,
      'query',
    );
    res.json(
      await service.listExemptions(filter, { horizonDays, credentials }),
    );
  });

  router.get('/facets', async (req, res) => {
    const credentials = await requirePermission(
      req,
      availabilityReadPermission,
    );
    const filter = parse(filterSchema, req.query, 'query');
    res.json(await service.getFacets(filter, { credentials }));
  });

  router.get('/checks', async (req, res) => {
    await requirePermission(req, availabilityReadPermission);
    res.json(service.getChecks());
  });

  router.post(
    '/evaluate',
    async (req, _res, next) => {
      // Authenticate before reading a possibly large body.
      await requirePermission(req, availabilityReadPermission);
      next();
    },
    express.text({ type: YAML_TYPES, limit: options.evaluateMaxBodySize }),
    express.json({
      type: ['application/json', 'application/*+json'],
      limit: options.evaluateMaxBodySize,
    }),
    async (req, res) => {
      res.json(service.evaluateManifests(manifestsText(req), 'request'));
    },
  );

  // A path under the plugin that no route takes still says what was wrong.
  router.use((req: Request) => {
    throw new NotFoundError(`No route ${req.method} ${req.path}`);
  });

  // Body parser failures carry their own 4xx status (413, 415); malformed
  // JSON becomes an InputError like every other bad input.
  router.use(
    (
      error: any,
      _req: Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => {
      if (error?.type === 'entity.parse.failed') {
        next(new InputError(`Malformed JSON body: ${error.message}`));
        return;
      }
      next(error);
    },
  );

  return router;
}

function readNoBody(
  _req: Request,
  _res: express.Response,
  next: express.NextFunction,
) {
  next();
}

function manifestsText(req: Request): string {
  const body: unknown = req.body;
  let text: string | undefined;
  if (typeof body === 'string') {
    text = body;
  } else if (Array.isArray(body)) {
    text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: body });
  } else if (body && typeof body === 'object' && Object.keys(body).length) {
    if ('manifests' in body) {
      const manifests = (body as { manifests: unknown }).manifests;
      if (typeof manifests !== 'string') {
        throw new InputError('"manifests" must be a string of YAML or JSON');
      }
      text = manifests;
    } else {
      text = JSON.stringify(body);
    }
  }
  if (text === undefined) {
    throw new InputError(
      `Send manifests as ${YAML_TYPES.join(
        ', ',
      )} or application/json ({"manifests": "..."} or Kubernetes objects)`,
    );
  }
  if (!text.trim()) {
    throw new InputError('The request holds no manifests');
  }
  return text;
}
