/**
 * Peak resident memory over a stretch of a benchmark run.
 */

/** A running peak-RSS sampler; `stop()` ends it and reports the peak. */
export interface PeakRssSampler {
  stop(): { readonly peakRssMb: number };
}

/** Options of {@link startPeakRss}. */
export interface PeakRssOptions {
  /** How often to poll, in milliseconds; default 50. */
  readonly intervalMs?: number;
}

const MB = 1024 * 1024;

/**
 * Starts sampling resident memory. Polling alone misses short spikes between ticks (and ticks
 * starve while the event loop is busy), so the OS's own high-water mark (`maxRSS`) is read too; but
 * that mark covers the whole process, so it only counts when it rose during the window, which means
 * the new peak happened inside it.
 */
export function startPeakRss(options: PeakRssOptions = {}): PeakRssSampler {
  const maxRssAtStartKb = process.resourceUsage().maxRSS;
  let peakBytes = process.memoryUsage.rss();
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peakBytes) peakBytes = rss;
  }, options.intervalMs ?? 50);
  // The sampler must never keep a finished benchmark alive.
  timer.unref();
  let stopped: { readonly peakRssMb: number } | null = null;
  return {
    stop() {
      if (stopped) return stopped;
      clearInterval(timer);
      peakBytes = Math.max(peakBytes, process.memoryUsage.rss());
      // maxRSS is in kilobytes (on Linux and macOS alike, as Node reports it).
      const maxRssKb = process.resourceUsage().maxRSS;
      if (maxRssKb > maxRssAtStartKb) peakBytes = Math.max(peakBytes, maxRssKb * 1024);
      stopped = { peakRssMb: peakBytes / MB };
      return stopped;
    },
  };
}
