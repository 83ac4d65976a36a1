import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startPeakRss } from './memory.js';

describe('startPeakRss', () => {
  it('reports a peak at least as high as memory in use during the run', async () => {
    const sampler = startPeakRss({ intervalMs: 5 });
    const before = process.memoryUsage.rss();
    // Touch 64 MB so it is resident, and hold it across a few polls.
    const block = Buffer.alloc(64 * 1024 * 1024, 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const { peakRssMb } = sampler.stop();
    assert.ok(block[block.length - 1] === 1);
    assert.ok(peakRssMb * 1024 * 1024 >= before);
    assert.ok(peakRssMb > 0 && peakRssMb < 64 * 1024);
  });

  it('returns the same figure when stopped twice', () => {
    const sampler = startPeakRss();
    const first = sampler.stop();
    assert.deepEqual(sampler.stop(), first);
  });
});
