// -o FILE: the report is written whole or not at all (src/fs/write-atomic.ts), so a CI step never
// picks up half a SARIF file. A report is never written over a file the run reads: a proposal
// file by its name, and any input named in `inputs` (the --members roster, the baseline, the
// config, the files of the proposals) however it is reached.
import { basename } from "node:path";
import { CHARTER_NAMES, MEMBERS_NAMES } from "../discover.js";
import { UsageError } from "../errors.js";
import { assertNotAnInput, assertNotEmpty, type InputFile } from "../fs/inputs.js";
import { writeAtomic, writeFailure } from "../fs/write-atomic.js";

/** Exit 2 before anything is audited when -o names no file, a proposal file's name, or an input. */
export function checkOutput(file: string, inputs: InputFile[] = [], cwd: string = process.cwd()): void {
  assertNotEmpty("-o", file);
  const name = basename(file);
  if (CHARTER_NAMES.includes(name) || MEMBERS_NAMES.includes(name)) {
    throw new UsageError({
      zh: `不会把报告写入 ${file}：这是申报材料的文件名，alliance-audit 从不改写被审核的文件；请换一个文件名（如 report.json）`,
      en: `will not write the report to ${file}: that is the name of a proposal file, and alliance-audit never changes the files it audits; choose another name (report.json, say)`,
    });
  }
  assertNotAnInput(file, inputs, cwd);
}

export async function writeOutput(file: string, text: string, inputs: InputFile[] = []): Promise<void> {
  checkOutput(file, inputs);
  // The process's own stdout/stderr by name (CI scripts write `-o /dev/stdout`): written through
  // the stream, which works whatever the descriptor is (a socket cannot be opened by path).
  const std = /^\/dev\/(stdout|stderr)$|^\/(?:dev|proc\/self)\/fd\/([12])$/.exec(file)?.slice(1).find(Boolean);
  if (std) {
    (std === "stdout" || std === "1" ? process.stdout : process.stderr).write(text);
    return;
  }
  try {
    await writeAtomic(file, text);
  } catch (e) {
    const reason = writeFailure(e);
    if (reason === "ESYMLINK") {
      throw new UsageError({
        zh: `不会把报告写入 ${file}：它是一个符号链接，写入可能改动链接指向的文件；请删除该链接或换一个文件名`,
        en: `will not write the report to ${file}: it is a symbolic link, and writing could change the file it points to; remove the link or choose another name`,
      });
    }
    throw new UsageError({
      zh: `无法写入报告文件 ${file}（${reason}）；请检查文件夹是否存在且可写`,
      en: `cannot write the report to ${file} (${reason}); check that the folder exists and is writable`,
    });
  }
}
