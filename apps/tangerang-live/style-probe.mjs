import { launchChromium, phoneViewport } from '@kota-kit/core/testing';
import { readFileSync } from 'node:fs';
const path = process.argv[2] ?? '/harga-pasar';
const runs = Number(process.argv[3] ?? 5);
const browser = await launchChromium();
const totals = [];
for (let r = 0; r < runs; r++) {
  const context = await browser.newContext({ ...phoneViewport, baseURL: 'http://127.0.0.1:3900', serviceWorkers: 'block' });
  const page = await context.newPage();
  await browser.startTracing(page, { path: '/tmp/probe/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
  await page.goto(path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1500);
  await browser.stopTracing();
  await context.close();
  const events = JSON.parse(readFileSync('/tmp/probe/trace.json', 'utf8')).traceEvents;
  const renderers = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  const sum = (name, key) => events.filter((e) => e.name === name && `${e.pid}:${e.tid}` === key).reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
  const key = renderers.map((k) => [k, sum('RunTask', k)]).sort((a, b) => b[1] - a[1])[0][0];
  const t = { style: sum('UpdateLayoutTree', key), layout: sum('Layout', key), tasks: sum('RunTask', key), styleCount: events.filter((e) => e.name === 'UpdateLayoutTree' && `${e.pid}:${e.tid}` === key).length };
  totals.push(t);
}
const med = (k) => totals.map((t) => t[k]).sort((a, b) => a - b)[Math.floor(totals.length / 2)];
console.log(path, 'median ms: style', med('style').toFixed(1), 'layout', med('layout').toFixed(1), 'all tasks', med('tasks').toFixed(1), 'style passes', med('styleCount'));
await browser.close();
