import { launchChromium, phoneViewport } from '@kota-kit/core/testing';
const path = process.argv[2] ?? '/harga-pasar';
const browser = await launchChromium();
const context = await browser.newContext({ ...phoneViewport, baseURL: 'http://127.0.0.1:3900', serviceWorkers: 'block' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.goto(path, { waitUntil: 'networkidle' });
await page.waitForTimeout(3000);
const { profile } = await cdp.send('Profiler.stop');
const lt = await page.evaluate(() => window.__lt);
const nav = await page.evaluate(() => performance.timeOrigin);
console.log('long tasks (start, dur ms):', JSON.stringify(lt));
// profile: nodes, samples, timeDeltas (µs). Map sample times to page time.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
let t = profile.startTime; const samples = [];
for (let i = 0; i < profile.samples.length; i++) { t += profile.timeDeltas[i]; samples.push([t, profile.samples[i]]); }
// page-time offset: profile times are monotonic µs; align first sample loosely using long task positions is hard; print per long task by relative ordering instead
const base = profile.startTime;
for (const [start, dur] of lt) {
  const counts = new Map();
  for (const [ts, id] of samples) {
    const rel = (ts - base) / 1000; // ms since profile start (≈ navigation start + small offset)
    if (rel < start - 30 || rel > start + dur + 30) continue;
    // attribute to the deepest frame's function @ url, plus the top-most app frame
    const n = byId.get(id); const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/assets\//, '')}:${f.lineNumber}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`\n@${start} ${dur}ms`); for (const [k, c] of top) console.log('   ', (c * 0.2).toFixed(1), 'ms', k);
}
await browser.close();
