import type { z as zod } from 'zod/v3';

/** The zod (v3) that the actions registry hands to schema callbacks. */
export type Zod = typeof zod;

export const levelSchema = (z: Zod) =>
  z.enum(['gold', 'silver', 'bronze', 'none']);

export const failingCheckSchema = (z: Zod) =>
  z.object({
    check: z.string().describe('Check id, e.g. replicas-min'),
    severity: z.enum(['critical', 'high', 'medium', 'low']),
    message: z.string(),
    remediation: z
      .string()
      .nullable()
      .describe('How to fix it, with a YAML snippet where one fits'),
    workload: z.object({
      kind: z.string(),
      namespace: z.string(),
      name: z.string(),
      cluster: z.string().optional(),
    }),
  });
