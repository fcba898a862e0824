/** The few ANSI styles the text report uses; identity when colour is off. */
export interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

const style = (open: number, close: number) => (text: string) =>
  `\u001b[${open}m${text}\u001b[${close}m`;

/**
 * Colour only on a terminal, honouring the NO_COLOR and FORCE_COLOR
 * conventions (https://no-color.org).
 */
export function shouldUseColor(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv,
): boolean {
  if (env.NO_COLOR) {
    return false;
  }
  if (env.FORCE_COLOR !== undefined) {
    return env.FORCE_COLOR !== '0';
  }
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export function createColors(enabled: boolean): Colors {
  if (!enabled) {
    const same = (text: string) => text;
    return {
      bold: same,
      dim: same,
      red: same,
      yellow: same,
      green: same,
      cyan: same,
    };
  }
  return {
    bold: style(1, 22),
    dim: style(2, 22),
    red: style(31, 39),
    yellow: style(33, 39),
    green: style(32, 39),
    cyan: style(36, 39),
  };
}
