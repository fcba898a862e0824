import { splitRemediation } from './remediation';

describe('splitRemediation', () => {
  it('takes the snippet out of a fenced yaml block', () => {
    expect(
      splitRemediation(
        'Run at least two replicas:\n```yaml\nspec:\n  replicas: 3\n```\nThen redeploy.',
      ),
    ).toEqual({
      text: 'Run at least two replicas:\n\nThen redeploy.',
      yaml: 'spec:\n  replicas: 3',
    });
  });

  it('takes the trailing YAML lines after the prose', () => {
    expect(
      splitRemediation(
        'Add a PodDisruptionBudget that selects the pods:\napiVersion: policy/v1\nkind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: api',
      ),
    ).toEqual({
      text: 'Add a PodDisruptionBudget that selects the pods:',
      yaml: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: api',
    });
  });

  it('treats a remediation that is all YAML as a snippet', () => {
    expect(splitRemediation('spec:\n  replicas: 3')).toEqual({
      text: '',
      yaml: 'spec:\n  replicas: 3',
    });
  });

  it.each([
    'Pin the image to a version tag or a digest.',
    'Note: set a preStop hook so that in-flight requests drain.',
    'Use a Deployment.\nNote: bare pods are not recreated.\nSee the docs.',
  ])('keeps prose as prose: %s', text => {
    expect(splitRemediation(text)).toEqual({ text });
  });
});
