// Writes docs/rules/ from the rule objects (run after `npm run build`: npm run docs).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { allRuleDocs } from "../dist/docs/rule-docs.js";

for (const [path, text] of allRuleDocs()) {
  const file = join("docs", "rules", path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
console.log("docs/rules written");
