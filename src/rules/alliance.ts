// HLJ 第4条 (符合…重点领域) and 第5条: the province's priority areas (新材料、能源装备、农产品加工与种植、
// 生物医药、建筑施工 …, a list that ends in 「等」). A question for the reviewer, not a verdict.
import { HLJ } from "../policy/documents.js";
import { at, show } from "./helpers.js";
import { defineRule, type Rule } from "./rule.js";

export const KEY_AREAS = ["new-materials", "energy-equipment", "agriculture", "bio-medicine", "construction"];
/** The Chinese names of the areas, each accepted on its own (A7). */
const CHINESE_AREAS = ["新材料", "能源装备", "农产品加工", "种植", "农业", "生物医药", "生物", "医药", "建筑施工", "节能建材"];

export function isKeyArea(v: unknown): boolean {
  if (typeof v !== "string") return false;
  const w = v.replace(/[\s\u3000]+/g, "");
  return KEY_AREAS.includes(w) || CHINESE_AREAS.includes(w);
}

export const allianceRules: Rule[] = [
  defineRule({
    id: "alliance/key-area",
    condition: "alliance",
    severity: { heilongjiang: "info" },
    citation: HLJ(4),
    alsoCites: [HLJ(5)],
    title: { zh: "不属于省重点领域", en: "Not in a provincial priority area" },
    description: {
      zh: "黑龙江省推动重点领域联盟的构建（第4条），第5条列出新材料、能源装备、农产品加工与种植、生物医药、建筑施工等领域。alliance.key_area 为其中之一（new-materials、energy-equipment、agriculture、bio-medicine、construction，或 新材料、能源装备、农产品加工、种植、农业、生物医药、生物、医药、建筑施工、节能建材）时不提示；该清单以“等”结尾，其他领域给出提示供审核人员判断。全国标准下 key_area 是自由文字。",
      en: "Heilongjiang builds alliances in priority areas (Art. 4); Art. 5 lists new materials, energy equipment, agricultural processing and growing, bio-medicine, construction and others. No notice when alliance.key_area is one of them (new-materials, energy-equipment, agriculture, bio-medicine, construction, or their Chinese names); the list ends in 「等」, so another area gets a notice for the reviewer. Under the national profile key_area is free text.",
    },
    fix: {
      zh: "在 alliance.key_area 中填写所属重点领域，如 新材料 或 new-materials；不属于所列领域时，在申报材料中说明符合省重点领域的理由。",
      en: "Set alliance.key_area to the priority area, e.g. 新材料 or new-materials; for another area, explain in the proposal why it is a provincial priority.",
    },
    messages: {
      missing: { zh: "未写明所属重点领域（alliance.key_area）", en: "no priority area is stated (alliance.key_area)" },
      other: { zh: "所属领域为 other，不属于黑龙江省第5条所列重点领域", en: "the area is other, not one of Heilongjiang's priority areas (Art. 5)" },
      unknown: {
        zh: "所属领域“{value}”不是黑龙江省第5条所列重点领域（新材料、能源装备、农产品加工与种植、生物医药、建筑施工）",
        en: 'the area "{value}" is not one of the priority areas of Heilongjiang Art. 5 (new materials, energy equipment, agriculture, bio-medicine, construction)',
      },
    },
    covers: ["/alliance/key_area"],
    check({ charter, report }) {
      const v = at(charter, "alliance", "key_area");
      if (isKeyArea(v)) return;
      const messageId = v === undefined ? "missing" : v === "other" ? "other" : "unknown";
      report({ messageId, data: { value: show(v) }, pointer: "/alliance/key_area" });
    },
  }),
];
