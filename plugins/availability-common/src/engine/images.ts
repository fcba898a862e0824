/**
 * How an image reference pins what runs: by digest, by a tag, or not at all.
 * The tag is what follows the last `:` of the last path segment, so a
 * registry port (`registry:5000/app`) is not a tag. A tag names a version
 * when it has a digit and is not `latest`.
 *
 * @internal
 */
export function imagePinning(
  image: string,
): 'digest' | 'tag' | 'latest' | 'floating' | 'untagged' {
  if (image.includes('@')) {
    return 'digest';
  }
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon === -1 || colon === lastSegment.length - 1) {
    return 'untagged';
  }
  const tag = lastSegment.slice(colon + 1);
  if (tag === 'latest') {
    return 'latest';
  }
  // A tag without a digit (alpine, stable, lts, slim) moves like latest.
  return /\d/.test(tag) ? 'tag' : 'floating';
}

/**
 * An image reference without its tag and digest: `registry:5000/team/app`
 * for `registry:5000/team/app:1.2@sha256:…`.
 *
 * @internal
 */
export function imageRepository(image: string): string {
  const withoutDigest = image.split('@')[0];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

/**
 * The tag of an image reference, if it has one.
 *
 * @internal
 */
export function imageTag(image: string): string | undefined {
  const repository = imageRepository(image);
  const rest = image.split('@')[0].slice(repository.length);
  return rest.startsWith(':') && rest.length > 1 ? rest.slice(1) : undefined;
}
