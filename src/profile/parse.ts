// A settings file (config or profile) → a document with positions, read with the same guards as
// every file the tool reads (readSettingFile: regular files only, never through a link out of the
// repository, bounded size), or an exit-2 error naming the file, line and column.
import { extname } from "node:path";
import { UsageError } from "../errors.js";
import { readSettingFile } from "../fs/read-setting-file.js";
import { decode } from "../load/decode.js";
import type { LoadedDocument } from "../load/document.js";
import { loadJson } from "../load/json.js";
import { loadYaml } from "../load/yaml.js";
import type { Text } from "../types.js";

export function parseSettingFile(abs: string, shown: string, kind: Text): LoadedDocument {
  let bytes: Buffer;
  try {
    bytes = readSettingFile(abs, { zh: `${kind.zh} ${shown}`, en: `the ${kind.en} ${shown}` });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? "?";
    throw new UsageError({ zh: `无法读取${kind.zh} ${shown}（${code}）`, en: `cannot read the ${kind.en} ${shown} (${code})` });
  }
  const decoded = decode(bytes);
  if (!decoded.ok) throw new UsageError({ zh: `${kind.zh} ${shown}：${decoded.message.zh}`, en: `${kind.en} ${shown}: ${decoded.message.en}` });
  // Scalars are typed (YAML 1.2 core): `min: 10` is a number, `off` stays the word off.
  const typed = { isTextField: () => false };
  const loaded = extname(abs).toLowerCase() === ".json" ? loadJson(decoded.text, typed) : loadYaml(decoded.text, typed);
  if (!loaded.ok) {
    const { message, position } = loaded.error;
    throw new UsageError({
      zh: `${kind.zh} ${shown}:${position.line}:${position.column}：${message.zh}`,
      en: `${kind.en} ${shown}:${position.line}:${position.column}: ${message.en}`,
    });
  }
  return loaded.doc;
}
