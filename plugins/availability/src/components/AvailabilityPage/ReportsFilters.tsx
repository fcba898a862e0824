import {
  AvailabilityFacets,
  CheckInfo,
  FacetCount,
  Level,
  LEVELS,
} from '@availability-backstage/plugin-availability-common';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { ReactNode, useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { hasFilters, ReportsView } from '../../lib/reportsSearchParams';
import { levelLabel } from '../LevelChip';

const noFacets: AvailabilityFacets = {
  owner: [],
  system: [],
  kind: [],
  lifecycle: [],
  failingCheck: [],
};

type ListKey =
  | 'owner'
  | 'system'
  | 'kind'
  | 'lifecycle'
  | 'level'
  | 'failingCheck';

/** One picker of the filter bar. */
interface ListField {
  key: ListKey;
  label: string;
  /** Its width on a wide screen, in grid columns. */
  md: 2 | 3 | 4;
  options: Array<Pick<FacetCount, 'value'> & { count?: number }>;
  getLabel?: (value: string) => string;
  renderName?: (value: string) => ReactNode;
}

function ListFilter(props: {
  label: string;
  value: string[] | undefined;
  /** The values to offer, with their counts where known. */
  options: Array<Pick<FacetCount, 'value'> & { count?: number }>;
  /** Renders an option's name; entity refs show their display names. */
  renderName?: (value: string) => ReactNode;
  getLabel?: (value: string) => string;
  onChange: (value: string[] | undefined) => void;
}) {
  const counts = new Map(props.options.map(o => [o.value, o.count]));
  const label = props.getLabel ?? ((value: string) => value);
  return (
    <Autocomplete
      multiple
      size="small"
      options={props.options.map(o => o.value)}
      value={props.value ?? []}
      getOptionLabel={label}
      renderOption={value => (
        <Box display="flex" width="100%" justifyContent="space-between">
          <span>
            {props.renderName ? props.renderName(value) : label(value)}
          </span>
          {counts.get(value) !== undefined && (
            <Box ml={2} color="text.secondary">
              {counts.get(value)}
            </Box>
          )}
        </Box>
      )}
      onChange={(_event, value) =>
        props.onChange(value.length ? (value as string[]) : undefined)
      }
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          label={props.label}
          placeholder={props.value?.length ? '' : 'Any'}
        />
      )}
    />
  );
}

const entityName = (defaultKind: string) => (value: string) =>
  (
    <EntityDisplayName
      entityRef={value}
      defaultKind={defaultKind}
      hideIcon
      disableTooltip
    />
  );

/** A ref's name without its kind and default namespace, for the input's chips. */
function shortRef(value: string): string {
  return value.replace(/^[^:]+:/, '').replace(/^default\//, '');
}

/** @internal */
export interface ReportsFiltersProps {
  view: ReportsView;
  /** The values of each field among the reports, with counts. */
  facets?: AvailabilityFacets;
  checks: CheckInfo[];
  onChange: (view: ReportsView) => void;
}

/**
 * The org page's filters: pickers offer the values found in the reports,
 * with display names and counts; the table's headers sort.
 *
 * @internal
 */
export function ReportsFilters(props: ReportsFiltersProps) {
  const { view, onChange } = props;
  const [text, setText] = useState(view.text ?? '');
  useEffect(() => setText(view.text ?? ''), [view.text]);
  useDebounce(
    () => {
      if ((view.text ?? '') !== text.trim()) {
        onChange({ ...view, text: text.trim() || undefined });
      }
    },
    400,
    [text],
  );

  const setList = (key: ListKey) => (value: string[] | undefined) =>
    onChange({ ...view, [key]: value });
  const checkTitles = new Map(props.checks.map(c => [c.id, c.title]));
  const facets = props.facets ?? noFacets;
  const fields: ListField[] = [
    {
      key: 'owner',
      label: 'Owner',
      md: 4,
      options: facets.owner,
      getLabel: shortRef,
      renderName: entityName('group'),
    },
    {
      key: 'system',
      label: 'System',
      md: 4,
      options: facets.system,
      getLabel: shortRef,
      renderName: entityName('system'),
    },
    { key: 'lifecycle', label: 'Lifecycle', md: 3, options: facets.lifecycle },
    { key: 'kind', label: 'Kind', md: 2, options: facets.kind },
    {
      key: 'level',
      label: 'Level',
      md: 2,
      options: LEVELS.map(level => ({ value: level })),
      getLabel: option => levelLabel(option as Level),
    },
    {
      key: 'failingCheck',
      label: 'Failing check',
      md: 4,
      options: facets.failingCheck,
      getLabel: id => checkTitles.get(id) ?? id,
    },
  ];

  return (
    <Grid container spacing={2} alignItems="center">
      <Grid item xs={12} md={4}>
        <TextField
          fullWidth
          size="small"
          variant="outlined"
          label="Search"
          placeholder="Name or title"
          value={text}
          onChange={event => setText(event.target.value)}
          inputProps={{ 'aria-label': 'Search entities' }}
        />
      </Grid>
      {fields.map(field => (
        <Grid item xs={12} sm={6} md={field.md} key={field.key}>
          <ListFilter
            label={field.label}
            value={view[field.key]}
            options={field.options}
            getLabel={field.getLabel}
            renderName={field.renderName}
            onChange={setList(field.key)}
          />
        </Grid>
      ))}
      <Grid item xs={12} md={1}>
        <Box display="flex" justifyContent="flex-end">
          <Button
            size="small"
            disabled={!hasFilters(view)}
            onClick={() => {
              setText('');
              onChange({ orderBy: view.orderBy, order: view.order });
            }}
          >
            Clear
          </Button>
        </Box>
      </Grid>
    </Grid>
  );
}
