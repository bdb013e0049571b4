// The starter proposal that `alliance-audit init` writes: a complete, compliant charter and roster
// with a comment on every section saying which clause it satisfies, in the user's language.
// Lines starting with `@N ` are kept for the national profile only, `@HLJ ` for Heilongjiang only.
// The template audits clean in both profiles apart from one warning, init/template-unchanged: the
// charter's marker line (INIT_MARKER) and example name say it is still the example, so it is
// never taken for a real alliance. test/init checks both. Optional fields of the data model's
// revision 2 are shown commented out, so that they are easy to find and change nothing as written.
import type { Lang, Profile } from "../types.js";

export interface TemplateVars {
  /** `$schema=` targets for yaml-language-server. */
  charterSchema: string;
  membersSchema: string;
  /** YYYY-MM-DD: the signing and effective date (today), the expiry date (effective + 3 years). */
  today: string;
  expiry: string;
  /** The folder as the user named it, for the "run this next" hint. */
  dir: string;
}

/** The token of the charter's marker comment, which init/template-unchanged looks for. */
export const INIT_MARKER = "alliance-audit:init-template";

/** The example alliance's name in the charter (both languages write the registered Chinese name). */
export const TEMPLATE_ALLIANCE_NAME = "示例先进金属材料产业技术创新战略联盟";

/** Valid 统一社会信用代码 (both GB 32100 checks pass), made up for the template. */
export const TEMPLATE_CREDIT_CODES = ["91230100MA1C4E7R50", "12230000412003128L", "12230000414005880L"] as const;

/**
 * The marker of the template lines written for each built-in profile. A profile without one has
 * no template of its own: an error here, never a silent fall-back to another profile's lines.
 */
const TEMPLATE_MARKERS: Record<string, string> = { national: "@N ", heilongjiang: "@HLJ " };

function fill(text: string, vars: TemplateVars, profile: Profile): string {
  const keep = TEMPLATE_MARKERS[profile];
  if (!keep) throw new Error(`no init template lines for the profile ${profile}`);
  const lines: string[] = [];
  for (const line of text.split("\n")) {
    const m = /^(\s*)(@N |@HLJ )(.*)$/.exec(line);
    if (!m) lines.push(line);
    else if (m[2] === keep) lines.push(m[1] + m[3]);
  }
  const v: Record<string, string> = { ...vars, profile, c1: TEMPLATE_CREDIT_CODES[0], c2: TEMPLATE_CREDIT_CODES[1], c3: TEMPLATE_CREDIT_CODES[2] };
  return lines.join("\n").replace(/\{\{(\w+)\}\}/g, (whole, k: string) => v[k] ?? whole);
}

export function charterTemplate(lang: Lang, profile: Profile, vars: TemplateVars): string {
  return fill(lang === "zh" ? CHARTER_ZH : CHARTER_EN, vars, profile);
}

export function membersTemplate(lang: Lang, profile: Profile, vars: TemplateVars): string {
  return fill(lang === "zh" ? MEMBERS_ZH : MEMBERS_EN, vars, profile);
}

