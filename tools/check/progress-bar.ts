const BAR_WIDTH = 30;

/** Something a progress bar can draw on, e.g. process.stderr. */
export interface ProgressStream {
  write(text: string): unknown;
}

/** Draws "[#####-----] 3/10 domains" in place on a terminal; `finish` clears the line. */
export function createProgressBar(stream: ProgressStream): { update(done: number, total: number): void; finish(): void } {
  return {
    update(done, total) {
      const filled = Math.round((done / total) * BAR_WIDTH);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} domains`);
    },
    finish() {
      stream.write('\r\x1b[2K');
    },
  };
}
