import { ExemptionLedgerEntry } from '@availability-backstage/plugin-availability-common';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Chip from '@material-ui/core/Chip';
import useAsync from 'react-use/esm/useAsync';
import { availabilityApiRef } from '../../api';
import { cardTableOptions } from '../cardTableOptions';

const ORIGINS = {
  object: 'object annotation',
  entity: 'entity annotation',
  config: 'config',
};

const columns: TableColumn<ExemptionLedgerEntry>[] = [
  {
    title: 'Entity',
    render: row => row.title ?? parseEntityRef(row.entityRef).name,
  },
  {
    title: 'Owner',
    render: row => (row.owner ? parseEntityRef(row.owner).name : ''),
  },
  {
    title: 'Object',
    render: row =>
      `${row.object.kind} ${row.object.namespace}/${row.object.name}${
        row.object.cluster ? ` (${row.object.cluster})` : ''
      }`,
  },
  { title: 'Check', field: 'check' },
  {
    title: 'Declared on',
    render: row => (row.origin ? ORIGINS[row.origin] : 'unknown'),
  },
  { title: 'Reason', field: 'reason' },
  {
    title: 'Expires',
    render: row => (
      <>
        {row.until ?? 'never'}
        {row.flag && (
          <Chip
            size="small"
            variant="outlined"
            label={row.flag}
            style={{ marginLeft: 8 }}
          />
        )}
      </>
    ),
  },
  {
    title: 'If it lapsed',
    render: row =>
      row.score === null || row.scoreIfLapsed === null
        ? 'no score'
        : `${row.score} → ${row.scoreIfLapsed} (−${
            row.score - row.scoreIfLapsed
          })`,
  },
];

/**
 * Every active waiver with its owner, reason and expiry, the score its
 * entity would lose if it lapsed, and the waivers past the horizon flagged.
 *
 * @internal
 */
export function ExemptionLedger() {
  const api = useApi(availabilityApiRef);
  const loaded = useAsync(() => api.listExemptions(), [api]);
  if (loaded.loading) return <Progress />;
  if (loaded.error) return <ResponseErrorPanel error={loaded.error} />;
  const ledger = loaded.value!;
  return (
    <InfoCard
      title="Exemption ledger"
      subheader={`${ledger.items.length} active waiver${
        ledger.items.length === 1 ? '' : 's'
      }; those with no expiry or running past ${
        ledger.horizonDays
      } days are flagged`}
      noPadding
    >
      <div data-testid="availability-exemption-ledger">
        <Table
          columns={columns}
          data={ledger.items}
          options={cardTableOptions}
        />
      </div>
    </InfoCard>
  );
}
