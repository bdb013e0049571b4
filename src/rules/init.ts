// init/template-unchanged (cli.md revision 2): the charter is still the starter that
// `alliance-audit init` wrote. The template audits clean on purpose, so without this warning an
// untouched example would pass as a real alliance. It fires only when both signs are there: the
// example alliance's name AND the template's marker comment, so a real alliance that happens to
// keep a comment, or an example renamed but not yet cleaned up, is not misjudged either way.
import { INIT_MARKER, TEMPLATE_ALLIANCE_NAME } from "../init/templates.js";
import { defineRule, type Rule } from "./rule.js";

const MARKER = new RegExp(`(^|\\s)${INIT_MARKER.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s|$)`);

export const initRules: Rule[] = [
  defineRule({
    id: "init/template-unchanged",
    condition: "files",
    severity: { national: "warning", heilongjiang: "warning" },
    // A tool rule: it says the file is still an example, and cites no policy clause (fidelity.md C1).
    title: { zh: "仍是 init 生成的示例", en: "Still the init example" },
    description: {
      zh: "章程仍是 alliance-audit init 生成的示例：联盟名称是示例名称，并且保留了示例的标记注释（alliance-audit:init-template）。示例本身符合条件，但它不是一个真实的联盟，不能作为申报材料。",
      en: "The charter is still the example that alliance-audit init wrote: the alliance has the example's name and the template's marker comment (alliance-audit:init-template) is still there. The example meets the conditions, but it is not a real alliance and cannot be submitted.",
    },
    fix: {
      zh: "把示例中的联盟名称、成员、日期等改为本联盟的实际内容，然后删除标记注释行（# alliance-audit:init-template …）。",
      en: "Replace the example's alliance name, members, dates and so on with your alliance's, then delete the marker comment line (# alliance-audit:init-template …).",
    },
    messages: {
      unchanged: {
        zh: "章程仍是 alliance-audit init 生成的示例（联盟名称“{name}”和示例标记注释都还在），不是真实联盟的申报材料",
        en: 'the charter is still the example written by alliance-audit init (the alliance name "{name}" and the example\'s marker comment are both there), not a real alliance\'s proposal',
      },
    },
    check(ctx) {
      const alliance = ctx.charter.alliance as { name?: unknown } | undefined;
      const name = alliance && typeof alliance === "object" ? alliance.name : undefined;
      if (typeof name !== "string" || name.trim() !== TEMPLATE_ALLIANCE_NAME) return;
      if (!(ctx.charterComments ?? []).some((c) => MARKER.test(c.text))) return;
      ctx.report({ messageId: "unchanged", data: { name: TEMPLATE_ALLIANCE_NAME }, pointer: "/alliance/name" });
    },
  }),
];
