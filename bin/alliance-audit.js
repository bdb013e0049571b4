#!/usr/bin/env node
// Thin launcher. dist/cli.mjs is the CLI bundled into one file by `npm run build`
// (scripts/bundle.mjs): a cold start loads one module instead of fifty.
import { main } from "../dist/cli.mjs";

process.exitCode = await main(process.argv);
