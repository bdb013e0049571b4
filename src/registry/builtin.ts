// The built-in catalogue as the first plugin: the two policy documents, the condition modules of
// 国科发政〔2008〕770号 第八条 (and the tool's own rules), the national and Heilongjiang profiles —
// derived from each rule's own severity map, so a rule stays self-describing — and the roles a
// proposal's files play. A province's rules are another plugin or, more simply, a profile file.
import { builtinLoaders } from "../load/loaders.js";
import { CHARTER_FILE_NAMES, ROSTER_FILE_NAMES } from "../load/names.js";
import { DOCUMENTS } from "../policy/documents.js";
import { derivedProfile } from "../profile/builtin.js";
import { agreementRules } from "../rules/agreement.js";
import { allianceRules } from "../rules/alliance.js";
import { composition } from "../rules/composition.js";
import { engineRules } from "../rules/engine-rules.js";
import { evidenceRules } from "../rules/evidence.js";
import { funding } from "../rules/funding.js";
import { governance } from "../rules/governance.js";
import { initRules } from "../rules/init.js";
import { ip } from "../rules/ip.js";
import { openness } from "../rules/openness.js";
import { profileRules } from "../rules/profile-rules.js";
import { refRules } from "../rules/refs.js";
import type { ConditionModule, Plugin } from "./plugin.js";

const byCondition = (id: string) => profileRules.filter((r) => r.condition === id);

const conditions: ConditionModule[] = [
  { id: "files", label: { zh: "文件与结构", en: "Files and structure" }, rules: [...engineRules, ...refRules, ...initRules] },
  { id: "composition", label: { zh: "组成", en: "Composition" }, number: { zh: "条件（一）", en: "Condition 1" }, rules: [...composition, ...byCondition("composition")] },
  { id: "agreement", label: { zh: "协议", en: "Agreement" }, number: { zh: "条件（二）", en: "Condition 2" }, rules: agreementRules },
  { id: "governance", label: { zh: "机构", en: "Governance bodies" }, number: { zh: "条件（三）", en: "Condition 3" }, rules: governance },
  { id: "funding", label: { zh: "经费", en: "Funding" }, number: { zh: "条件（四）", en: "Condition 4" }, rules: funding },
  { id: "ip", label: { zh: "知识产权", en: "Benefits and IP" }, number: { zh: "条件（五）", en: "Condition 5" }, rules: ip },
  { id: "openness", label: { zh: "开放", en: "Openness" }, number: { zh: "条件（六）", en: "Condition 6" }, rules: openness },
  { id: "evidence", label: { zh: "协议原文核对", en: "Evidence in the documents" }, rules: evidenceRules },
  { id: "alliance", label: { zh: "联盟（地方规则）", en: "Alliance (profile rules)" }, rules: [...allianceRules, ...byCondition("alliance")] },
];

const allRules = conditions.flatMap((c) => c.rules);

export const builtinPlugin: Plugin = {
  name: "alliance-audit",
  documents: DOCUMENTS,
  conditions,
  profiles: {
    national: { name: { zh: "国家（国科发政〔2008〕770号）", en: "national (Guokefazheng [2008] No. 770)" }, layer: derivedProfile("national", allRules) },
    heilongjiang: { name: { zh: "黑龙江省", en: "Heilongjiang" }, layer: derivedProfile("heilongjiang", allRules) },
  },
  roles: {
    charter: { names: CHARTER_FILE_NAMES, schema: "charter" },
    members: { names: ROSTER_FILE_NAMES, schema: "members" },
  },
  loaders: builtinLoaders,
};
