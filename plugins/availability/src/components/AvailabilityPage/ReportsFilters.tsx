import {
  CheckInfo,
  Level,
  LEVELS,
} from '@availability-backstage/plugin-availability-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { hasFilters, ReportsView } from '../../lib/reportsSearchParams';
import { levelLabel } from '../LevelChip';

type ListKey = 'owner' | 'system' | 'kind' | 'lifecycle' | 'failingCheck';

function ListFilter(props: {
  label: string;
  value: string[] | undefined;
  options: string[];
  getLabel?: (option: string) => string;
  freeSolo?: boolean;
  onChange: (value: string[] | undefined) => void;
}) {
  return (
    <Autocomplete
      multiple
      freeSolo={props.freeSolo ?? true}
      size="small"
      options={props.options}
      value={props.value ?? []}
      getOptionLabel={props.getLabel ?? (option => option)}
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

/** @internal */
export interface ReportsFiltersProps {
  view: ReportsView;
  owners: string[];
  checks: CheckInfo[];
  onChange: (view: ReportsView) => void;
}

/**
 * The org page's filters and sort. Free-text fields accept values that are
 * not in the suggestions, since owners and systems come from the catalog.
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
      <Grid item xs={12} sm={6} md={4}>
        <ListFilter
          label="Owner"
          value={view.owner}
          options={props.owners}
          onChange={setList('owner')}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={4}>
        <ListFilter
          label="System"
          value={view.system}
          options={[]}
          onChange={setList('system')}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <ListFilter
          label="Kind"
          value={view.kind}
          options={['Component', 'Resource', 'System']}
          onChange={setList('kind')}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <ListFilter
          label="Lifecycle"
          value={view.lifecycle}
          options={['production', 'experimental', 'deprecated']}
          onChange={setList('lifecycle')}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <ListFilter
          label="Level"
          value={view.level}
          options={[...LEVELS]}
          freeSolo={false}
          getLabel={option => levelLabel(option as Level)}
          onChange={value =>
            onChange({ ...view, level: value as Level[] | undefined })
          }
        />
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <ListFilter
          label="Failing check"
          value={view.failingCheck}
          options={props.checks.map(c => c.id)}
          getLabel={id => checkTitles.get(id) ?? id}
          onChange={setList('failingCheck')}
        />
      </Grid>
      <Grid item xs={6} sm={3} md={1}>
        <FormControl fullWidth size="small" variant="outlined">
          <InputLabel id="availability-order-by">Sort</InputLabel>
          <Select
            labelId="availability-order-by"
            label="Sort"
            value={view.orderBy ?? 'score'}
            onChange={event =>
              onChange({
                ...view,
                orderBy: event.target.value as 'score' | 'name',
              })
            }
          >
            <MenuItem value="score">Score</MenuItem>
            <MenuItem value="name">Name</MenuItem>
          </Select>
        </FormControl>
      </Grid>
      <Grid item xs={6} sm={3} md={1}>
        <FormControl fullWidth size="small" variant="outlined">
          <InputLabel id="availability-order">Order</InputLabel>
          <Select
            labelId="availability-order"
            label="Order"
            value={view.order ?? 'asc'}
            onChange={event =>
              onChange({ ...view, order: event.target.value as 'asc' | 'desc' })
            }
          >
            <MenuItem value="asc">Ascending</MenuItem>
            <MenuItem value="desc">Descending</MenuItem>
          </Select>
        </FormControl>
      </Grid>
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
