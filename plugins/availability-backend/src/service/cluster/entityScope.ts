import type { Entity } from '@backstage/catalog-model';
import { LabelSelector, parseLabelSelectorText } from './labelSelectorText';

const ID_ANNOTATION = 'backstage.io/kubernetes-id';
const SELECTOR_ANNOTATION = 'backstage.io/kubernetes-label-selector';
const NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';

/** The label every object of a `kubernetes-id` entity carries. */
export const KUBERNETES_ID_LABEL = ID_ANNOTATION;

/**
 * Which objects belong to an entity, read from its annotations as the
 * kubernetes backend reads them: the label selector annotation wins over the
 * id, and the namespace annotation narrows either.
 */
export type EntityScope = {
  /** The selector as text, for a list request. */
  labelSelector: string;
  namespace?: string;
} & (
  | { by: 'id'; id: string }
  | { by: 'selector'; selector: LabelSelector | undefined }
);

export function entityScope(entity: Entity): EntityScope | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const namespace = annotations[NAMESPACE_ANNOTATION] || undefined;
  const selectorText = annotations[SELECTOR_ANNOTATION]?.trim();
  if (selectorText) {
    return {
      by: 'selector',
      selector: parseLabelSelectorText(selectorText),
      labelSelector: selectorText,
      namespace,
    };
  }
  const id = annotations[ID_ANNOTATION]?.trim();
  if (id) {
    return { by: 'id', id, labelSelector: `${ID_ANNOTATION}=${id}`, namespace };
  }
  return undefined;
}
