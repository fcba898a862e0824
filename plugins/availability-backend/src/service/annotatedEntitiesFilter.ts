import { KUBERNETES_ANNOTATIONS } from '@availability-backstage/plugin-availability-common';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';

/** The catalog filter of entities with any of the Kubernetes annotations. */
export const ANNOTATED_ENTITIES_FILTER = KUBERNETES_ANNOTATIONS.map(
  annotation => ({
    [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
  }),
);
