#!/usr/bin/env node
// Copied from ../shared/bench/gen-corpus.js so the benchmark runs without ../shared.
// Synthetic corpus generator for alliance-audit performance benchmarks.
// No dependencies. Deterministic: proposal i depends only on (seed, i), so
// corpus-100 is a prefix of corpus-1000, and re-runs give identical bytes.
//
// usage: node gen-corpus.js N [--out DIR] [--seed S]
//   writes DIR/corpus-N/proposal-00001/{charter.yaml,members.yaml} ... (DIR default: cwd)
// All data is synthetic; credit codes pass both GB 32100 checks but name no real entity.
'use strict';
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const N = parseInt(args[0], 10);
if (!(N > 0)) {
  console.error('usage: node gen-corpus.js N [--out DIR] [--seed S]');
  process.exit(2);
}
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const OUT = path.resolve(opt('--out', process.cwd()), `corpus-${N}`);
const SEED = parseInt(opt('--seed', '20241115'), 10);

// ---------- PRNG (mulberry32) ----------
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let R = rng(1);
const int = (lo, hi) => lo + Math.floor(R() * (hi - lo + 1));
const pick = (arr) => arr[Math.floor(R() * arr.length)];
const chance = (p) => R() < p;
function sample(arr, k) {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(R() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

// ---------- GB 32100 / GB 11714 codes ----------
const USCC_ALPHA = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_W = [3, 7, 9, 10, 5, 8, 4, 2];
const orgVal = (c) => (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55); // A=10..Z=35
function orgCheck(body8) {
  let s = 0;
  for (let i = 0; i < 8; i++) s += orgVal(body8[i]) * ORG_W[i];
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
function usccCheck(first17) {
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC_ALPHA.indexOf(first17[i]) * USCC_W[i];
  return USCC_ALPHA[(31 - (s % 31)) % 31];
}
const REGIONS = ['230100', '230102', '230103', '230108', '230109', '230110', '230200', '230600',
  '230400', '231000', '230800', '230000', '210100', '220100', '110108', '310115'];
const BODY_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCode(type) {
  const region = pick(REGIONS);
  let head, body;
  if (type === 'enterprise') {
    head = '91';
    body = chance(0.7)
      ? 'MA' + Array.from({ length: 6 }, () => pick(BODY_CHARS)).join('')
      : String(int(10000000, 79999999));
  } else {
    head = chance(0.9) ? '12' : '52';
    body = '4' + String(int(1000000, 9999999));
  }
  const first17 = head + region + body + orgCheck(body);
  return first17 + usccCheck(first17);
}

// ---------- vocabularies ----------
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '立新志远海峰敏国栋文博燕晓东建华明军伟强磊洋勇艳杰涛超秀英丽娟红霞平刚桂兰玉梅春雪松岩晶鹏宇浩然子轩梓涵思雨欣怡佳琪振宏德昌永福晨阳光辉';
const person = () => pick(SURNAMES) + pick(GIVEN) + (chance(0.7) ? pick(GIVEN) : '');
const PLACES = ['哈尔滨', '齐齐哈尔', '大庆', '牡丹江', '佳木斯', '鸡西', '双鸭山', '伊春', '七台河', '鹤岗',
  '黑河', '绥化', '松花江', '龙江', '北大荒', '三江', '兴安岭', '哈东', '沈北', '长春'];
const FIELDS = [
  ['铝镁合金', 'new-materials', 'Al-Mg Alloy'], ['石墨新材料', 'new-materials', 'Graphite New Materials'],
  ['碳纤维复合材料', 'new-materials', 'Carbon Fibre Composites'], ['硬质材料', 'new-materials', 'Hard Materials'],
  ['大型电站装备', 'energy-equipment', 'Power Plant Equipment'], ['风电装备', 'energy-equipment', 'Wind Power Equipment'],
  ['氢能装备', 'energy-equipment', 'Hydrogen Equipment'], ['大豆精深加工', 'agriculture', 'Soybean Deep Processing'],
  ['寒地水稻', 'agriculture', 'Cold-Region Rice'], ['智能农机', 'agriculture', 'Smart Agricultural Machinery'],
  ['北药开发', 'bio-medicine', 'Northern Medicinal Herbs'], ['生物疫苗', 'bio-medicine', 'Biological Vaccines'],
  ['寒地建筑节能', 'construction', 'Cold-Region Building Energy Efficiency'], ['装配式建筑', 'construction', 'Prefabricated Construction'],
  ['冰雪装备', 'other', 'Ice and Snow Equipment'], ['工业软件', 'other', 'Industrial Software'],
];
const ENT_SUFFIX = ['股份有限公司', '有限责任公司', '科技有限公司', '集团有限公司', '装备制造有限公司', '新材料有限公司'];
const UNI_SUFFIX = ['理工大学', '工业大学', '农业大学', '科技大学', '工程大学', '师范大学'];
const INST = ['黑龙江省{f}研究院', '黑龙江省科学院{f}研究所', '{p}市{f}工程技术研究中心', '黑龙江省农业科学院{f}分院', '黑龙江省{f}产品质量检验研究院'];
const GOALS = [
  '突破{f}关键共性技术{n}项', '制定{f}行业标准或团体标准{n}项', '建成{f}中试基地{n}个',
  '申请{f}领域发明专利{n}件以上', '培养{f}领域高层次技术人才{n}名', '实现{f}新产品产业化{n}项',
  '组建{f}联合实验室{n}个', '联盟成员{f}相关产值年均增长{n}%以上',
];
const TASKS = {
  enterprise: ['中试线建设与产业化验证', '市场需求调研与产品定义', '示范工程建设与应用推广', '关键装备研制与工程化',
    '工艺放大与质量控制体系建设', '原材料保障与供应链协同', '检测平台建设与运营'],
  university: ['基础理论与机理研究', '关键材料设计与性能表征', '数值模拟与仿真平台建设', '研究生联合培养与人才输送',
    '前沿技术跟踪与技术路线图编制'],
  research_institute: ['共性技术攻关与工艺开发', '标准体系研究与起草', '检验检测方法研究', '技术成果熟化与转移',
    '行业技术咨询与培训'],
};
const ADMISSION = ['新成员提出书面申请，经理事会三分之二以上理事同意后加入', '申请单位经两名理事单位推荐，秘书处初审，理事会审议通过后签署入盟协议',
  '符合联盟章程条件的单位提交入盟申请，经理事会表决通过后成为成员'];
const WITHDRAWAL = ['成员提前三个月书面申请，经理事会同意后退出，并完成在研任务交接', '成员退出应提前三十日书面通知秘书处，结清应缴费用并移交在研任务',
  '成员可书面申请退出，经理事会确认后办理退出手续，退出前已承担的义务继续履行'];
const DECISION_RULES = ['理事会每年至少召开一次会议，重大事项须经三分之二以上理事同意', '理事会会议须有三分之二以上理事出席方能召开，决议须经到会理事三分之二以上表决通过',
  '理事会实行一单位一票制，重大事项以书面形式表决，经全体理事三分之二以上同意生效'];
const EXEC_RULES = ['秘书处在理事会领导下负责联盟日常事务，每季度向理事会报告工作', '秘书处负责联盟日常运行、项目组织与对外联络，年度工作报告提交理事会审议'];

const q = (s) => `'${s}'`; // single-quoted scalar (dates, numeric-looking codes)
function date(y, m, d) {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
function shares(ids) {
  // integer percentages summing to 100
  const w = ids.map(() => int(1, 10));
  const tot = w.reduce((a, b) => a + b, 0);
  const p = w.map((x) => Math.max(1, Math.floor((x * 100) / tot)));
  p[0] += 100 - p.reduce((a, b) => a + b, 0);
  return p;
}

function proposal(i) {
  R = rng(SEED * 1000003 + i);
  const [field, keyArea, fieldEn] = pick(FIELDS);
  const place = pick(PLACES);
  const name = `${place}${field}产业技术创新战略联盟`;
  // member count 3..30, skewed toward 8..15
  const n = Math.min(30, Math.max(3, Math.round(3 + 27 * Math.pow(R(), 3))));
  const members = [];
  for (let k = 1; k <= n; k++) {
    const type = k === 1 ? 'enterprise' : pick(['enterprise', 'enterprise', 'enterprise', 'university', 'research_institute']);
    let mname;
    if (type === 'enterprise') mname = pick(PLACES) + field.slice(0, 2) + pick(['', '精密', '新', '智能', '重工', '光电']) + pick(ENT_SUFFIX);
    else if (type === 'university') mname = pick(PLACES) + pick(UNI_SUFFIX);
    else mname = pick(INST).replace('{f}', field).replace('{p}', pick(PLACES));
    if (members.some((m) => m.name === mname)) mname = mname.replace(/(有限公司|大学|研究院|研究所|中心|分院)$/, `第${k}$1`);
    members.push({
      id: `M${String(k).padStart(2, '0')}`,
      name: mname,
      type,
      credit_code: creditCode(type),
      legal_representative: person(),
      province: chance(0.85) ? '黑龙江省' : pick(['辽宁省', '吉林省', '北京市', '上海市']),
      backbone: type === 'enterprise' && chance(0.4),
      frontier: type !== 'enterprise' && chance(0.6),
      provincial_institute: type === 'research_institute' && chance(0.5),
    });
  }
  const ids = members.map((m) => m.id);
  const y = int(2019, 2025), mo = int(1, 12), d = int(1, 28);
  const signed = date(y, mo, d);
  const effective = date(y, mo, Math.min(28, d + int(0, 10)));
  const term = pick([3, 3, 5, 5, 4]);
  const expiry = date(y + term, mo, Math.max(1, d - 1));
  const flow = chance(0.5); // half the files use flow lists for short id/task lists
  const list = (L, indent, key, items) => {
    if (flow) L.push(`${indent}${key}: [${items.join(', ')}]`);
    else { L.push(`${indent}${key}:`); for (const x of items) L.push(`${indent}- ${x}`); }
  };
  const L = [];
  L.push('schema_version: 1');
  L.push('alliance:');
  L.push(`  name: ${name}`);
  L.push(`  name_en: ${place === '松花江' ? 'Songhua River' : 'Heilongjiang'} ${fieldEn} Industrial Technology Innovation Strategic Alliance`);
  L.push(`  field: ${field}`);
  L.push(`  key_area: ${keyArea}`);
  L.push('  lead_member: M01');
  L.push('agreement:');
  L.push(`  title: ${name}协议`);
  L.push('  legally_binding: true');
  L.push(`  signed_date: ${q(signed)}`);
  L.push(`  effective_date: ${q(effective)}`);
  L.push(`  expiry_date: ${q(expiry)}`);
  L.push(`  term_years: ${term}`);
  L.push('  innovation_goals:');
  for (const g of sample(GOALS, int(2, 5))) L.push(`  - ${g.replace('{f}', field).replace('{n}', int(2, 20))}`);
  L.push('  task_division:');
  for (const m of members) {
    L.push(`  - member: ${m.id}`);
    list(L, '    ', 'tasks', sample(TASKS[m.type], int(1, 2)));
  }
  L.push('  signatures:');
  for (const m of members) {
    const agent = chance(0.1);
    L.push(`  - member: ${m.id}`);
    L.push(`    signatory: ${agent ? person() : m.legal_representative}`);
    L.push(`    capacity: ${agent ? 'authorized_agent' : 'legal_representative'}`);
    if (agent) L.push(`    authorization: 授权委托书 ${y}-${String(int(1, 99)).padStart(3, '0')}`);
    L.push(`    date: ${q(chance(0.8) ? signed : date(y, mo, Math.min(28, d + int(0, 5))))}`);
  }
  L.push('  membership:');
  L.push(`    admission: ${pick(ADMISSION)}`);
  L.push(`    withdrawal: ${pick(WITHDRAWAL)}`);
  L.push('governance:');
  L.push('  decision_body:');
  L.push(`    name: ${pick(['理事会', '理事会', '联盟理事会', '常务理事会'])}`);
  const council = ids.slice(0, Math.min(n, int(3, 11)));
  list(L, '    ', 'composition', council);
  L.push(`    rules: ${pick(DECISION_RULES)}`);
  L.push('  advisory_body:');
  L.push(`    name: ${pick(['专家委员会', '技术委员会', '专家技术委员会'])}`);
  L.push('    experts:');
  for (let k = 0, e = int(3, 7); k < e; k++) L.push(`    - ${person()}`);
  L.push('  executive_body:');
  L.push(`    name: ${pick(['秘书处', '秘书处', '联盟秘书处'])}`);
  L.push('    host_member: M01');
  L.push(`    full_time_staff: ${int(2, 6)}`);
  L.push(`    rules: ${pick(EXEC_RULES)}`);
  L.push('  liable_entity: M01');
  L.push('funding:');
  L.push(`  management_rules: 《${place}${field}联盟经费管理办法》`);
  L.push(`  internal_supervision: ${pick(['设立经费监督小组，每年委托第三方审计一次', '经费单独核算，年度审计报告提交理事会审议'])}`);
  L.push('  custodian: M01');
  const gov = chance(0.6);
  L.push(`  government_funding: ${gov}`);
  L.push(`  government_supervision: ${gov || chance(0.5)}`);
  L.push('ip:');
  L.push('  ownership: 联合研发成果归参与研发的成员按约定比例共有');
  L.push('  licensing: 成员在同等条件下享有优先、优惠的许可使用权');
  L.push('  revenue_distribution: 转化收益按各项目约定份额分配');
  L.push('  breach_liability: 违约方承担赔偿责任，情节严重的经理事会决议取消成员资格');
  L.push('  projects:');
  for (let p = 1, np = int(2, 4); p <= np; p++) {
    const parts = sample(ids, Math.min(n, int(2, 5))).sort();
    L.push(`  - id: P${p}`);
    L.push(`    name: ${field}${pick(['关键工艺', '成套装备', '新产品', '共性技术', '标准体系', '检测方法'])}${pick(['研发', '研制', '攻关', '示范应用'])}`);
    L.push(`    start_date: ${q(date(y, Math.min(12, mo + p), int(1, 28)))}`);
    list(L, '    ', 'participants', parts);
    const pg = gov && chance(0.6);
    L.push(`    government_funded: ${pg}`);
    L.push('    ownership:');
    const own = shares(parts);
    parts.forEach((id, j) => L.push(`      ${id}: ${own[j]}`));
    if (chance(0.6)) {
      L.push('    revenue_shares:');
      const rs = shares(parts);
      parts.forEach((id, j) => L.push(`      ${id}: ${rs[j]}`));
    }
  }
  L.push('openness:');
  L.push('  external_cooperation: 与国内外高校、科研机构及行业组织开展技术交流与合作');
  L.push('  result_diffusion: 通过技术转让、许可和行业培训等方式向行业扩散成果');
  L.push(`  government_funded_diffusion: ${gov ? 'true' : pick(['true', 'false'])}`);
  const charter = L.join('\n') + '\n';

  const M = ['members:'];
  for (const m of members) {
    M.push(`- id: ${m.id}`);
    M.push(`  name: ${m.name}`);
    M.push(`  type: ${m.type}`);
    M.push(`  credit_code: ${/^\d+$/.test(m.credit_code) ? q(m.credit_code) : m.credit_code}`);
    M.push(`  legal_representative: ${m.legal_representative}`);
    M.push(`  province: ${m.province}`);
    if (m.backbone) M.push('  backbone: true');
    if (m.frontier) M.push('  frontier: true');
    if (m.provincial_institute) M.push('  provincial_institute: true');
  }
  return { charter, members: M.join('\n') + '\n', n, lines: L.length };
}

fs.mkdirSync(OUT, { recursive: true });
let lines = 0, bytes = 0, mem = 0;
for (let i = 1; i <= N; i++) {
  const dir = path.join(OUT, `proposal-${String(i).padStart(5, '0')}`);
  fs.mkdirSync(dir, { recursive: true });
  const p = proposal(i);
  fs.writeFileSync(path.join(dir, 'charter.yaml'), p.charter);
  fs.writeFileSync(path.join(dir, 'members.yaml'), p.members);
  lines += p.lines; mem += p.n;
  bytes += Buffer.byteLength(p.charter) + Buffer.byteLength(p.members);
}
console.log(`${OUT}: ${N} proposals, ${2 * N} files, ${(bytes / 1048576).toFixed(1)} MiB, ` +
  `mean charter ${Math.round(lines / N)} lines, mean ${(mem / N).toFixed(1)} members`);
