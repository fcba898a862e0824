import { TableOptions } from '@backstage/core-components';

/**
 * A short table inside a card: every row at once, no search, toolbar or sort
 * labels (a sort label puts a button inside a header cell, which axe flags in
 * these tables).
 */
export const cardTableOptions: TableOptions = {
  paging: false,
  search: false,
  sorting: false,
  toolbar: false,
  padding: 'dense',
};
