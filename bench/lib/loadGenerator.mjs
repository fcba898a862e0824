// A bounded, open-model load generator (like autocannon's fixed rate, without
// the dependency): sends GET requests at a fixed rate for a fixed time,
// whatever the answers take, and prints the latencies and errors as JSON.
// Runs in its own process so that it does not share the server's event loop.
// Several URLs are sent in turn; `all` sums them.
//   node loadGenerator.mjs <rate/s> <seconds> <authorization> <url>...
const [rate, seconds, authorization, ...urls] = process.argv.slice(2);
const total = Number(rate) * Number(seconds);
const intervalMs = 1000 / Number(rate);
const results = Object.fromEntries(urls.map(u => [u, { ms: [], errors: 0 }]));

async function one(url) {
  const start = performance.now();
  try {
    const res = await fetch(url, { headers: { authorization } });
    await res.arrayBuffer();
    if (res.status !== 200) results[url].errors += 1;
    else results[url].ms.push(performance.now() - start);
  } catch {
    results[url].errors += 1;
  }
}

const started = performance.now();
const inFlight = [];
for (let i = 0; i < total; i++) {
  const due = started + i * intervalMs;
  const wait = due - performance.now();
  if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
  inFlight.push(one(urls[i % urls.length]));
}
await Promise.all(inFlight);
const elapsedS = (performance.now() - started) / 1000;
const pct = (sorted, p) =>
  sorted.length
    ? sorted[Math.min(sorted.length, Math.ceil((p / 100) * sorted.length)) - 1]
    : NaN;
const stats = r => {
  const sorted = [...r.ms].sort((a, b) => a - b);
  return {
    ok: sorted.length,
    errors: r.errors,
    p50: pct(sorted, 50),
    p95: pct(sorted, 95),
    p99: pct(sorted, 99),
  };
};
const all = {
  ms: Object.values(results).flatMap(r => r.ms),
  errors: Object.values(results).reduce((sum, r) => sum + r.errors, 0),
};
process.stdout.write(
  JSON.stringify({
    elapsedS,
    sent: total,
    all: stats(all),
    byUrl: Object.fromEntries(
      Object.entries(results).map(([url, r]) => [url, stats(r)]),
    ),
  }),
);
