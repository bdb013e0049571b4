#!/usr/bin/env node
// Thin launcher. dist/cli.mjs is the CLI bundled into one file by `npm run build`
// (scripts/bundle.mjs): a cold start loads one module instead of fifty.
import { main } from "../dist/cli.mjs";

// A reader that stops early (`alliance-audit rules | head`) closes the pipe: that is the reader's
// choice, not an error of ours, so leave quietly instead of printing Node's EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await main(process.argv);
