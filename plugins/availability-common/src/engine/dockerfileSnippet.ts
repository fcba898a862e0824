/*
 * Dockerfile remediations say where each of their lines goes, so that a
 * reader (and the tests that apply them) can place them without guessing.
 */

/** @internal */
export type DockerfileEdit =
  | { replaces: number; lines: string[] }
  | { after: number; lines: string[] }
  | { atEnd: true; lines: string[] };

function header(edit: DockerfileEdit): string {
  if ('replaces' in edit) {
    return `# replaces line ${edit.replaces}`;
  }
  if ('after' in edit) {
    return `# after line ${edit.after}`;
  }
  return '# at the end of the Dockerfile';
}

/**
 * A fenced `dockerfile` block with one commented header per edit.
 *
 * @internal
 */
export function dockerfileSnippet(edits: DockerfileEdit[]): string {
  const body = edits.map(edit => [header(edit), ...edit.lines].join('\n'));
  return `\`\`\`dockerfile\n${body.join('\n\n')}\n\`\`\``;
}
