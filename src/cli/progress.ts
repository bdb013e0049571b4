// Progress for batches on stderr — on a terminal only: never in CI logs, never mixed into
// piped output (cli.md). Redrawn at most ten times a second on one line, erased at the end.
export function progressReporter(io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }, toFile: boolean) {
  const enabled = !!io.stderr.isTTY && (toFile || !!io.stdout.isTTY) && !process.env.CI;
  let last = 0;
  let shown = false;
  return {
    update: (done: number, total: number) => {
      if (!enabled || total < 2) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\x1b[K${done}/${total} proposals audited`);
    },
    done: () => {
      if (shown) io.stderr.write("\r\x1b[K");
    },
  };
}
