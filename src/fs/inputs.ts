// The files a run reads (the roster of --members, the baseline, the config in use, every file a
// proposal reads): -o must never name one of them, or the report would destroy what it is about.
// The check takes a list, so that new inputs (linked documents) are one more entry.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import type { Text } from "../types.js";

export interface InputFile {
  /** The path as given or as found (relative to cwd, or absolute). */
  path: string;
  /** What it is, in both languages: "the roster given with --members". */
  role: Text;
}

export const ROLES = {
  members: { zh: "--members 指定的成员名单", en: "the roster given with --members" },
  baseline: { zh: "--baseline 指定的基线文件", en: "the baseline file (--baseline)" },
  config: { zh: "正在使用的配置文件", en: "the config file in use" },
  charter: { zh: "申报材料的章程文件", en: "a proposal's charter" },
  roster: { zh: "申报材料的成员名单", en: "a proposal's roster" },
  document: { zh: "申报材料链接的协议文档", en: "a document a proposal links" },
} satisfies Record<string, Text>;

/** dev:ino of an existing file (links and hard links lead to the same one), else undefined. */
function identity(p: string): string | undefined {
  try {
    const st = statSync(p);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Exit 2 when `output` (the -o FILE, or the baseline to be written) is one of `inputs`: the same
 * path, or the same file reached another way (a link, a hard link, `./x` for `x`).
 */
export function assertNotAnInput(output: string, inputs: InputFile[], cwd: string, flag = "-o"): void {
  const abs = resolve(cwd, output);
  const id = identity(abs);
  for (const input of inputs) {
    const inAbs = resolve(cwd, input.path);
    if (inAbs === abs || (id !== undefined && identity(inAbs) === id)) {
      throw new UsageError({
        zh: `${flag} ${output} 是${input.role.zh}（${input.path}）：写入会覆盖本次审核读取的文件；请换一个文件名`,
        en: `${flag} ${output} is ${input.role.en} (${input.path}): writing it would overwrite a file this run reads; choose another name`,
      });
    }
  }
}

/** Exit 2 for an option given an empty value (`-o ""`): it names no file, and must not mean the cwd. */
export function assertNotEmpty(flag: string, value: string | undefined): void {
  if (value !== undefined && value.trim() === "") {
    throw new UsageError({ zh: `${flag} 需要一个文件名，不能为空`, en: `${flag} needs a file name; it cannot be empty` });
  }
}
