import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject, JsonValue } from '@backstage/types';
import { createTemplateRenderer, type TemplateValue } from 'nunjitsu';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

/** The templates shipped in this package. */
export const TEMPLATES_DIR = path.resolve(__dirname, '../../templates');

export const TEMPLATE_NAMES = ['ha-node-service', 'ha-stateful-service'];

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({ integrations: { github: [{ host: 'github.com' }] } }),
);

interface TemplateStep {
  id: string;
  action: string;
  input?: JsonObject;
}

interface TemplateEntity {
  spec: {
    parameters: Array<{ properties?: Record<string, { default?: JsonValue }> }>;
    steps: TemplateStep[];
  };
}

/**
 * A template's file. The templates sit in TEMPLATES_DIR itself, beside the
 * `_shared` skeleton they fetch: a template read from a file location may
 * only fetch from its own directory and below.
 */
export function templatePath(name: string): string {
  return path.join(TEMPLATES_DIR, `${name}.yaml`);
}

export function readTemplate(name: string): TemplateEntity {
  return parse(fs.readFileSync(templatePath(name), 'utf8'));
}

/** The form's defaults under the given values, as the scaffolder UI sends them. */
export function withDefaults(
  template: TemplateEntity,
  parameters: JsonObject,
): JsonObject {
  const result: JsonObject = {};
  for (const page of template.spec.parameters) {
    for (const [key, property] of Object.entries(page.properties ?? {})) {
      if (property.default !== undefined) {
        result[key] = property.default;
      }
    }
  }
  return { ...result, ...parameters };
}

/**
 * Renders a step's input the way the scaffolder does: each string through
 * nunjitsu with `parameters` in scope and JSON value coercion, so
 * `${{ parameters.replicas }}` stays a number. Only the `parseRepoUrl` filter
 * is provided; a template that needs another one fails here loudly.
 */
function renderInput(input: JsonValue, parameters: JsonObject): JsonValue {
  const renderer = createTemplateRenderer({
    filters: {
      parseRepoUrl: (url: TemplateValue | undefined) =>
        parseRepoUrl(String(url), integrations) as unknown as TemplateValue,
    },
  });
  const context = renderer.prepareContext({
    parameters: parameters as TemplateValue,
  });
  const walk = (value: JsonValue): JsonValue => {
    if (typeof value === 'string') {
      return (renderer.renderValue(value, context, { coercion: 'json' }) ??
        null) as JsonValue;
    }
    if (Array.isArray(value)) {
      return value.map(walk);
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, walk(v as JsonValue)]),
      );
    }
    return value;
  };
  return walk(input);
}

/**
 * Runs a template's `fetch:template` steps in order with the real action into
 * `workspacePath`, reading the skeletons from disk through the template's
 * `file://` location, and returns the template's `availability:validate`
 * step input rendered with the same parameters.
 */
export async function renderTemplate(options: {
  name: string;
  parameters: JsonObject;
  workspacePath: string;
}): Promise<{ validateInput: JsonObject }> {
  const template = readTemplate(options.name);
  const parameters = withDefaults(template, options.parameters);
  const fetchSteps = template.spec.steps.filter(
    s => s.action === 'fetch:template',
  );
  const validateStep = template.spec.steps.find(
    s => s.action === 'availability:validate',
  );
  if (fetchSteps.length === 0 || !validateStep) {
    throw new Error(
      `${options.name} needs a fetch:template and an availability:validate step`,
    );
  }

  const action = createFetchTemplateAction({
    reader: mockServices.urlReader.mock(),
    integrations,
  });
  // The mock hands out the workspace itself as temporary directory; the
  // action would then copy the skeleton into the workspace.
  const scratch: string[] = [];
  try {
    for (const step of fetchSteps) {
      const ctx = createMockActionContext({
        input: renderInput(step.input ?? {}, parameters) as any,
        workspacePath: options.workspacePath,
        templateInfo: {
          entityRef: `template:default/${options.name}`,
          baseUrl: `file://${templatePath(options.name)}`,
        },
      });
      ctx.createTemporaryDirectory = async () => {
        const dir = await fs.promises.mkdtemp(
          path.join(os.tmpdir(), 'availability-template-'),
        );
        scratch.push(dir);
        return dir;
      };
      await action.handler(ctx);
    }
  } finally {
    for (const dir of scratch) {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }
  return {
    validateInput: renderInput(
      validateStep.input ?? {},
      parameters,
    ) as JsonObject,
  };
}
