/*
 * The frontend suite's timings: a page counts as shown when its ready check
 * (the score, the About card, the org page's table and panels, the catalog's
 * rows) holds, and pairs of pages are timed interleaved.
 */
import { Page } from 'playwright-core';
import { percentile } from '../lib/httpLatency';
import { median, ratioRow, round } from '../lib/results';
import type { BenchRow } from '../lib/results';
import { log } from '../lib/benchBackend';
import { ENTITIES } from './portal';

export const NAV_TIMEOUT = 120_000;

// What each measured page shows once the user can use it. Plain JavaScript
// run in the page on every animation frame (a string, so that no transpiler
// helper ends up in it); it reads the awaited kind from window.__benchReady
// and returns the milliseconds since window.__benchStart once the page is
// ready, else false.
type Ready = 'score' | 'about' | 'org' | 'catalogIndex' | 'idle';

const READY_CHECK = `(() => {
  const { kind, total } = window.__benchReady;
  const visible = el => !!el && el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== 'hidden';
  const text = el => (el.textContent || '').trim();
  const any = (selector, test) => Array.from(document.querySelectorAll(selector))
    .some(el => visible(el) && (!test || test(el)));
  const headings = 'h1,h2,h3,h4,h5,h6,[role="heading"]';
  const componentRow = 'tbody tr a[href*="/catalog/default/component/"]';
  let ready;
  if (kind === 'score') {
    // The first screen's answer: the score, why its level, and what to fix
    // first (a gold entity has nothing to fix).
    ready = any('[data-testid="entity-score"]', el => /^\\d{1,3}$/.test(text(el))) &&
      any('[data-testid="availability-level-explanation"]') &&
      (any('[data-testid="availability-fix-first"] li') ||
        any('[data-testid="availability-level-explanation"]', el => /^Gold/.test(text(el))));
  } else if (kind === 'about') {
    ready = any(headings, el => text(el) === 'About');
  } else if (kind === 'org') {
    ready = any(headings, el => text(el) === 'Entities (' + total + ')') &&
      any(componentRow) &&
      any('table[aria-label="Availability by owner"] tbody tr') &&
      any('ul[aria-label="Top failing checks"] li');
  } else if (kind === 'catalogIndex') {
    ready = any(componentRow);
  } else {
    // The neutral page: signed in, none of the awaited elements present.
    ready = !!document.querySelector('nav') &&
      !document.querySelector('[data-testid="entity-score"]') &&
      !document.querySelector('tbody tr') &&
      !any(headings, el => text(el) === 'About');
  }
  return ready ? performance.now() - window.__benchStart : false;
})()`;

/**
 * Navigates inside the running app (history.pushState + popstate, which the
 * app's router follows like a link click) and returns the milliseconds from
 * the navigation to the first animation frame at which the page is `ready`,
 * both read from the page's performance.now().
 */
export async function navigate(
  page: Page,
  pathname: string,
  ready: Ready,
): Promise<number> {
  await page.evaluate(
    ({ target, kind, total }) => {
      const w = window as any;
      w.__benchReady = { kind, total };
      w.__benchStart = performance.now();
      window.history.pushState({}, '', target);
      window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    },
    { target: pathname, kind: ready, total: ENTITIES },
  );
  const handle = await page.waitForFunction(READY_CHECK, undefined, {
    polling: 'raf',
    timeout: NAV_TIMEOUT,
  });
  return (await handle.jsonValue()) as number;
}

/** Goes to a page that shows none of the measured markers. */
export async function idle(page: Page) {
  await navigate(page, '/bench-idle', 'idle');
}

interface Samples {
  ours: number[];
  theirs: number[];
}

/**
 * Times two pages in alternation (ours first on even rounds, the baseline
 * first on odd ones), each navigation starting from the neutral page.
 */
export async function measurePair(
  page: Page,
  options: {
    label: string;
    warmup: number;
    runs: number;
    ours: (round: number) => { path: string; ready: Ready };
    theirs: (round: number) => { path: string; ready: Ready };
  },
): Promise<Samples> {
  const samples: Samples = { ours: [], theirs: [] };
  for (let i = 0; i < options.warmup + options.runs; i++) {
    const order: Array<keyof Samples> =
      i % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours'];
    const last: Partial<Record<keyof Samples, number>> = {};
    for (const side of order) {
      const target = options[side](i);
      await idle(page);
      last[side] = await navigate(page, target.path, target.ready);
      if (i >= options.warmup) samples[side].push(last[side]!);
    }
    log(
      `  ${options.label} round ${i + 1}${
        i < options.warmup ? ' (warm-up)' : ''
      }: ours ${round(last.ours!, 0)} ms, baseline ${round(
        last.theirs!,
        0,
      )} ms`,
    );
  }
  return samples;
}

export function rows(options: {
  case: string;
  ours: string;
  theirs: string;
  samples: Samples;
}): BenchRow[] {
  const { samples } = options;
  return [
    ratioRow({
      case: options.case,
      metric: `${options.ours} p50`,
      value: median(samples.ours),
      unit: 'ms',
      baseline: {
        name: `${options.theirs} p50`,
        value: median(samples.theirs),
      },
    }),
    ratioRow({
      case: options.case,
      metric: `${options.ours} p95`,
      value: percentile(samples.ours, 95),
      unit: 'ms',
      baseline: {
        name: `${options.theirs} p95`,
        value: percentile(samples.theirs, 95),
      },
    }),
  ];
}
