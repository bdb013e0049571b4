// HLJ 第5条: the province's priority areas (新材料、能源装备、农产品加工与种植、生物医药、建筑施工).
import { HLJ } from "../policy/documents.js";
import { at, show } from "./helpers.js";
import { defineRule, type Rule } from "./rule.js";

export const KEY_AREAS = ["new-materials", "energy-equipment", "agriculture", "bio-medicine", "construction"];

export const allianceRules: Rule[] = [
  defineRule({
    id: "alliance/key-area",
    condition: "alliance",
    severity: { heilongjiang: "warning" },
    citation: HLJ(5),
    title: { zh: "不属于省重点领域", en: "Not in a provincial priority area" },
    description: {
      zh: "黑龙江省重点建设新材料、能源装备、农产品加工与种植、生物医药、建筑施工等领域的联盟（第5条）。alliance.key_area 应为其中之一。",
      en: "Heilongjiang prioritises alliances in new materials, energy equipment, agriculture, bio-medicine and construction (Art. 5). alliance.key_area should be one of them.",
    },
    fix: {
      zh: "在 alliance.key_area 中填写 new-materials、energy-equipment、agriculture、bio-medicine 或 construction。",
      en: "Set alliance.key_area to new-materials, energy-equipment, agriculture, bio-medicine or construction.",
    },
    messages: {
      missing: { zh: "未写明所属重点领域（alliance.key_area）", en: "no priority area is stated (alliance.key_area)" },
      other: { zh: "所属领域为 other，不属于黑龙江省第5条所列重点领域", en: "the area is other, not one of Heilongjiang's priority areas (Art. 5)" },
      unknown: {
        zh: "所属领域“{value}”不是重点领域之一：new-materials | energy-equipment | agriculture | bio-medicine | construction",
        en: 'the area "{value}" is not a priority area: new-materials | energy-equipment | agriculture | bio-medicine | construction',
      },
    },
    covers: ["/alliance/key_area"],
    check({ charter, report }) {
      const v = at(charter, "alliance", "key_area");
      if (typeof v === "string" && KEY_AREAS.includes(v)) return;
      const messageId = v === undefined ? "missing" : v === "other" ? "other" : "unknown";
      report({ messageId, data: { value: show(v) }, pointer: "/alliance/key_area" });
    },
  }),
];
