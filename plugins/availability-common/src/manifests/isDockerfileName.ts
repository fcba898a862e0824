/**
 * Whether a file name (or path) names a Dockerfile: `Dockerfile` or
 * `<anything>.Dockerfile`. The match ignores case, since Docker itself
 * accepts a lower-case `dockerfile`.
 *
 * @public
 */
export function isDockerfileName(name: string): boolean {
  const base = name.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  return (
    base === 'dockerfile' ||
    (base.endsWith('.dockerfile') && base.length > '.dockerfile'.length)
  );
}
