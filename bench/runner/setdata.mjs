// First-render setData: a jest run (miniprogram-simulate needs the jsdom test setup) writing its JSON result.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { kb, root, rowCollector, tmp } from './common.mjs';

export function firstRender() {
  const file = path.join(tmp, 'setdata.json');
  const jest = path.join(root, 'node_modules/jest/bin/jest.js');
  const r = spawnSync(process.execPath, [jest, '-c', 'bench/setdata/jest.config.js', '--runInBand', '--silent'], {
    cwd: root,
    env: { ...process.env, BENCH_OUT: file },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!fs.existsSync(file)) throw new Error(`first-render jest run wrote no result (${r.status}):\n${r.stderr}`);
  const result = JSON.parse(fs.readFileSync(file, 'utf8'));
  result.jestPassed = r.status === 0;
  if (r.status !== 0) result.jestOutput = r.stderr.slice(-4000);
  return result;
}

export function setdataRows(s) {
  const { rows, row } = rowCollector();
  for (const p of s.pages) {
    const notes = [p.failedRequests.length ? `failed calls: ${p.failedRequests.join(', ')}` : '', p.error ? `error: ${p.error}` : '']
      .filter(Boolean)
      .join('; ');
    const query =
      p.query && Object.keys(p.query).length
        ? `?${Object.entries(p.query)
            .map(([k, v]) => `${k}=${v}`)
            .join('&')}`
        : '';
    row(
      `first render — ${p.page}${query} as ${p.viewer}`,
      `${kb(p.totalBytes)} (initial data ${kb(p.initialDataBytes)} + ${p.setDataCalls.length} setData, largest ${kb(p.largestBytes)}; calls: ${p.requests.join(', ') || 'none'})${notes ? `; ${notes}` : ''}`,
      '≤ 16 KB per page',
      p.totalBytes <= 16 * 1024 && !p.error,
    );
  }
  if (!s.jestPassed) row('first render — jest run', 'failed (see results.json)', 'passes', false);
  return rows;
}
