// The benchmark's HTTP client, run in a worker thread by bench/queries.ts: its own work (reading the body, undoing
// gzip) stays off the server's event loop, as a real client's would, most of all with the embedded database,
// which runs its queries on that loop too. Plain JavaScript: a worker does not get tsx's loader.
// Message in: { url, runs, headers }. Answer: { ms: number[], firstByteMs: number[], bytes, error? } of the
// timed runs after one warm-up.
import { parentPort } from 'node:worker_threads';

async function timeRuns({ url, runs, headers }) {
  const result = { ms: [], firstByteMs: [], bytes: 0 };
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    let bytes = 0;
    let firstByte = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!firstByte) firstByte = performance.now() - started;
      bytes += value.byteLength;
    }
    const ms = performance.now() - started;
    if (run === 0) continue; // warm-up
    result.ms.push(ms);
    result.firstByteMs.push(firstByte);
    result.bytes = bytes;
  }
  return result;
}

parentPort.on('message', (request) => {
  timeRuns(request).then(
    (result) => parentPort.postMessage(result),
    (error) => parentPort.postMessage({ ms: [], firstByteMs: [], bytes: 0, error: error.message }),
  );
});
