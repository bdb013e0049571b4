// -o FILE: the report is written whole or not at all (temporary file in the same folder, then
// rename), so a CI step never picks up half a SARIF file.
import { renameSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError } from "../errors.js";

export function writeOutput(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError({
      zh: `无法写入报告文件 ${file}（${reason}）；请检查文件夹是否存在且可写`,
      en: `cannot write the report to ${file} (${reason}); check that the folder exists and is writable`,
    });
  }
}
