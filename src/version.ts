import { createRequire } from "node:module";

/** The package version, reported in every report's `tool.version`. */
export const VERSION: string = (createRequire(import.meta.url)("../package.json") as { version: string }).version;
