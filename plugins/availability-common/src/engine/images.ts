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
