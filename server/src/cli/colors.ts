// Whether to colour the output, and the few ANSI styles the stylish format uses. Colour only reaches a terminal
// unless the user forces it, so piped output and CI logs stay plain text.

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * FORCE_COLOR wins over everything (as in Node itself): "0" or "false" turns colour off, any other value on.
 * Then NO_COLOR (https://no-color.org: set and not empty) turns it off; otherwise colour when stdout is a terminal
 * that is not TERM=dumb.
 */
export function shouldUseColor(env: Environment, stdoutIsTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stdoutIsTTY && env.TERM !== 'dumb';
}

export interface Palette {
  underline(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

/** Each style closes with its own reset code (not the full reset), so styles can nest. */
function style(open: number, close: number): (text: string) => string {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const plain = (text: string) => text;

export const ANSI_PALETTE: Palette = {
  underline: style(4, 24),
  dim: style(2, 22),
  bold: style(1, 22),
  red: style(31, 39),
  yellow: style(33, 39),
};

export const PLAIN_PALETTE: Palette = { underline: plain, dim: plain, bold: plain, red: plain, yellow: plain };
