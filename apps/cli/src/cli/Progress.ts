import type { CliIo } from './CliIo.js';

/** Progress of a long step, shown on a terminal and silent otherwise (pipes, CI logs, tests). */
export interface Progress {
  /** `done` of `total` units finished. */
  update(done: number, total: number): void;
  /** Clears the progress line. */
  finish(): void;
}

const silent: Progress = { update: () => {}, finish: () => {} };

/** A progress line labelled `label` on standard error, when it is a terminal. */
export function startProgress(io: CliIo, label: string): Progress {
  if (!io.interactive) return silent;
  let shown = false;
  return {
    update(done, total) {
      io.stderr(`\r${label} ${done}/${total}`);
      shown = true;
    },
    finish() {
      // Erase the line so the next output starts clean.
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}
