import {
  CheckInfo,
  EntityReportSummary,
  ReportsPage,
} from '@availability-backstage/plugin-availability-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TablePagination from '@material-ui/core/TablePagination';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Tooltip from '@material-ui/core/Tooltip';
import { severityRank } from '../../lib/checkOrdering';
import { ReportsView } from '../../lib/reportsSearchParams';
import { formatRelative, formatTimestamp } from '../../lib/time';
import { LevelChip } from '../LevelChip';
import { SeverityChip } from '../SeverityChip';

type SortKey = NonNullable<ReportsView['orderBy']>;

/** @internal */
export interface ReportsTableProps {
  page?: ReportsPage;
  loading: boolean;
  pageIndex: number;
  pageSize: number;
  checks: Map<string, CheckInfo>;
  sort: { orderBy: SortKey; order: 'asc' | 'desc' };
  onSort: (orderBy: SortKey, order: 'asc' | 'desc') => void;
  /** Rows of this owner are highlighted (a team picked in the rollup). */
  highlightOwner?: string;
  onNext: () => void;
  onPrevious: () => void;
  onPageSizeChange: (size: number) => void;
}

/** A failing check list, worst severity first, the worst two shown. */
function FailingChecks(props: {
  ids: string[];
  checks: Map<string, CheckInfo>;
}) {
  const sorted = [...props.ids].sort((a, b) => {
    const sa = props.checks.get(a)?.severity ?? 'low';
    const sb = props.checks.get(b)?.severity ?? 'low';
    return severityRank[sa] - severityRank[sb] || a.localeCompare(b);
  });
  if (sorted.length === 0) {
    return <>none</>;
  }
  return (
    <Tooltip
      title={sorted.map(id => props.checks.get(id)?.title ?? id).join(', ')}
    >
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 4 }}
      >
        {sorted.slice(0, 2).map(id => (
          <Box key={id} display="flex" alignItems="center" style={{ gap: 4 }}>
            <SeverityChip severity={props.checks.get(id)?.severity ?? 'low'} />
            <span>{id}</span>
          </Box>
        ))}
        {sorted.length > 2 && <span>+{sorted.length - 2} more</span>}
      </Box>
    </Tooltip>
  );
}

/** Owners and systems are stored as written in the catalog: often a bare name. */
function refOf(ref: string, defaultKind: string) {
  return parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' });
}

function columns(props: ReportsTableProps) {
  const sortable = (title: string, key: SortKey) => {
    const active = props.sort.orderBy === key;
    return (
      <TableSortLabel
        active={active}
        direction={active ? props.sort.order : 'asc'}
        onClick={() =>
          props.onSort(
            key,
            active && props.sort.order === 'asc' ? 'desc' : 'asc',
          )
        }
      >
        {title}
      </TableSortLabel>
    );
  };
  const result: TableColumn<EntityReportSummary>[] = [
    {
      title: sortable('Entity', 'name'),
      field: 'name',
      render: row => (
        <EntityRefLink entityRef={row.entityRef} title={row.title} />
      ),
    },
    {
      title: 'Owner',
      field: 'owner',
      render: row =>
        row.owner ? (
          <EntityRefLink entityRef={refOf(row.owner, 'group')} />
        ) : (
          '—'
        ),
    },
    {
      title: 'System',
      field: 'system',
      render: row =>
        row.system ? (
          <EntityRefLink entityRef={refOf(row.system, 'system')} />
        ) : (
          '—'
        ),
    },
    {
      title: sortable('Level', 'level'),
      field: 'level',
      render: row => <LevelChip level={row.level} />,
    },
    { title: sortable('Score', 'score'), field: 'score', type: 'numeric' },
    {
      title: 'Failing checks (worst first)',
      field: 'failingChecks',
      render: row => (
        <FailingChecks ids={row.failingChecks} checks={props.checks} />
      ),
    },
    {
      title: 'Last refresh',
      field: 'refreshedAt',
      render: row => (
        <Box display="flex" alignItems="center">
          <Tooltip title={formatTimestamp(row.refreshedAt)}>
            <span>{formatRelative(row.refreshedAt)}</span>
          </Tooltip>
          {row.stale && (
            <Box ml={1}>
              <Chip size="small" variant="outlined" label="Stale" />
            </Box>
          )}
        </Box>
      ),
    },
  ];
  return result;
}

/**
 * One server-side page of evaluated entities. Sorting and paging happen on
 * the backend; the headers ask for another order.
 *
 * @internal
 */
export function ReportsTable(props: ReportsTableProps) {
  const { page, pageIndex, pageSize } = props;
  const total = page?.totalItems ?? 0;
  return (
    <>
      <Table<EntityReportSummary>
        title={`Entities (${total})`}
        isLoading={props.loading}
        columns={columns(props)}
        data={page?.items ?? []}
        options={{
          paging: false,
          search: false,
          sorting: false,
          padding: 'dense',
          draggable: false,
          rowStyle: (row: EntityReportSummary) =>
            props.highlightOwner && row.owner === props.highlightOwner
              ? { backgroundColor: 'rgba(25, 118, 210, 0.12)' }
              : {},
        }}
        emptyContent={
          <Box p={2} textAlign="center">
            No evaluated entity matches these filters.
          </Box>
        }
      />
      <TablePagination
        component="div"
        count={total}
        page={pageIndex}
        rowsPerPage={pageSize}
        rowsPerPageOptions={[25, 50, 100]}
        onPageChange={(_event, next) =>
          next > pageIndex ? props.onNext() : props.onPrevious()
        }
        onRowsPerPageChange={event =>
          props.onPageSizeChange(Number(event.target.value))
        }
        nextIconButtonProps={{ disabled: props.loading || !page?.nextCursor }}
        backIconButtonProps={{ disabled: props.loading || pageIndex === 0 }}
      />
    </>
  );
}
