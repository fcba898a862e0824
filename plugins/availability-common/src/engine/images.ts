/**
 * How an image reference pins what runs: by digest, by a tag, or not at all.
 * The tag is what follows the last `:` of the last path segment, so a
 * registry port (`registry:5000/app`) is not a tag.
 *
 * @internal
 */
export function imagePinning(
  image: string,
): 'digest' | 'tag' | 'latest' | 'untagged' {
  if (image.includes('@')) {
    return 'digest';
  }
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon === -1 || colon === lastSegment.length - 1) {
    return 'untagged';
  }
  return lastSegment.slice(colon + 1) === 'latest' ? 'latest' : 'tag';
}
