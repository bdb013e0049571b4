// ProposalReports → the Report object that every format renders (cli.md, JSON report version 2).
import { summarize } from "./engine/status.js";
import type { ProfileFileRef, Profile, ProposalReport, Report } from "./types.js";
import { VERSION } from "./version.js";

export { summarize } from "./engine/status.js";

export interface ReportHead {
  profile: string | ProfileFileRef;
  asOf: string;
  /** The config file used, relative to the cwd, or null. */
  config?: string | null;
}

export function buildReport(head: ReportHead, proposals: ProposalReport[]): Report {
  const sorted = [...proposals].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    version: 2,
    tool: { name: "alliance-audit", version: VERSION },
    profile: head.profile,
    config: head.config ?? null,
    asOf: head.asOf,
    proposals: sorted,
    summary: summarize(sorted),
  };
}

/** The profile's name as people read it: a built-in's id, or a profile file's name in `lang`. */
export function profileLabel(profile: Report["profile"], lang: "zh" | "en"): string {
  if (typeof profile === "string") return profile;
  const name = profile.name[lang];
  return name === profile.file || profile.file.endsWith(`/${name}`) ? profile.file : `${name} (${profile.file})`;
}
