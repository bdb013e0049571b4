// The config and the baseline steer a run, and both may come from the checkout being audited (a
// pull request from a fork). So they are read only when they are regular files inside the
// repository: a FIFO would block the run forever, a device would be read without end, and a
// symbolic link out of the repository (.alliance-audit-baseline.json → ~/.ssh/id_rsa) would make
// its content appear in an error message. Such a file is refused before it is opened, and the
// messages never quote what is in it.
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { dirname, relative, resolve, isAbsolute, join } from "node:path";
import { UsageError } from "../errors.js";
import { LIMITS } from "../limits.js";
import type { Text } from "../types.js";

/** The repository root: the first folder at or above `dir` that holds `.git` (a folder or a file). */
export function repositoryRoot(dir: string): string | undefined {
  for (let d = resolve(dir); ; ) {
    if (existsSync(join(d, ".git"))) return d;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

const inside = (root: string, p: string) => {
  const rel = relative(root, p);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};

/**
 * The bytes of a config or baseline file, or a UsageError naming `what` ("the config file x") and
 * why it is refused. Errors while opening carry the code (ENOENT…) for the caller to word.
 */
export function readSettingFile(abs: string, what: Text): Buffer {
  const refuse = (why: Text): never => {
    throw new UsageError({ zh: `拒绝读取${what.zh}：${why.zh}`, en: `refusing to read ${what.en}: ${why.en}` });
  };
  const st = lstatSync(abs); // ENOENT and friends go to the caller
  if (st.isSymbolicLink()) {
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      return refuse({ zh: "它是一个指向不存在位置的符号链接", en: "it is a symbolic link that leads nowhere" });
    }
    const root = repositoryRoot(dirname(abs));
    if (!root || !inside(root, real)) {
      return refuse({
        zh: "它是一个指向仓库之外的符号链接；请放置一个普通文件",
        en: "it is a symbolic link that leads out of the repository; put a regular file there",
      });
    }
  }
  const target = st.isSymbolicLink() ? statSync(abs) : st;
  if (!target.isFile()) {
    const kind = target.isDirectory()
      ? { zh: "文件夹", en: "a folder" }
      : target.isFIFO()
        ? { zh: "管道（FIFO）", en: "a pipe (FIFO)" }
        : target.isCharacterDevice() || target.isBlockDevice()
          ? { zh: "设备", en: "a device" }
          : { zh: "特殊文件", en: "a special file" };
    return refuse({ zh: `它不是普通文件，而是${kind.zh}`, en: `it is not a regular file but ${kind.en}` });
  }
  if (target.size > LIMITS.maxFileBytes) {
    return refuse({
      zh: `文件大小 ${(target.size / 1048576).toFixed(1)} MiB，超过 ${(LIMITS.maxFileBytes / 1048576).toFixed(1)} MiB 的限制`,
      en: `the file is ${(target.size / 1048576).toFixed(1)} MiB, over the ${(LIMITS.maxFileBytes / 1048576).toFixed(1)} MiB limit`,
    });
  }
  // O_NONBLOCK: should the file have been swapped for a FIFO since the check, opening does not block.
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const now = fstatSync(fd);
    if (!now.isFile()) return refuse({ zh: "它不是普通文件", en: "it is not a regular file" });
    const size = Math.min(now.size, LIMITS.maxFileBytes);
    const buf = Buffer.alloc(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}
