import {
  CheckInfo,
  EntityReportSummary,
  ReportsPage,
} from '@availability-backstage/plugin-availability-common';
import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TablePagination from '@material-ui/core/TablePagination';
import Tooltip from '@material-ui/core/Tooltip';
import { formatRelative, formatTimestamp } from '../../lib/time';
import { LevelChip } from '../LevelChip';

/** @internal */
export interface ReportsTableProps {
  page?: ReportsPage;
  loading: boolean;
  pageIndex: number;
  pageSize: number;
  checks: Map<string, CheckInfo>;
  onNext: () => void;
  onPrevious: () => void;
  onPageSizeChange: (size: number) => void;
}

function columns(checks: Map<string, CheckInfo>) {
  const result: TableColumn<EntityReportSummary>[] = [
    {
      title: 'Entity',
      field: 'name',
      render: row => <EntityRefLink entityRef={row.entityRef} />,
    },
    {
      title: 'Owner',
      field: 'owner',
      render: row =>
        row.owner ? (
          <EntityRefLink entityRef={row.owner} defaultKind="group" />
        ) : (
          '—'
        ),
    },
    { title: 'System', field: 'system', render: row => row.system ?? '—' },
    {
      title: 'Level',
      field: 'level',
      render: row => <LevelChip level={row.level} />,
    },
    { title: 'Score', field: 'score', type: 'numeric' },
    {
      title: 'Failing checks',
      field: 'failingChecks',
      render: row => (
        <Tooltip
          title={
            row.failingChecks
              .map(id => checks.get(id)?.title ?? id)
              .join(', ') || 'none'
          }
        >
          <span>
            {row.failingChecks.length}
            {row.failingChecks.length > 0 &&
              ` (${row.failingChecks.slice(0, 3).join(', ')}${
                row.failingChecks.length > 3 ? ', …' : ''
              })`}
          </span>
        </Tooltip>
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
              <Chip size="small" color="secondary" label="Stale" />
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
 * the backend; the table only shows what it was given.
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
        columns={columns(props.checks)}
        data={page?.items ?? []}
        options={{
          paging: false,
          search: false,
          sorting: false,
          padding: 'dense',
          draggable: false,
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
