// Aliases of ../shared/spec/data-model.md: rosters are often typed in Chinese, in a spreadsheet.

/** CSV header → roster key. */
export const HEADER_ALIASES: Record<string, string> = {
  编号: "id",
  单位名称: "name",
  单位类型: "type",
  统一社会信用代码: "credit_code",
  法定代表人: "legal_representative",
  独立法人: "independent_legal_person",
  所在省份: "province",
  行业骨干: "backbone",
  前沿水平: "frontier",
  省属科研院所: "provincial_institute",
};

/** Member type aliases, accepted in CSV and YAML/JSON alike. */
export const TYPE_ALIASES: Record<string, string> = {
  企业: "enterprise",
  大学: "university",
  高校: "university",
  科研机构: "research_institute",
  科研院所: "research_institute",
  其他: "other",
};

/** Roster columns holding booleans, and the spellings a cell may use for them. */
export const BOOLEAN_FIELDS = new Set(["independent_legal_person", "backbone", "frontier", "provincial_institute"]);
const TRUE = new Set(["true", "yes", "是", "1"]);
const FALSE = new Set(["false", "no", "否", "0"]);

export function booleanCell(cell: string): boolean | string {
  const v = cell.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return cell; // left as text: the schema reports it with its row and column
}

/** Replace type aliases in a roster in place (the position of the value does not change). */
export function normalizeRoster(data: Record<string, unknown>): void {
  const members = data.members;
  if (!Array.isArray(members)) return;
  for (const m of members) {
    if (m && typeof m === "object" && typeof (m as Record<string, unknown>).type === "string") {
      const t = ((m as Record<string, unknown>).type as string).trim();
      // hasOwn: `type: constructor` must stay the text it is, not become Object's constructor.
      (m as Record<string, unknown>).type = Object.hasOwn(TYPE_ALIASES, t) ? TYPE_ALIASES[t] : t;
    }
  }
}
