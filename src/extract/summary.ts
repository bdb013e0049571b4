// The short summary `extract` prints: what it wrote, what it filled, what is left TODO, and the
// next step — in both languages, chosen at the edge like every other message.
import type { Text } from "../types.js";

export function summaryText(summary: { filled: string[]; todo: string[] }, written: string[], members: number | undefined, dir: string): Text {
  const zh: string[] = [];
  const en: string[] = [];
  zh.push(`已写入 ${written.join("、")}`);
  en.push(`Wrote ${written.join(", ")}`);
  zh.push(`已填写 ${summary.filled.length} 项：${summary.filled.join("、")}`);
  en.push(`Filled ${summary.filled.length}: ${summary.filled.join(", ")}`);
  if (summary.todo.length > 0) {
    zh.push(`待填写（TODO）${summary.todo.length} 项：${summary.todo.join("、")}`);
    en.push(`Left TODO ${summary.todo.length}: ${summary.todo.join(", ")}`);
  } else {
    zh.push("待填写（TODO）0 项");
    en.push("Left TODO: none");
  }
  if (members !== undefined) {
    zh.push(`members.yaml 列出文中的 ${members} 个缔约单位；每个单位的类型、统一社会信用代码和法定代表人待填写（TODO）`);
    en.push(`members.yaml lists the ${members} parties found in the text; each one's type, credit code and legal representative are TODO`);
  }
  zh.push(`下一步：按原件核对并填写 TODO，然后运行 alliance-audit ${dir}`);
  en.push(`Next: review the values against the original, fill in the TODOs, then run alliance-audit ${dir}`);
  return { zh: `${zh.join("\n")}\n`, en: `${en.join("\n")}\n` };
}
