import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Compares text with a committed snapshot file; `UPDATE_SNAPSHOTS=1` rewrites the file instead.
 * A missing snapshot fails (it is never created silently), so CI cannot pass on nothing.
 */
export function matchSnapshot(file: string, actual: string): void {
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `no snapshot at ${file}; run with UPDATE_SNAPSHOTS=1 and review it`);
  assert.equal(
    actual,
    readFileSync(file, 'utf8'),
    `snapshot ${path.basename(file)} differs; if the change is right, run with UPDATE_SNAPSHOTS=1 and review the diff`,
  );
}
