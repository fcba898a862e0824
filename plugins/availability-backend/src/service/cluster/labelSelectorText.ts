import { labelSelectorMatches } from '@availability-backstage/plugin-availability-common';

/** A label selector in the object form the engine matches. */
export type LabelSelector = NonNullable<
  Parameters<typeof labelSelectorMatches>[0]
>;

type Expression = NonNullable<LabelSelector['matchExpressions']>[number];

const KEY = '[\\w./-]+';
const EQUALITY = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*([\\w.-]*)$`);
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^)]*)\\)$`);
const ABSENT = new RegExp(`^!\\s*(${KEY})$`);
const PRESENT = new RegExp(`^(${KEY})$`);

/** One requirement: a label pair to match, an expression, or undefined when malformed. */
function parseRequirement(
  part: string,
): { label: [string, string] } | { expression: Expression } | undefined {
  const equality = part.match(EQUALITY);
  if (equality) {
    const [, key, op, value] = equality;
    return op === '!='
      ? { expression: { key, operator: 'NotIn', values: [value] } }
      : { label: [key, value] };
  }
  const set = part.match(SET);
  if (set) {
    const values = set[3]
      .split(',')
      .map(v => v.trim())
      .filter(Boolean);
    return values.length
      ? {
          expression: {
            key: set[1],
            operator: set[2] === 'in' ? 'In' : 'NotIn',
            values,
          },
        }
      : undefined;
  }
  const absent = part.match(ABSENT);
  if (absent) {
    return { expression: { key: absent[1], operator: 'DoesNotExist' } };
  }
  const present = part.match(PRESENT);
  return present
    ? { expression: { key: present[1], operator: 'Exists' } }
    : undefined;
}

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
  // Commas inside "in (a,b)" do not separate requirements.
  const parts = text.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  const squeezed = (value: string) => value.replace(/\s/g, '');
  if (!text.trim() || squeezed(parts.join(',')) !== squeezed(text)) {
    return undefined;
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Expression[] = [];
  for (const part of parts) {
    const requirement = parseRequirement(part.trim());
    if (!requirement) return undefined;
    if ('label' in requirement) {
      matchLabels[requirement.label[0]] = requirement.label[1];
    } else {
      matchExpressions.push(requirement.expression);
    }
  }
  return { matchLabels, matchExpressions };
}
