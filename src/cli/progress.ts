// The progress bar of the long commands (sim --runs, balance): on stderr, and only on a terminal, so that
// pipes and files get the results alone.

/** Draws `[#####.....] done/total` over the previous bar; a new line when done. */
export function progress(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}
