// Suite `console` (issue 15): the gzipped size of the console's first load (the entry with the
// sign-in page, then the feed and the directory pages), against the same run's whole console
// (every script and style sheet, as one unsplit bundle would have been fetched at once); and the
// time to the feed's first render in chromium with a 4× slower CPU, against the same page at full
// speed in the same run (feed-render.ts).
import { rm } from 'node:fs/promises';
import { allAssetsGzipBytes, buildConsoleInto } from '../../support/console-build.js';
import { measureFeedRender } from '../feed-render.js';
import { ownPeakRssMb } from '../process-stats.js';
import { type BenchResult, suiteResults } from '../results-file.js';

const result = suiteResults('console');
const kB = (bytes: number) => Number((bytes / 1000).toFixed(1));

export async function consoleSuite(): Promise<BenchResult[]> {
  const built = await buildConsoleInto();
  try {
    if (!built.firstLoad) throw new Error(`the console did not build:\n${built.log}`);
    const whole = kB(await allAssetsGzipBytes(built.outDir));
    const feed = await measureFeedRender();
    return [
      result('first_feed_render_ms', feed.throttledMs, 'ms', { metric: 'first_feed_render_unthrottled_ms', value: feed.unthrottledMs }),
      result('first_feed_render_unthrottled_ms', feed.unthrottledMs, 'ms'),
      result('first_feed_render_rounds', feed.rounds, 'rounds'),
      result('load_avg_1m', feed.loadAvg1m, 'load'),
      result('first_load_gzip_kb', kB(built.firstLoad.gzipBytes), 'kB', { metric: 'all_assets_gzip_kb', value: whole }),
      result('all_assets_gzip_kb', whole, 'kB'),
      result('first_load_files', built.firstLoad.files.length, 'files'),
      // This suite runs no node and no gateway (it builds the console in a vite process and reads
      // the files): the benchmark's own process peak stands where the others write theirs.
      result('bench_process_peak_rss_mb', ownPeakRssMb(), 'MB'),
    ];
  } finally {
    await rm(built.outDir, { recursive: true, force: true });
  }
}