const CHARTER_ZH = `# yaml-language-server: $schema={{charterSchema}}
# 产业技术创新战略联盟 申报材料：联盟协议/章程要点（由 alliance-audit init 生成的完整示例）
# 每一项都按本联盟的实际情况修改；示例中的单位、人名和信用代码均为虚构。
# 修改后检查：alliance-audit --profile {{profile}} {{dir}}
@N # 规则集 national：科技部等六部门《关于推动产业技术创新战略联盟构建的指导意见》（国科发政〔2008〕770号）第八条
@HLJ # 规则集 heilongjiang：国科发政〔2008〕770号 第八条，以及黑龙江省《关于推进我省产业技术创新战略联盟建设的工作意见》第5—7条
# 行内抑制（须写理由）：# alliance-audit-disable-next-line <规则编号> -- <理由>
# alliance-audit:init-template —— 这是示例：改为本联盟的实际内容后删除本行（否则会报告 init/template-unchanged）
schema_version: 1                   # 文件格式版本，固定为 1
# roster: 成员名单.xlsx              # 可选：成员名单的文件名（相对于本文件夹）；不写时使用 members.yaml / members.csv 等默认文件名

# 联盟基本信息
alliance:
  name: 示例先进金属材料产业技术创新战略联盟
  name_en: Example Advanced Metal Materials Industrial Technology Innovation Strategic Alliance
  field: 先进金属材料               # 合作的技术领域
@N   key_area: new-materials         # 可选：new-materials | energy-equipment | agriculture | bio-medicine | construction | other
@HLJ   key_area: new-materials         # 黑龙江省工作意见 第5条 重点领域：new-materials | energy-equipment | agriculture | bio-medicine | construction
  lead_member: M01                  # 牵头单位（成员编号）；以企业为主体，牵头单位应为企业

# 条件（二）联盟协议 — 国科发政〔2008〕770号 第八条（二）
@HLJ # （黑龙江省工作意见 第6条 同；另要求加入和退出机制，协议三至五年签署一次）
# 要有具有法律约束力的联盟协议，明确技术创新目标，落实成员任务分工，由成员单位法定代表人共同签署生效。
agreement:
  title: 示例先进金属材料产业技术创新战略联盟协议
  legally_binding: true             # 协议具有法律约束力，必须为 true
  signed_date: '{{today}}'         # 签署日期（YYYY-MM-DD，加引号）
  # first_signed_date: '2020-01-01' # 可选：续签的协议写最初签署的日期（判断项目知识产权是否事先约定）
  effective_date: '{{today}}'      # 生效日期：不早于最后一位成员签署的日期
@N   expiry_date: '{{expiry}}'         # 到期日期：审核日期不得晚于到期日
@HLJ   expiry_date: '{{expiry}}'         # 到期日期：期限须为 3—5 年（第6条：协议三至五年签署一次）
  # auto_renewal_years: 3           # 可选：到期后自动续期的年数
  innovation_goals:                 # 明确的技术创新目标（至少一项）
    - 突破高强韧铝合金大规格铸锭均质化关键技术
    - 制定先进金属材料行业标准 2 项
  task_division:                    # 任务分工：每个成员至少一项任务
    - member: M01
      tasks: [中试线建设与产业化验证]
    - member: M02
      tasks: [合金成分设计与性能表征]
    - member: M03
      tasks: [熔铸工艺与均质化机理研究]
  signatures:                       # 每个成员一条：由该成员的法定代表人本人签署
    - member: M01
      signatory: 张伟               # 须与 members.yaml 中的 legal_representative 一致
      capacity: legal_representative   # legal_representative（法定代表人）| authorized_agent（授权代理人，须附 authorization）
      date: '{{today}}'
      # kind: accession             # 可选：founding（创始签署，默认）| accession（后来加入时签署的入盟协议）
    - member: M02
      signatory: 李静
      capacity: legal_representative
      date: '{{today}}'
    - member: M03
      signatory: 王磊
      capacity: legal_representative
      date: '{{today}}'
@N   membership:                       # 条件（六）吸收新成员（加入机制）；退出机制
@HLJ   membership:                       # 条件（六）吸收新成员；黑龙江省工作意见 第6条 加入和退出机制
    admission: 新成员提出书面申请，经理事会三分之二以上理事同意后加入
    withdrawal: 成员提前三个月书面申请，经理事会同意后退出，并完成在研任务交接

# 条件（三）组织机构 — 国科发政〔2008〕770号 第八条（三）
@HLJ # （黑龙江省工作意见 第6条 同）
# 要设立决策、咨询和执行机构，建立有效的决策与执行机制，明确对外承担责任的主体；执行机构配备专职人员。
governance:
  decision_body:                    # 决策机构
    name: 理事会
    composition: [M01, M02, M03]    # 组成成员（成员编号）
    rules: 理事会每年至少召开一次会议，重大事项须经三分之二以上理事同意   # 决策机制
  advisory_body:                    # 咨询机构
    name: 专家委员会
    experts: [赵文博, 孙海燕]
  executive_body:                   # 执行机构
    name: 秘书处
    host_member: M01                # 秘书处所在单位（成员编号）
    # host_unit: {name: 示例产业技术研究院, credit_code: '…'}   # 或：非成员的依托单位（与 host_member 只写一个）
    full_time_staff: 2              # 专职人员人数，至少 1 人
    rules: 秘书处在理事会领导下负责联盟日常事务，每季度向理事会报告工作   # 执行机制
  liable_entity: M01                # 对外承担责任的主体（成员编号）

# 条件（四）经费管理 — 国科发政〔2008〕770号 第八条（四）
@HLJ # （黑龙江省工作意见 第6条 同）
# 要制定经费内部管理办法，建立经费使用的内部监督机制；政府资助经费接受有关部门监督。
funding:
  management_rules: 《示例先进金属材料联盟经费管理办法》   # 内部管理办法
  internal_supervision: 设立经费监督小组，每年委托第三方审计一次   # 内部监督机制
  custodian: M01                    # 可选：管理联盟经费的依托单位（成员编号）
  # custodian_unit: {name: 示例产业技术研究院}   # 或：非成员的经费依托单位（与 custodian 只写一个）
  government_funding: false         # 联盟是否使用政府资助经费
  government_supervision: true      # 政府资助经费按规定接受有关部门监督；使用政府资助时必须为 true

# 条件（五）利益保障机制 — 国科发政〔2008〕770号 第八条（五）
@HLJ # （黑龙江省工作意见 第6条 同）
# 研发成果和知识产权事先通过协议明确权利归属、许可使用和转化收益分配，强化违约责任追究。
ip:
  ownership: 联合研发成果归参与研发的成员按项目约定比例共有      # 权利归属
  licensing: 成员在同等条件下享有优先、优惠的许可使用权          # 许可使用
  revenue_distribution: 转化收益按各项目约定的份额分配          # 转化收益分配
  breach_liability: 违约方承担赔偿责任，情节严重的经理事会决议取消成员资格   # 违约责任
  projects:                         # 研发项目：开始日期不早于协议签署日期（事先约定）
    - id: P1
      name: 高强韧铝合金厚板研制
      start_date: '{{today}}'
      participants: [M01, M02, M03]
      government_funded: false      # 政府资助项目的成果有向联盟外扩散的义务
      ownership: {M01: 50, M02: 25, M03: 25}        # 每个参与成员的份额（%），合计 100
      revenue_shares: {M01: 60, M02: 20, M03: 20}   # 可选：转化收益份额（%），合计 100

# 条件（六）开放发展机制 — 国科发政〔2008〕770号 第八条（六）
@HLJ # （黑龙江省工作意见 第6条 同）
# 及时吸收新成员（见 agreement.membership），开展对外交流与合作，建立成果扩散机制。
openness:
  external_cooperation: 与国内外高校、科研机构及行业组织开展技术交流与合作
  result_diffusion: 通过技术转让、许可和行业培训等方式向行业扩散成果
  government_funded_diffusion: true # 承担政府资助项目形成的成果向联盟外扩散
`;

