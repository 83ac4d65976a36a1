import { it } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes } from './format-bytes.js';

it('formats byte counts in binary units with one decimal', () => {
  assert.equal(formatBytes(0), '0 bytes');
  assert.equal(formatBytes(1023), '1023 bytes');
  assert.equal(formatBytes(8 * 1024), '8.0 KiB');
  assert.equal(formatBytes(32 * 1024 * 1024), '32.0 MiB');
  assert.equal(formatBytes(60e6), '57.2 MiB');
  assert.equal(formatBytes(3 * 1024 ** 3), '3.0 GiB');
});
