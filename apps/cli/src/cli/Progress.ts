import cliProgress from 'cli-progress';
import type { CliIo } from './CliIo.js';

/** Progress of a long step, shown on a terminal and silent otherwise (pipes, CI logs, tests). */
export interface Progress {
  /** `done` of `total` units finished. */
  update(done: number, total: number): void;
  /** Removes the progress bar. Call it on every path, errors included: a drawn bar runs a redraw timer. */
  finish(): void;
}

const silent: Progress = { update: () => {}, finish: () => {} };

/**
 * The stream cli-progress draws on: standard error through `io`. cli-progress moves the cursor with
 * `readline`, which only calls `write`, and asks `isTTY` and `columns`.
 */
function terminalStream(io: CliIo): NodeJS.WritableStream {
  const stream = {
    write: (text: string) => {
      io.stderr(text);
      return true;
    },
    isTTY: true,
    get columns() {
      return io.columns;
    },
  };
  return stream as unknown as NodeJS.WritableStream;
}

/**
 * A progress bar labelled `label` on standard error (`label [=====-----] 3/16 | 2s | ETA 8s`),
 * drawn by cli-progress when standard error is a terminal, and nothing otherwise. The bar clears
 * itself when finished, so the command's own output starts on a clean line.
 */
export function startProgress(io: CliIo, label: string): Progress {
  if (!io.interactive) return silent;
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (!bar) {
        bar = new cliProgress.SingleBar({
          stream: terminalStream(io),
          format: `${label} [{bar}] {value}/{total} | {duration_formatted} | ETA {eta_formatted}`,
          barsize: 30,
          clearOnComplete: true,
          // No SIGINT handler: one would stop Ctrl-C from ending the process.
          gracefulExit: false,
          hideCursor: false,
          // Left on, so an interrupted run leaves the terminal's line wrapping as it was.
          linewrap: true,
        });
        bar.start(total, 0);
      }
      bar.setTotal(total);
      bar.update(done);
    },
    finish() {
      bar?.stop();
      bar = undefined;
    },
  };
}
