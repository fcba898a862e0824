import { labelSelectorMatches } from '@availability-backstage/plugin-availability-common';

/** A label selector in the object form the engine matches. */
export type LabelSelector = NonNullable<
  Parameters<typeof labelSelectorMatches>[0]
>;

type Expression = NonNullable<LabelSelector['matchExpressions']>[number];

/**
 * Parses a label selector as written in a query string or the
 * `backstage.io/kubernetes-label-selector` annotation
 * (`app=shop,tier in (web,api),!legacy`) into the object form the engine
 * matches. Undefined when the text is not a selector, so that a typo matches
 * nothing rather than everything.
 */
export function parseLabelSelectorText(
  text: string,
): LabelSelector | undefined {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Expression[] = [];
  // Commas inside "in (a,b)" do not separate requirements.
  const parts = text.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  if (
    !text.trim() ||
    parts.join(',').replace(/\s/g, '') !== text.replace(/\s/g, '')
  ) {
    return undefined;
  }
  for (const raw of parts) {
    const part = raw.trim();
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/))) {
      if (m[2] === '!=') {
        matchExpressions.push({ key: m[1], operator: 'NotIn', values: [m[3]] });
      } else {
        matchLabels[m[1]] = m[3];
      }
    } else if ((m = part.match(/^([\w./-]+)\s+(in|notin)\s*\(([^)]*)\)$/))) {
      const values = m[3]
        .split(',')
        .map(v => v.trim())
        .filter(Boolean);
      if (!values.length) return undefined;
      matchExpressions.push({
        key: m[1],
        operator: m[2] === 'in' ? 'In' : 'NotIn',
        values,
      });
    } else if ((m = part.match(/^!\s*([\w./-]+)$/))) {
      matchExpressions.push({ key: m[1], operator: 'DoesNotExist' });
    } else if ((m = part.match(/^([\w./-]+)$/))) {
      matchExpressions.push({ key: m[1], operator: 'Exists' });
    } else {
      return undefined;
    }
  }
  return { matchLabels, matchExpressions };
}
