/*
 * Remediations that are whole objects: applied to a failing fixture, each
 * makes its check pass and fails no check that passed before.
 */
import { parseAllDocuments } from 'yaml';
import { evaluate } from '../engine/evaluate';
import {
  deployment,
  hpa,
  inputs,
  networkPolicy,
  pdb,
  resultOf,
  service,
  type Obj,
} from './__fixtures__/objects';

function snippetObject(remediation: string | null): Obj {
  const yaml = /```yaml\n([\s\S]*?)```/.exec(remediation ?? '')?.[1];
  if (!yaml) {
    throw new Error(`No YAML block in ${remediation}`);
  }
  return parseAllDocuments(yaml)[0].toJS() as Obj;
}

function passing(objects: Obj[]): Set<string> {
  const report = evaluate(inputs(objects));
  return new Set(
    report.workloads.flatMap(w =>
      w.checks
        .filter(c => c.status === 'pass')
        .map(c => `${w.kind}/${w.name} ${c.id}`),
    ),
  );
}

describe('whole-object remediations', () => {
  it.each([
    ['pdb-present', [deployment(), hpa(), networkPolicy(), service()]],
    ['hpa-present', [deployment(), pdb(), networkPolicy(), service()]],
    ['network-policy', [deployment(), hpa(), pdb(), service()]],
    [
      'network-policy',
      [
        deployment({
          'spec.template.spec.containers.0.ports': [
            { containerPort: 8080 },
            { containerPort: 9090, protocol: 'UDP' },
          ],
        }),
        hpa(),
        pdb(),
        service(),
      ],
    ],
  ])('%s: applying the fix passes and breaks nothing', (id, objects) => {
    const failing = resultOf(objects, id);
    expect(failing.status).toBe('fail');
    const fixed = [...objects, snippetObject(failing.remediation)];
    expect(resultOf(fixed, id).status).toBe('pass');
    const before = passing(objects);
    const after = passing(fixed);
    expect([...before].filter(check => !after.has(check))).toEqual([]);
  });

  it('lets the NetworkPolicy admit the declared ports and names the Service', () => {
    const failing = resultOf(
      [deployment(), hpa(), pdb(), service()],
      'network-policy',
    );
    expect(failing.remediation).toContain('Service "api"');
    const policy = snippetObject(failing.remediation) as any;
    expect(policy.spec.ingress).toEqual([
      { ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
  });
});
