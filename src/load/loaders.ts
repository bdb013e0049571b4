// The loaders of proposal files, by file name ending: the entries a plugin contributes to the
// registry (src/registry) — yaml, json, csv, xlsx today; another input format is one more entry
// here (docs/architecture.md, "Add a loader"). A text loader receives the decoded text (UTF-8,
// UTF-16 with BOM, GB18030: decode.ts); a binary one the bytes, and is imported only when a file
// of its kind is read, so a YAML-only audit never loads the workbook reader.
import { loadCsv } from "./csv.js";
import type { LoadResult } from "./document.js";
import { loadJson } from "./json.js";
import { loadYaml } from "./yaml.js";

export interface TextLoadOptions {
  /** True for pointers whose schema keeps the source text (credit codes, member ids). */
  isTextField(pointer: string): boolean;
}

export type Loader =
  | { id: string; extensions: readonly string[]; binary?: false; load(text: string, o: TextLoadOptions): LoadResult }
  | { id: string; extensions: readonly string[]; binary: true; load(bytes: Uint8Array): Promise<LoadResult> };

export const builtinLoaders: readonly Loader[] = [
  { id: "yaml", extensions: [".yaml", ".yml"], load: (text, o) => loadYaml(text, o) },
  { id: "json", extensions: [".json"], load: (text, o) => loadJson(text, o) },
  { id: "csv", extensions: [".csv"], load: (text) => loadCsv(text) },
  {
    id: "xlsx",
    extensions: [".xlsx"],
    binary: true,
    load: async (bytes) => (await import("./xlsx.js")).loadXlsx(bytes),
  },
];