const MEMBERS_ZH = `# yaml-language-server: $schema={{membersSchema}}
# 产业技术创新战略联盟 成员名单（由 alliance-audit init 生成的示例；单位、人名和信用代码均为虚构，请替换）
# 条件（一）成员构成 — 国科发政〔2008〕770号 第八条（一）
@HLJ # （黑龙江省工作意见 第6条 同，省外机构也可成为成员；第7条 鼓励省属科研院所加入）
# 由企业、大学和科研机构等多个独立法人组成；企业处于行业骨干地位，大学或科研机构在合作领域具有前沿水平。
# 境外成员：写 country（如 俄罗斯）和 registration_no（注册号），无需统一社会信用代码
members:
  - id: M01                         # 成员编号：章程中用它指代成员
    name: 示例铝业股份有限公司
    type: enterprise                # enterprise（企业）| university（大学）| research_institute（科研机构）| other
    credit_code: '{{c1}}' # 统一社会信用代码（GB 32100-2015，18 位，含校验位）
    legal_representative: 张伟      # 法定代表人：须与协议签署人一致
    independent_legal_person: true  # 独立法人；分公司、分院等非独立法人不能作为成员
    province: 黑龙江省
    backbone: true                  # 企业处于行业骨干地位
    # core: true                    # 可选：联盟核心层成员
    # former_legal_representatives: [张某]   # 可选：签署协议后法定代表人变更的，写变更前的姓名
  - id: M02
    name: 示例理工大学
    type: university
    credit_code: '{{c2}}'
    legal_representative: 李静
    independent_legal_person: true
    province: 黑龙江省
    frontier: true                  # 在合作的技术领域具有前沿水平
    # status: withdrawn             # 可选：current（在册，默认）| withdrawn（已退出）
    # withdrawn_date: '2026-01-01'  # 可选：退出日期
  - id: M03
    name: 示例省金属材料研究院
    type: research_institute
    credit_code: '{{c3}}'
    legal_representative: 王磊
    independent_legal_person: true
    province: 黑龙江省
    frontier: true
@N     provincial_institute: true      # 省属科研院所（黑龙江省规则集鼓励）
@HLJ     provincial_institute: true      # 省属科研院所：黑龙江省工作意见 第7条 鼓励加入
`;

