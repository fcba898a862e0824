import { labelSelectorMatches } from '@availability-backstage/plugin-availability-common';
import { parseLabelSelectorText } from './labelSelectorText';

describe('parseLabelSelectorText', () => {
  it.each([
    ['app=shop', { app: 'shop' }, true],
    ['app==shop', { app: 'shop', x: 'y' }, true],
    ['app=shop,tier=web', { app: 'shop' }, false],
    ['app!=shop', { app: 'cart' }, true],
    ['app!=shop', { app: 'shop' }, false],
    ['tier in (web, api)', { tier: 'api' }, true],
    ['tier in (web,api),app=shop', { tier: 'db', app: 'shop' }, false],
    ['tier notin (db)', { tier: 'web' }, true],
    ['!legacy', { app: 'shop' }, true],
    ['!legacy', { legacy: 'true' }, false],
    ['app.kubernetes.io/name', { 'app.kubernetes.io/name': 'x' }, true],
    // An empty value is a valid selector: the label is set and empty.
    ['app=', { app: '' }, true],
  ])('%s on %j matches: %s', (text, labels, matches) => {
    const selector = parseLabelSelectorText(text);
    expect(selector).toBeDefined();
    expect(labelSelectorMatches(selector, labels)).toBe(matches);
  });

  it.each(['', ' ', 'app in ()', 'app=shop,,', 'a b', 'app>1'])(
    'rejects %j',
    text => {
      expect(parseLabelSelectorText(text)).toBeUndefined();
    },
  );
});
