/**
 * The demo programme page's weight (HTML and CSS, gzip) and server time, against a running server.
 */
import { gzipSync } from 'node:zlib';

export async function benchProgrammePage(origin: string, path = '/e/igf-guatemala-2018/programme') {
  const html = await (await fetch(origin + path)).text();
  const css = await (await fetch(origin + '/static/styles.css')).text();
  const compressed = gzipSync(html).length + gzipSync(css).length;
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    await (await fetch(origin + path)).arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    htmlBytes: Buffer.byteLength(html),
    cssBytes: Buffer.byteLength(css),
    compressedBytes: compressed,
    scripts: (html.match(/<script(?![^>]*application\/ld\+json)/g) ?? []).length,
    medianMs: Math.round(times[25]! * 10) / 10,
    p95Ms: Math.round(times[47]! * 10) / 10,
  };
}