const CHARTER_EN = `# yaml-language-server: $schema={{charterSchema}}
# Industrial technology innovation strategic alliance proposal: the charter digest
# (a complete example written by alliance-audit init). Change every value to your alliance's;
# the organisations, people and credit codes in it are made up.
# Then check it: alliance-audit --profile {{profile}} {{dir}}
@N # Profile national: MOST et al., Guiding Opinions (Guokefazheng [2008] No. 770), Art. 8
@HLJ # Profile heilongjiang: Guokefazheng [2008] No. 770, Art. 8, and the Heilongjiang Work Opinion, Art. 5-7
# Inline suppression (give a reason): # alliance-audit-disable-next-line <rule-id> -- <reason>
# alliance-audit:init-template -- this is the example: delete this line once the values are your alliance's (until then init/template-unchanged is reported)
schema_version: 1                   # file format version, always 1
# roster: 成员名单.xlsx              # optional: the roster's file name (relative to this folder); default names such as members.yaml otherwise

# The alliance
alliance:
  name: 示例先进金属材料产业技术创新战略联盟   # the registered Chinese name
  name_en: Example Advanced Metal Materials Industrial Technology Innovation Strategic Alliance
  field: advanced metal materials   # the technology field of the cooperation
@N   key_area: new-materials         # optional: new-materials | energy-equipment | agriculture | bio-medicine | construction | other
@HLJ   key_area: new-materials         # Heilongjiang Work Opinion, Art. 5 priority areas: new-materials | energy-equipment | agriculture | bio-medicine | construction
  lead_member: M01                  # the lead member (a member id); enterprise-led, so an enterprise

# Condition (2), the agreement: Guokefazheng [2008] No. 770, Art. 8(2)
@HLJ # (Heilongjiang Work Opinion, Art. 6, the same, plus join and exit rules and a 3-5 year agreement term)
# A legally binding agreement with clear innovation goals and a task for every member,
# signed by each member's legal representative.
agreement:
  title: Example Advanced Metal Materials Alliance Agreement
  legally_binding: true             # must be true
  signed_date: '{{today}}'         # YYYY-MM-DD, quoted
  # first_signed_date: '2020-01-01' # optional: for a renewed agreement, when the first one was signed
  effective_date: '{{today}}'      # not before the last member signed
@N   expiry_date: '{{expiry}}'         # the audit date must not be after it
@HLJ   expiry_date: '{{expiry}}'         # the term must be 3 to 5 years (Art. 6: re-signed every 3-5 years)
  # auto_renewal_years: 3           # optional: years by which the agreement renews itself at expiry
  innovation_goals:                 # clear technology innovation goals (at least one)
    - Master homogenisation of large high-strength aluminium alloy ingots
    - Publish two industry standards for advanced metal materials
  task_division:                    # every member has at least one task
    - member: M01
      tasks: [pilot line and industrial validation]
    - member: M02
      tasks: [alloy design and characterisation]
    - member: M03
      tasks: [casting process and homogenisation research]
  signatures:                       # one per member, signed by its legal representative in person
    - member: M01
      signatory: Zhang Wei          # must equal the member's legal_representative in members.yaml
      capacity: legal_representative   # legal_representative | authorized_agent (then add authorization)
      date: '{{today}}'
      # kind: accession             # optional: founding (default) | accession (a member that joined later)
    - member: M02
      signatory: Li Jing
      capacity: legal_representative
      date: '{{today}}'
    - member: M03
      signatory: Wang Lei
      capacity: legal_representative
      date: '{{today}}'
@N   membership:                       # condition (6): admitting new members; how members leave
@HLJ   membership:                       # condition (6): admitting new members; HLJ Art. 6: join and exit rules
    admission: New members apply in writing and join with the consent of two thirds of the council
    withdrawal: A member gives three months' written notice and leaves with the council's consent after handing over its tasks

# Condition (3), governance: Guokefazheng [2008] No. 770, Art. 8(3)
@HLJ # (Heilongjiang Work Opinion, Art. 6, the same)
# Decision, advisory and executive bodies with working decision and execution rules, an entity
# liable towards third parties, and full-time staff in the executive body.
governance:
  decision_body:                    # the decision body
    name: Council
    composition: [M01, M02, M03]    # member ids
    rules: The council meets at least once a year; major matters need two thirds of the councillors   # decision mechanism
  advisory_body:                    # the advisory body
    name: Expert Committee
    experts: [Zhao Wenbo, Sun Haiyan]
  executive_body:                   # the executive body
    name: Secretariat
    host_member: M01                # the member hosting it
    # host_unit: {name: 示例产业技术研究院, credit_code: '…'}   # or: a host that is not a member (give one of the two)
    full_time_staff: 2              # full-time staff, at least 1
    rules: The secretariat runs daily affairs under the council and reports to it every quarter   # execution mechanism
  liable_entity: M01                # the member liable towards third parties

# Condition (4), funding: Guokefazheng [2008] No. 770, Art. 8(4)
@HLJ # (Heilongjiang Work Opinion, Art. 6, the same)
# Internal rules for the alliance's funds, internal supervision of their use, and supervision by
# the authorities of any government funds.
funding:
  management_rules: Alliance Funds Management Measures   # internal management rules
  internal_supervision: A funds supervision group; a third-party audit every year   # internal supervision
  custodian: M01                    # optional: the member that manages the funds
  # custodian_unit: {name: 示例产业技术研究院}   # or: a custodian that is not a member (give one of the two)
  government_funding: false         # does the alliance receive government funds?
  government_supervision: true      # government funds are used under the authorities' supervision; must be true when there are any

# Condition (5), benefits and IP: Guokefazheng [2008] No. 770, Art. 8(5)
@HLJ # (Heilongjiang Work Opinion, Art. 6, the same)
# Ownership, licensing and revenue sharing of results agreed in advance; liability for breach.
ip:
  ownership: Joint results are co-owned by the participating members in the shares agreed per project
  licensing: Members get priority, preferential licences on equal terms
  revenue_distribution: Revenue from commercialisation is shared as agreed per project
  breach_liability: A member in breach pays damages; in serious cases the council may expel it
  projects:                         # R&D projects: starting no earlier than the agreement was signed
    - id: P1
      name: High-strength aluminium alloy plate
      start_date: '{{today}}'
      participants: [M01, M02, M03]
      government_funded: false      # results of government-funded projects must be diffused outside the alliance
      ownership: {M01: 50, M02: 25, M03: 25}        # percent per participant, summing to 100
      revenue_shares: {M01: 60, M02: 20, M03: 20}   # optional: revenue shares in percent, summing to 100

# Condition (6), openness: Guokefazheng [2008] No. 770, Art. 8(6)
@HLJ # (Heilongjiang Work Opinion, Art. 6, the same)
# Admitting new members (agreement.membership), external cooperation, and diffusion of results.
openness:
  external_cooperation: Technical exchange and cooperation with universities, institutes and industry bodies at home and abroad
  result_diffusion: Results are diffused to the industry by transfer, licensing and training
  government_funded_diffusion: true # results of government-funded projects are diffused outside the alliance
`;

