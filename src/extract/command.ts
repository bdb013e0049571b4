// The `extract` subcommand at the CLI edge: options in, files written, summary out. The work is
// in src/extract/ (extract() plans, writeExtract() writes); refusals are UsageErrors (exit 2).
import { applyConfig, resolveConfig } from "../config.js";
import { extract, writeExtract } from "./index.js";
import { assertNotEmpty } from "../fs/inputs.js";
import { langFromEnv } from "../i18n.js";
import type { Lang } from "../types.js";

export async function extractCommand(
  documents: string[],
  flags: { members?: string; output?: string; force?: boolean; lang?: Lang },
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream },
): Promise<void> {
  assertNotEmpty("-o", flags.output);
  assertNotEmpty("--members", flags.members);
  const lang = applyConfig({ lang: flags.lang }, resolveConfig(undefined, process.cwd())).lang ?? langFromEnv();
  const plan = await extract({ documents, members: flags.members, outDir: flags.output, force: flags.force, lang });
  await writeExtract(plan);
  for (const n of plan.notices) io.stderr.write(`alliance-audit: ${n[lang]}\n`);
  io.stdout.write(plan.message[lang]);
}
