// An agreement text (Markdown) that says everything the compliant base digest claims (documents.md
// §3: every topic's terms, the bodies, the term, the parties, the alliance's name), for the
// evidence rules' tests: each test takes one statement out or changes it.
export const PARTIES = "松花江铝业股份有限公司、龙江理工大学、黑龙江省轻金属研究院、哈东精密铸造有限公司、沈北轻合金装备有限公司";

/** The agreement's articles by topic; a test replaces or drops one. */
export function agreementArticles(): Record<string, string> {
  return {
    goals: "第一条 联盟的技术创新目标是突破高强铝合金铸锭均质化技术。",
    tasks: "第二条 成员单位的任务分工见附件。",
    admission: "第三条 新成员申请加入联盟，须经理事会同意。",
    withdrawal: "第四条 成员可以书面申请退出联盟。",
    decision: "第五条 理事会是联盟的决策机构，重大事项经三分之二以上理事表决通过。",
    advisory: "第六条 联盟设专家委员会，提供技术咨询。",
    executive: "第七条 秘书处负责联盟日常工作，配备专职人员三名。",
    liable: "第八条 联盟由牵头单位对外承担法律责任。",
    funds: "第九条 联盟制定经费管理办法，经费使用接受内部审计监督，政府资助经费接受有关部门监督。",
    ip: "第十条 联盟知识产权的归属按项目协议约定，成员享有优先许可使用权，收益按约定分配。",
    breach: "第十一条 违约方承担违约责任。",
    openness: "第十二条 联盟积极开展对外合作与国际合作，推动成果扩散；政府资助形成的成果向联盟外扩散。",
    term: "第十三条 本协议有效期为三年，自2024年3月20日起至2027年3月19日止。",
  };
}

export function agreementText(change: (a: Record<string, string>) => void = () => {}, parties = PARTIES): string {
  const a = agreementArticles();
  change(a);
  return ["# 松花江铝镁合金产业技术创新战略联盟协议", "", `缔约单位：${parties}`, "", ...Object.values(a).flatMap((t) => [t, ""])].join("\n");
}