const MEMBERS_EN = `# yaml-language-server: $schema={{membersSchema}}
# Industrial technology innovation strategic alliance: the membership roster (an example written by
# alliance-audit init; the organisations, people and credit codes are made up: replace them).
# Condition (1), composition: Guokefazheng [2008] No. 770, Art. 8(1)
@HLJ # (Heilongjiang Work Opinion, Art. 6, the same, and members from other provinces are welcome; Art. 7 encourages provincial institutes)
# Several independent legal persons: enterprises, universities and research institutes; an enterprise
# that is an industry backbone, and a university or institute at the frontier of the field.
# A member outside the mainland: country (俄罗斯, say) and registration_no instead of a credit code.
members:
  - id: M01                         # the member id the charter refers to
    name: 示例铝业股份有限公司        # the registered name
    type: enterprise                # enterprise | university | research_institute | other
    credit_code: '{{c1}}' # unified social credit code (GB 32100-2015: 18 characters with check characters)
    legal_representative: Zhang Wei # must be the agreement's signatory
    independent_legal_person: true  # branches are not independent legal persons and cannot be members
    province: 黑龙江省
    backbone: true                  # the enterprise is an industry backbone
    # core: true                    # optional: a core member of the alliance
    # former_legal_representatives: [Zhang Mou]   # optional: who was legal representative before a change after signing
  - id: M02
    name: 示例理工大学
    type: university
    credit_code: '{{c2}}'
    legal_representative: Li Jing
    independent_legal_person: true
    province: 黑龙江省
    frontier: true                  # at the frontier of the cooperation's field
    # status: withdrawn             # optional: current (default) | withdrawn
    # withdrawn_date: '2026-01-01'  # optional: when it withdrew
  - id: M03
    name: 示例省金属材料研究院
    type: research_institute
    credit_code: '{{c3}}'
    legal_representative: Wang Lei
    independent_legal_person: true
    province: 黑龙江省
    frontier: true
@N     provincial_institute: true      # a provincial research institute (encouraged by the heilongjiang profile)
@HLJ     provincial_institute: true      # a provincial research institute: Heilongjiang Work Opinion, Art. 7 encourages them
`;
