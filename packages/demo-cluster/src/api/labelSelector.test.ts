import {
  matchesLabels,
  parseLabelSelector,
  requirementsOfSelector,
} from './labelSelector';

const labels = { app: 'web', tier: 'frontend', 'example.com/team': 'shop' };

describe('parseLabelSelector and matchesLabels', () => {
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app = web', true],
    ['app=api', false],
    ['app!=api', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['app in (web,api)', true],
    ['app in ( api , db )', false],
    ['app notin (api)', true],
    ['app notin (web)', false],
    ['missing notin (x)', true],
    ['missing in (x)', false],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['example.com/team=shop,tier in (frontend),!debug', true],
    ['app=web,tier=backend', false],
    ['app=', false],
  ])('%j matches: %s', (selector, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected);
  });

  it('matches an empty value', () => {
    expect(matchesLabels(parseLabelSelector('empty='), { empty: '' })).toBe(
      true,
    );
  });

  it('treats absent labels as none', () => {
    expect(matchesLabels(parseLabelSelector('!app'), undefined)).toBe(true);
    expect(matchesLabels(parseLabelSelector('app'), undefined)).toBe(false);
  });

  it.each([
    'app in ()',
    'app in (a b)',
    'ap p=x',
    '=x',
    'app=a=b',
    'app in (-x)',
  ])('rejects %j', selector => {
    expect(() => parseLabelSelector(selector)).toThrow(/unable to parse/);
  });
});

describe('requirementsOfSelector', () => {
  it('combines matchLabels and matchExpressions', () => {
    const requirements = requirementsOfSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['frontend', 'edge'] },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
        { key: 'example.com/team', operator: 'Exists' },
        { key: 'debug', operator: 'DoesNotExist' },
      ],
    });
    expect(matchesLabels(requirements, labels)).toBe(true);
    expect(matchesLabels(requirements, { ...labels, debug: 'true' })).toBe(
      false,
    );
  });

  it('selects everything when empty and rejects unknown operators', () => {
    expect(matchesLabels(requirementsOfSelector({}), labels)).toBe(true);
    expect(() =>
      requirementsOfSelector({
        matchExpressions: [{ key: 'a', operator: 'Like' }],
      }),
    ).toThrow(/Like/);
  });
});
