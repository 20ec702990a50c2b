// The benchmark's HTTP client, run in a worker thread by bench/queries.ts: its own work stays off the server's
// event loop, as a real client's would, most of all with the embedded database, which runs its queries on that
// loop too. Plain JavaScript: a worker does not get tsx's loader.
//
// The timed runs read the bytes as they come over the wire and do not undo gzip: on this machine the client's
// gunzip would take CPU from the server it measures (two cores: the server's thread, zlib's threads, this one),
// while a real client decompresses on its own device. The warm-up run undoes gzip once to count the data's
// bytes, which the MB/s figures are of.
// Message in: { url, runs, headers }. Answer: { ms: number[], firstByteMs: number[], bytes, wireBytes, warmUpMs,
// warmUpFirstByteMs, error? } (the warm-up's own times, which include its gunzip).
import { request } from 'node:http';
import { createGunzip } from 'node:zlib';
import { parentPort } from 'node:worker_threads';

/** One GET: time to the first body byte and to the last; `countData` also counts the bytes after gunzip. */
function get(url, headers, countData) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { headers }, (response) => {
      let firstByte = 0;
      let wireBytes = 0;
      let dataBytes = 0;
      let error = '';
      const gzipped = response.headers['content-encoding'] === 'gzip';
      const gunzip = countData && gzipped ? createGunzip() : null;
      gunzip?.on('data', (chunk) => (dataBytes += chunk.length));
      response.on('data', (chunk) => {
        if (!firstByte) firstByte = performance.now() - started;
        wireBytes += chunk.length;
        if (response.statusCode !== 200) error += chunk.toString();
        gunzip?.write(chunk);
      });
      response.on('error', reject);
      response.on('end', () => {
        const ms = performance.now() - started;
        if (response.statusCode !== 200) return reject(new Error(`${url}: ${response.statusCode} ${error}`));
        const done = () => resolve({ ms, firstByte, wireBytes, dataBytes: gzipped ? dataBytes : wireBytes });
        if (gunzip) gunzip.end(done);
        else done();
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function timeRuns({ url, runs, headers }) {
  // As a browser asks, unless the run says otherwise (the "uncompressed" rows ask for identity).
  const asked = { 'accept-encoding': 'gzip, deflate', ...headers };
  const warmUp = await get(url, asked, true);
  const result = { ms: [], firstByteMs: [], bytes: warmUp.dataBytes, wireBytes: warmUp.wireBytes, warmUpMs: warmUp.ms, warmUpFirstByteMs: warmUp.firstByte };
  for (let run = 0; run < runs; run++) {
    const timed = await get(url, asked, false);
    result.ms.push(timed.ms);
    result.firstByteMs.push(timed.firstByte);
  }
  return result;
}

parentPort.on('message', (request) => {
  timeRuns(request).then(
    (result) => parentPort.postMessage(result),
    (error) => parentPort.postMessage({ ms: [], firstByteMs: [], bytes: 0, wireBytes: 0, error: error.message }),
  );
});
