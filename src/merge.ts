// `alliance-audit merge a.json b.json …`: the JSON reports of shards (--shard i/n) → one report,
// identical to the unsharded run's, so a CI matrix can fan out and fan back in.
import { readFileSync } from "node:fs";
import { UsageError } from "./errors.js";
import { buildReport } from "./report.js";
import type { ProposalReport, Report } from "./types.js";

export function readReport(file: string): Report {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError({ zh: `无法读取报告 ${file}（${(e as NodeJS.ErrnoException).code}）`, en: `cannot read the report ${file} (${(e as NodeJS.ErrnoException).code})` });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError({ zh: `${file} 不是 JSON 报告（请用 --format json 生成）`, en: `${file} is not a JSON report (make it with --format json)` });
  }
  const r = data as Partial<Report>;
  if (r?.version !== 1 || r.tool?.name !== "alliance-audit" || !Array.isArray(r.proposals) || typeof r.profile !== "string" || typeof r.asOf !== "string") {
    throw new UsageError({ zh: `${file} 不是 alliance-audit 第 1 版 JSON 报告`, en: `${file} is not an alliance-audit JSON report, version 1` });
  }
  return r as Report;
}

export function mergeReports(files: string[]): Report {
  if (files.length === 0) throw new UsageError({ zh: "merge 需要至少一个 JSON 报告", en: "merge needs at least one JSON report" });
  const reports = files.map(readReport);
  const { profile, asOf } = reports[0];
  const seen = new Map<string, string>();
  const proposals: ProposalReport[] = [];
  reports.forEach((r, i) => {
    if (r.profile !== profile || r.asOf !== asOf) {
      throw new UsageError({
        zh: `${files[i]} 的规则集或基准日（${r.profile}，${r.asOf}）与 ${files[0]}（${profile}，${asOf}）不同，不能合并`,
        en: `${files[i]} was audited with profile ${r.profile} as of ${r.asOf}, ${files[0]} with ${profile} as of ${asOf}: they cannot be merged`,
      });
    }
    for (const p of r.proposals) {
      const other = seen.get(p.path);
      if (other) {
        throw new UsageError({ zh: `申报材料 ${p.path} 同时出现在 ${other} 和 ${files[i]} 中`, en: `proposal ${p.path} is in both ${other} and ${files[i]}` });
      }
      seen.set(p.path, files[i]);
      proposals.push(p);
    }
  });
  return buildReport(profile, asOf, proposals);
}
