import { launchChromium, phoneViewport } from '@kota-kit/core/testing';
import { readFileSync } from 'node:fs';
const path = process.argv[2] ?? '/harga-pasar';
const runs = Number(process.argv[3] ?? 1);
const browser = await launchChromium();
for (let r = 0; r < runs; r++) {
const context = await browser.newContext({ ...phoneViewport, baseURL: 'http://127.0.0.1:3900', serviceWorkers: 'block' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await browser.startTracing(page, { path: '/tmp/probe/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
await page.goto(path, { waitUntil: 'networkidle' });
await page.waitForTimeout(2500);
await browser.stopTracing();
await context.close();
const events = JSON.parse(readFileSync('/tmp/probe/trace.json', 'utf8')).traceEvents;
const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationBodyLoader::StartLoadingBody');
const renderers = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
const busiest = renderers.map((key) => [key, events.filter((e) => `${e.pid}:${e.tid}` === key && e.name === 'RunTask').reduce((a, e) => a + (e.dur ?? 0), 0)]).sort((a, b) => b[1] - a[1])[0][0];
const main = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur > 50000 && `${e.pid}:${e.tid}` === busiest);
const t0 = Math.min(...events.filter((e) => e.name === 'ResourceSendRequest').map((e) => e.ts));
let tbt = 0;
console.log(`run ${r + 1}`);
for (const task of main) {
  const inside = events.filter((e) => e.ph === 'X' && e.tid === task.tid && e.pid === task.pid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e !== task);
  const sum = new Map();
  for (const e of inside) {
    let label = e.name;
    if (['EvaluateScript', 'v8.compile', 'FunctionCall', 'v8.callFunction', 'v8.evaluateModule', 'v8.compileModule'].includes(e.name)) label += ' ' + String(e.args?.data?.url ?? e.args?.fileName ?? e.args?.data?.functionName ?? JSON.stringify(e.args ?? {}).slice(0, 80)).replace(/^.*\/assets\//, '').replace('http://127.0.0.1:3900', '');
    if (!['EvaluateScript', 'FunctionCall', 'ParseHTML', 'Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'v8.compile', 'HitTest', 'ParseAuthorStyleSheet', 'Layerize', 'v8.compileModule', 'v8.evaluateModule', 'ScheduleStyleRecalculation', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase'].some((n) => e.name.startsWith(n))) continue;
    sum.set(label, (sum.get(label) ?? 0) + e.dur / 1000);
  }
  tbt += Math.max(0, task.dur / 1000 - 50);
  console.log(`  task @${((task.ts - t0) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(0)} ms  ` + [...sum].sort((a, b) => b[1] - a[1]).slice(0, 7).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | '));
}
console.log(`  blocking sum ${tbt.toFixed(0)} ms`);
}
await browser.close();
