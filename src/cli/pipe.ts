// Unix manners for every command-line entry: when the reader of stdout (or stderr) goes away early, as in
// `npm run -s sim -- … --json | head -c 600`, the program stops at once and quietly with the status a shell
// reports for a process ended by SIGPIPE (128 + 13 = 141), like `yes | head`, instead of Node's unhandled
// 'error' event with its EPIPE stack trace. Other stream errors are thrown as before.

/** The exit status when a reader closed the pipe early: 128 + SIGPIPE (13), as the shell shows for `yes | head`. */
export const EXIT_CLOSED_PIPE = 141;

let installed = false;

/** Call once at the top of a CLI entry, before it writes anything. */
export function exitQuietlyOnClosedPipe(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(EXIT_CLOSED_PIPE);
      throw e;
    });
  }
}
