/** A progress line for long batches on a terminal: count, rate, and ETA when the total is known. */
import cliProgress from 'cli-progress';
import type { IngestProgress } from '../ingest/ingest.js';

export interface ProgressDisplay {
  update(progress: IngestProgress): void;
  stop(): void;
}

/** A cli-progress bar on stderr when it is a TTY; otherwise a display that shows nothing. */
export function createProgress(options: { readonly enabled: boolean; readonly total: number | null }): ProgressDisplay {
  if (!options.enabled || !process.stderr.isTTY) return { update() {}, stop() {} };
  const known = options.total !== null && options.total > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: known
        ? 'ingest [{bar}] {value}/{total} | {rate} docs/s | ETA {eta_formatted} | stored {stored} unchanged {unchanged} failed {failed}'
        : 'ingest {value} docs | {rate} docs/s | stored {stored} unchanged {unchanged} failed {failed}',
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(known ? (options.total as number) : 0, 0, { rate: '0', stored: 0, unchanged: 0, failed: 0 });
  return {
    update(p) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      if (!known) bar.setTotal(p.done);
      bar.update(p.done, { rate: (p.done / seconds).toFixed(1), stored: p.stored, unchanged: p.unchanged, failed: p.failed });
    },
    stop() {
      bar.stop();
    },
  };
}
