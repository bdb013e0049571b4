// Writes docs/rules/ and the README's rule table from the rule objects (run after `npm run build`:
// npm run docs).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { allRuleDocs, withReadmeRuleTable } from "../dist/docs/rule-docs.js";

for (const [path, text] of allRuleDocs()) {
  const file = join("docs", "rules", path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
console.log("docs/rules written");

const readme = readFileSync("README.md", "utf8");
const updated = withReadmeRuleTable(readme);
if (updated !== readme) writeFileSync("README.md", updated);
console.log(updated === readme ? "README.md rule table already current" : "README.md rule table written");
