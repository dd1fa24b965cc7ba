// The benchmark's corpus: realistic SME-cluster policy drafts in English and Chinese, generated
// deterministically from a seed (the same seed gives the same bytes on every machine), so runs on
// different days and machines lint the same text. Nothing here is committed: the corpus is written
// to a cache folder outside the repository (the CLI honours .gitignore, and the repository's own
// configuration must not apply to it).
//
//   node bench/corpus.mjs [--out DIR]      writes the corpus (if missing) and prints its layout
//
// Each draft is built from blocks that real drafts have: front matter, headings, paragraphs with
// inline markup, measure lists with Lead / Deadline / Indicator fields (some missing, some vague),
// tables, fenced code, HTML comments and HTML blocks, block quotes; in Chinese also regulations
// numbered by chapter and article (第一章 / 第一条) and plans numbered 一、 （一） 1.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the generator's output changes, so a stale cache is never reused. */
export const CORPUS_VERSION = 6;

/**
 * The configuration file at the root of each folder the server benchmark opens as a workspace.
 * The server checks a Markdown file only when something says it is a policy draft; an office that
 * keeps its drafts in a folder says so once, with this file, and so does the benchmark.
 */
export const SERVER_CONFIG = {
  name: '.cluster-policy-lint.yaml',
  text: '# Every Markdown file in this folder is a policy draft.\n',
};

/** The sizes of the benchmark (bytes are UTF-8 bytes on disk). */
export const LAYOUT = {
  // A folder of real-sized drafts: hundreds of files of 10–22 KB, as an office keeps them.
  folderFiles: 300,
  folderBytes: 16 * 1024,
  manyFiles: 2000,
  manyBytes: 8 * 1024,
  bigBytes: 5 * 1024 * 1024,
  // The size of a real draft, which the server's headline figure is measured on.
  serverReal: 20 * 1024,
  serverSmall: 100 * 1024,
  serverLarge: 1024 * 1024,
  serverMany: 50,
};

// ---------------------------------------------------------------------------------------------
// A small seeded PRNG (32-bit state, multiply-xorshift mixing): fast, and good enough to vary text.

export function makeRandom(seed) {
  let state = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const some = (list, lo, hi) => {
    const copy = list.slice();
    const out = [];
    const n = Math.min(copy.length, int(lo, hi));
    for (let i = 0; i < n; i++) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  return { next, int, pick, chance, some };
}

/** Derives independent seeds from a name, so adding one corpus part never shifts another. */
export function seedOf(name) {
  return createHash('sha256').update(name).digest().readUInt32LE(0);
}

const bytes = (s) => Buffer.byteLength(s, 'utf8');

// ---------------------------------------------------------------------------------------------
// English

const EN = {
  places: [
    'Lakeside County',
    'Riverton',
    'Hollow Bay',
    'Eastfield',
    'Millbrook',
    'Stonebridge',
    'Ashford Vale',
    'Northgate',
    'Kingsmere',
    'Westhaven',
    'Greenhill District',
    'Port Alder',
  ],
  industries: [
    'hardware',
    'ceramics',
    'textile',
    'furniture',
    'auto parts',
    'footwear',
    'valve',
    'eyewear',
    'lighting',
    'packaging',
    'small appliance',
    'precision tooling',
  ],
  bodies: [
    'County Economic Development Bureau',
    'County Transport Bureau',
    'Science and Technology Bureau',
    'Market Supervision Bureau',
    'Human Resources Bureau',
    'Finance Bureau',
    'the Cluster Management Committee',
    'the Chamber of Commerce',
    'the Industrial Park Authority',
    'Commerce Bureau',
    'Ecology and Environment Bureau',
    'the Hardware Industry Association',
  ],
  vagueBodies: ['relevant departments', 'the departments concerned', 'all parties', 'responsible units'],
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  measures: [
    'Upgrade the freight rail spur to the {ind} park and add a second loading siding',
    'Serve 40 hectares of industrial land with power, water and fibre before leasing it to cluster firms',
    'Extend gigabit broadband and 5G coverage to every workshop street in the cluster',
    'Build a shared testing and certification centre for {ind} products',
    'Open a bonded warehouse and logistics hub next to the ring road interchange',
    'Set up a cluster credit guarantee fund with the county rural bank',
    "Create a mutual guarantee pool so that member firms can back each other's bank loans",
    'Open a talent exchange centre and a recruitment fair every spring',
    'Give the {ind} industry association a seat on the cluster steering group',
    'Run evening courses in CNC machining and quality control at the vocational college',
    'Publish an integrity list of firms that pay suppliers on time',
    'Convene a quarterly round table of the county head with the twenty largest {ind} firms',
    'Map the bottlenecks that firms report and assign each one an owner within a month',
    'Fund joint research projects between cluster firms and the provincial university of technology',
    'Open a technology transfer office and a makerspace in the old textile mill',
    'Organise joint procurement of steel, zinc and packaging for member firms',
    "Build a joint wholesale market and an online store for the cluster's products",
    'Register a collective trademark for {place} {ind} and license it to certified members',
    'Pool orders above one million units among member firms through the association',
    'Share a surface treatment line and a central effluent plant among electroplating firms',
    'Reward firms that file invention patents and enforce design rights against copying',
    'Adopt group standards for {ind} products that are stricter than the national standard',
    'Agree an industry self-discipline pact against below-cost dumping',
    'Offer design vouchers to firms that launch their own branded product lines',
    'Run joint inspections against counterfeit and shoddy {ind} goods at the wholesale market',
    'Attract makers of core components such as precision bearings and control chips',
    'Fill gaps in the supply chain with a targeted investment drive for upstream suppliers',
    'Keep R&D, design and marketing functions in the cluster, not only processing',
  ],
  openers: [
    'The {ind} cluster of {place} employs about {n} people in {m} firms, most of them family businesses with fewer than fifty staff.',
    'Over the last decade the cluster grew on price; margins are now thin and several firms compete only by cutting prices.',
    "Firms copy each other's designs within weeks of a launch, so few of them invest in their own product development.",
    'The county government intends to act as a network broker: it convenes, connects and removes obstacles rather than picking winners.',
    'Transport costs are high because the freight rail spur has not been upgraded since the 1990s.',
    'Most firms buy raw materials in small lots and pay more than their larger competitors in the province.',
    'Banks lend little to small firms without collateral, and a guarantee mechanism is still missing.',
    'There is no new infrastructure planned for the northern zone in this period.',
    'The cluster lacks makers of core components; most precision parts are bought from outside the province.',
    'Trust between firms and local government is low after the land disputes of the last plan period.',
    'We will strive to improve the business environment as appropriate and actively promote innovation.',
    'The vocational college trains about {n} students a year, but few of them stay in the cluster.',
    'A regional brand would help buyers recognise the quality of {place} {ind} products abroad.',
  ],
  objectives: [
    "Raise the cluster's output to {n} million by 2030.",
    'Bring the share of firms with their own registered trademark to {p} percent.',
    'Cut average logistics cost per container by {p} percent by 2029.',
    'Double the number of joint research projects with universities.',
    'Strengthen the cluster in all respects and make it more competitive.',
  ],
  sections: [
    'Background',
    'Current situation',
    'Guiding principles',
    'Objectives',
    'Key actions',
    'Measures',
    'Safeguards',
    'Funding',
    'Monitoring and evaluation',
    'Implementation',
    'Consultation',
    'Annex: indicators',
  ],
};

function fill(r, s, ctx) {
  return s
    .replace(/\{ind\}/g, ctx.ind)
    .replace(/\{place\}/g, ctx.place)
    .replace(/\{n\}/g, () => String(r.int(2, 90) * 100))
    .replace(/\{m\}/g, () => String(r.int(120, 900)))
    .replace(/\{p\}/g, () => String(r.int(5, 60)));
}

function enInline(r, text) {
  // Sprinkle inline markup that markdown-it has to tokenise: emphasis, code, links, breaks.
  const words = text.split(' ');
  if (words.length > 6 && r.chance(0.35)) {
    const i = r.int(1, words.length - 3);
    words[i] = `**${words[i]}**`;
  }
  if (words.length > 8 && r.chance(0.2)) {
    const i = r.int(1, words.length - 2);
    words[i] = `*${words[i]}*`;
  }
  let out = words.join(' ');
  if (r.chance(0.15)) out += ` See [the cluster survey](https://example.org/survey/${r.int(1, 99)}) for details.`;
  if (r.chance(0.1)) out += ` The indicator is stored as \`kpi_${r.int(1, 40)}\`.`;
  return out;
}

function enDeadline(r) {
  return r.pick([
    `${r.pick(EN.months)} ${r.int(2027, 2030)}`,
    `end of ${r.int(2027, 2030)}`,
    `Q${r.int(1, 4)} ${r.int(2027, 2030)}`,
    `${r.int(2027, 2028)}–${r.int(2029, 2030)}`,
  ]);
}

function enMeasure(r, ctx, n) {
  const what = fill(r, r.pick(EN.measures), ctx);
  const lead = r.chance(0.8) ? (r.chance(0.85) ? r.pick(EN.bodies) : r.pick(EN.vagueBodies)) : null;
  const deadline = r.chance(0.75) ? enDeadline(r) : null;
  const indicator = r.chance(0.7) ? `${r.int(5, 400)} firms served` : null;
  const style = r.int(0, 2);
  if (style === 0) {
    const fields = [
      lead && `Lead: ${lead}.`,
      deadline && `Deadline: ${deadline}.`,
      indicator && `Indicator: ${indicator}.`,
    ].filter(Boolean);
    return `${n}. **Measure ${n}.** ${what}. ${fields.join(' ')}`.trimEnd() + '\n';
  }
  if (style === 1) {
    let s = `- ${enInline(r, what)}.\n`;
    if (lead) s += `  - Lead: ${lead}\n`;
    if (deadline) s += `  - Deadline: ${deadline}\n`;
    if (indicator) s += `  - Indicator: ${indicator}\n`;
    return s;
  }
  const tail = [lead && `${lead} leads`, deadline && `by ${deadline}`].filter(Boolean).join(', ');
  return `- ${what}${tail ? ` (${tail})` : ''}.${indicator ? ` Target: ${indicator}.` : ''}\n`;
}

function enBlock(r, ctx) {
  const k = r.next();
  if (k < 0.3) {
    const n = r.int(2, 5);
    const sentences = [];
    for (let i = 0; i < n; i++) sentences.push(fill(r, r.pick(EN.openers), ctx));
    return enInline(r, sentences.join(' ')) + '\n';
  }
  if (k < 0.55) {
    const out = [];
    const n = r.int(3, 7);
    for (let i = 0; i < n; i++) out.push(enMeasure(r, ctx, ++ctx.measure));
    const joined = out.join('');
    return joined;
  }
  if (k < 0.65) {
    let t = '| Measure | Lead | Deadline | Indicator |\n|---|---|---|---|\n';
    const n = r.int(3, 8);
    for (let i = 0; i < n; i++) {
      const what = fill(r, r.pick(EN.measures), ctx);
      t += `| ${what} | ${r.chance(0.85) ? r.pick(EN.bodies) : r.pick(EN.vagueBodies)} | ${r.chance(0.8) ? enDeadline(r) : ''} | ${r.int(5, 400)} firms |\n`;
    }
    return t;
  }
  if (k < 0.71) {
    const lang = r.pick(['yaml', 'json', 'text']);
    if (lang === 'yaml')
      return (
        '```yaml\nindicators:\n' +
        Array.from(
          { length: r.int(2, 6) },
          (_, i) => `  - id: kpi_${i + 1}\n    baseline: ${r.int(0, 500)}\n    target: ${r.int(500, 2000)}\n`,
        ).join('') +
        '```\n'
      );
    if (lang === 'json')
      return (
        '```json\n{ "cluster": "' +
        ctx.place +
        '", "firms": ' +
        r.int(100, 900) +
        ', "measures": [' +
        Array.from({ length: r.int(2, 6) }, () => r.int(1, 40)).join(', ') +
        '] }\n```\n'
      );
    return '```\nLead: relevant departments   <- example of what not to write\nDeadline: as soon as possible\n```\n';
  }
  if (k < 0.77) {
    return r.chance(0.5)
      ? `<!-- Drafting note: confirm the figures with the ${r.pick(EN.bodies)} before the ${r.pick(EN.months)} consultation. -->\n`
      : `<!--\nReviewer comments (round ${r.int(1, 4)}):\n- check the deadline of measure ${r.int(1, 30)}\n- the indicator of measure ${r.int(1, 30)} is not measurable\n-->\n`;
  }
  if (k < 0.82) {
    return r.chance(0.5)
      ? `<details>\n<summary>Consultation responses (${r.int(3, 40)})</summary>\n\n${fill(r, r.pick(EN.openers), ctx)}\n\n</details>\n`
      : `<div class="note">\n<p>This section will be revised after the ${r.pick(EN.months)} hearing.</p>\n</div>\n`;
  }
  if (k < 0.88) return `> ${fill(r, r.pick(EN.openers), ctx)}\n> ${fill(r, r.pick(EN.openers), ctx)}\n`;
  if (k < 0.94)
    return r
      .some(EN.objectives, 2, 4)
      .map((o) => `- ${fill(r, o, ctx)}\n`)
      .join('');
  return `${enInline(r, fill(r, r.pick(EN.openers), ctx))}  \n${fill(r, r.pick(EN.openers), ctx)}\n`;
}

/** An English draft of about `target` bytes. */
export function englishDraft(seed, target) {
  const r = makeRandom(seed);
  const ctx = { place: r.pick(EN.places), ind: r.pick(EN.industries), measure: 0 };
  const title = `${ctx.place} ${ctx.ind} cluster plan ${r.int(2025, 2027)}–${r.int(2029, 2032)}`;
  const parts = [];
  let size = 0;
  const push = (s) => {
    parts.push(s);
    size += bytes(s) + 1;
  };
  if (r.chance(0.4))
    push(`---\ntitle: "${title}"\nstatus: draft\nversion: 0.${r.int(1, 9)}\nowner: ${r.pick(EN.bodies)}\n---\n`);
  push(`# ${title}\n`);
  if (r.chance(0.5)) push(`<!-- cluster-policy-lint-disable-next-line measure-owner -->\n`);
  let chapter = 0;
  const big = target > 64 * 1024;
  while (size < target - 200) {
    chapter++;
    const name = EN.sections[(chapter - 1) % EN.sections.length];
    push(
      big ? `## ${chapter}. ${name} (part ${Math.ceil(chapter / EN.sections.length)})\n` : `## ${chapter}. ${name}\n`,
    );
    const subs = r.int(1, 3);
    for (let s = 1; s <= subs && size < target - 200; s++) {
      if (r.chance(0.5)) push(`### ${chapter}.${s} ${r.pick(EN.sections)}\n`);
      const blocks = r.int(2, 5);
      for (let b = 0; b < blocks && size < target - 200; b++) push(enBlock(r, ctx));
    }
  }
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Chinese

const DIGITS = '零一二三四五六七八九';
/** 1 → 一, 10 → 十, 23 → 二十三, 105 → 一百零五 (enough for article and chapter numbers). */
export function chineseNumeral(n) {
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    return (
      DIGITS[Math.floor(n / 100)] +
      '百' +
      (rest === 0
        ? ''
        : rest < 10
          ? '零' + DIGITS[rest]
          : rest < 20
            ? '一' + chineseNumeral(rest)
            : chineseNumeral(rest))
    );
  }
  return String(n);
}

const ZH = {
  places: ['青溪县', '临湖县', '东阳市', '永康市', '南浔区', '平湖市', '石桥镇', '柳江县', '安平县', '北山区'],
  industries: [
    '陶瓷',
    '五金',
    '纺织',
    '家具',
    '汽车零部件',
    '制鞋',
    '阀门',
    '眼镜',
    '灯具',
    '包装',
    '小家电',
    '精密模具',
  ],
  bodies: [
    '县经信局',
    '县发改局',
    '县科技局',
    '县市场监管局',
    '县人社局',
    '县财政局',
    '县商务局',
    '县交通运输局',
    '生态环境分局',
    '产业集群管委会',
    '县工商联',
    '行业协会',
  ],
  vagueBodies: ['有关部门', '相关单位', '各有关方面', '责任单位'],
  measures: [
    '改造铁路专用线，新建第二条装卸线',
    '完成{p}公顷工业用地的水、电、气和光纤配套',
    '实现千兆宽带和5G网络在产业集聚区全覆盖',
    '建设{ind}产品公共检验检测和认证中心',
    '在环城公路互通口建设保税仓库和物流中心',
    '设立产业集群信用担保基金，与农商银行开展合作',
    '建立企业互助担保机制，会员企业相互提供贷款担保',
    '设立人才交流中心，每年春季举办招聘会',
    '支持{ind}行业协会参与集群发展领导小组',
    '依托职业技术学院开设数控加工和质量管理夜校',
    '定期发布按时付款企业诚信名单，培育诚信文化',
    '县政府主要领导每季度召开一次{ind}骨干企业座谈会',
    '梳理企业反映的发展瓶颈，逐项明确责任人并限期解决',
    '支持集群企业与省工业大学开展产学研联合攻关',
    '建设技术转移中心和创客空间，培育科技型中小企业',
    '组织会员企业联合采购钢材、锌锭和包装材料',
    '共建批发市场和集群网上商城，统一开拓销售渠道',
    '注册“{place}{ind}”集体商标，授权认证企业使用',
    '由行业协会牵头联合承接百万件以上大额订单',
    '建设共享表面处理线和集中污水处理厂',
    '对发明专利申请给予奖励，依法打击外观设计侵权',
    '制定严于国家标准的{ind}团体标准',
    '签订行业自律公约，禁止低于成本价倾销',
    '向推出自主品牌产品的企业发放设计券',
    '在批发市场开展打击假冒伪劣{ind}产品联合执法',
    '引进精密轴承、控制芯片等核心零部件生产企业',
    '开展精准招商，补齐上游配套产业链短板',
    '推动研发、设计和营销环节留在集群内，改变单纯加工格局',
  ],
  openers: [
    '{place}{ind}产业集群现有企业{m}家，从业人员约{n}人，绝大多数为家族式中小企业。',
    '近十年来集群主要依靠低价竞争扩张，企业利润持续走低，部分企业陷入价格战。',
    '新产品上市后数周即被仿制，企业自主研发的积极性不高。',
    '县政府将发挥“网络经纪人”作用，搭建平台、牵线搭桥、破解瓶颈，而不是替企业作决策。',
    '铁路专用线多年未改造，物流成本明显高于周边地区。',
    '多数企业小批量采购原材料，采购成本高于省内大型企业。',
    '银行对缺乏抵押物的小企业贷款意愿不强，担保机制尚不健全。',
    '本规划期内暂不新建北区基础设施。',
    '集群缺少核心零部件生产企业，精密零件大多从省外采购。',
    '上一规划期的土地纠纷影响了企业与地方政府之间的信任。',
    '要进一步优化营商环境，积极推进创新，切实加强组织领导。',
    '职业技术学院每年培养学生约{n}人，但留在集群就业的比例较低。',
    '打造区域品牌，有助于海外采购商认识{place}{ind}产品的质量。',
  ],
  traditional: [
    '縣政府將定期召開產業集群座談會，協調解決企業反映的問題。',
    '支持企業與高等院校合作，建設技術服務平臺和檢驗檢測中心。',
    '鼓勵會員企業聯合採購原材料，共同開拓國內外市場。',
  ],
  planSections: [
    '指导思想',
    '基本原则',
    '发展目标',
    '主要任务',
    '重点任务',
    '保障措施',
    '组织实施',
    '资金保障',
    '监测评估',
  ],
  chapters: ['总则', '规划与建设', '产业发展', '创新服务', '市场秩序', '要素保障', '监督管理', '法律责任', '附则'],
};

function zhDeadline(r) {
  return r.pick([
    `${r.int(2027, 2030)}年${r.int(1, 12)}月底前`,
    `${r.int(2027, 2030)}年底前`,
    `${r.int(2027, 2028)}—${r.int(2029, 2030)}年`,
    `２０${String(r.int(27, 30)).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}年`,
    '长期坚持',
  ]);
}

function zhMeasure(r, ctx, label) {
  const what = fill(r, r.pick(ZH.measures), ctx);
  const lead = r.chance(0.8) ? (r.chance(0.85) ? r.pick(ZH.bodies) : r.pick(ZH.vagueBodies)) : null;
  const deadline = r.chance(0.75) ? zhDeadline(r) : null;
  const indicator = r.chance(0.7) ? `服务企业不少于${r.int(5, 400)}家` : null;
  const fields = [
    lead && `牵头单位：${lead}`,
    r.chance(0.4) && `责任单位：${r.some(ZH.bodies, 1, 3).join('、')}`,
    deadline && `完成时限：${deadline}`,
    indicator && `考核指标：${indicator}`,
  ].filter(Boolean);
  return `${label}${what}。${fields.length ? fields.join('；') + '。' : ''}`;
}

function zhParagraph(r, ctx) {
  const n = r.int(2, 5);
  let s = '';
  for (let i = 0; i < n; i++) s += r.chance(0.06) ? r.pick(ZH.traditional) : fill(r, r.pick(ZH.openers), ctx);
  if (r.chance(0.2)) s = s.replace('集群', '**集群**');
  if (r.chance(0.1)) s += `详见[集群调查报告](https://example.org/survey/${r.int(1, 99)})。`;
  return s + '\n';
}

function zhBlock(r, ctx) {
  const k = r.next();
  if (k < 0.35) return zhParagraph(r, ctx);
  if (k < 0.6) {
    const n = r.int(3, 6);
    const style = r.int(0, 2);
    let out = '';
    for (let i = 0; i < n; i++) {
      ctx.item++;
      if (style === 0) out += zhMeasure(r, ctx, `（${chineseNumeral(ctx.item)}）`) + '\n\n';
      else if (style === 1) out += zhMeasure(r, ctx, `${i + 1}. `) + '\n';
      else out += zhMeasure(r, ctx, '- ') + '\n';
    }
    return out;
  }
  if (k < 0.7) {
    let t = '| 序号 | 重点任务 | 牵头单位 | 完成时限 | 考核指标 |\n| --- | --- | --- | --- | --- |\n';
    const n = r.int(3, 8);
    for (let i = 1; i <= n; i++)
      t += `| ${i} | ${fill(r, r.pick(ZH.measures), ctx)} | ${r.chance(0.85) ? r.pick(ZH.bodies) : r.pick(ZH.vagueBodies)} | ${r.chance(0.8) ? zhDeadline(r) : ''} | ${r.int(5, 400)}家 |\n`;
    return t;
  }
  if (k < 0.75)
    return (
      '```yaml\n指标:\n' +
      Array.from(
        { length: r.int(2, 5) },
        (_, i) => `  - 编号: kpi_${i + 1}\n    基期值: ${r.int(0, 500)}\n    目标值: ${r.int(500, 2000)}\n`,
      ).join('') +
      '```\n'
    );
  if (k < 0.82)
    return r.chance(0.5)
      ? `<!-- 起草说明：数据请与${r.pick(ZH.bodies)}核对后再提交常务会议。 -->\n`
      : `<!--\n第${r.int(1, 4)}轮征求意见：\n- 第${r.int(1, 30)}项措施缺少完成时限\n- 考核指标不可量化\n-->\n`;
  if (k < 0.86)
    return `<table>\n  <tr><th>指标</th><th>${r.int(2025, 2026)}年</th><th>${r.int(2029, 2030)}年</th></tr>\n  <tr><td>规上企业数</td><td>${r.int(50, 200)}</td><td>${r.int(200, 400)}</td></tr>\n</table>\n`;
  if (k < 0.92) return `> ${fill(r, r.pick(ZH.openers), ctx)}\n`;
  return `专栏${chineseNumeral(r.int(1, 9))}　${fill(r, r.pick(ZH.measures), ctx)}\n\n${zhParagraph(r, ctx)}`;
}

/** A Chinese draft of about `target` bytes: a regulation (章/条) or a plan (一、（一）1.). */
export function chineseDraft(seed, target) {
  const r = makeRandom(seed);
  const ctx = { place: r.pick(ZH.places), ind: r.pick(ZH.industries), item: 0, measure: 0 };
  const regulation = r.chance(0.35);
  const title = regulation
    ? `${ctx.place}${ctx.ind}产业集群促进条例`
    : `${ctx.place}${ctx.ind}产业集群发展规划（${r.int(2025, 2027)}—${r.int(2029, 2032)}年）`;
  const parts = [];
  let size = 0;
  const push = (s) => {
    parts.push(s);
    size += bytes(s) + 1;
  };
  if (r.chance(0.3)) push(`---\ntitle: ${title}\nstatus: 征求意见稿\nversion: 0.${r.int(1, 9)}\n---\n`);
  push(`# ${title}\n`);
  if (r.chance(0.5))
    push(`${r.int(2025, 2027)}年${r.int(1, 12)}月${r.int(1, 28)}日 ${ctx.place}人民政府常务会议讨论稿\n`);
  if (r.chance(0.4)) push('<!-- INFO END -->\n');
  const end = target - 150;
  if (regulation) {
    let article = 0;
    for (let ch = 1; size < end; ch++) {
      const name = ZH.chapters[(ch - 1) % ZH.chapters.length];
      // Real regulations write chapter lines both as Markdown headings and as bare lines.
      push(r.chance(0.6) ? `## 第${chineseNumeral(ch)}章 ${name}\n` : `第${chineseNumeral(ch)}章　${name}\n`);
      const n = r.int(3, 8);
      for (let a = 0; a < n && size < end; a++) {
        article++;
        const body = r.chance(0.55) ? zhMeasure(r, ctx, '') : zhParagraph(r, ctx).trimEnd();
        push(`第${chineseNumeral(article)}条　${body}\n`);
        if (r.chance(0.2)) push(zhBlock(r, ctx));
      }
    }
  } else {
    for (let sec = 1; size < end; sec++) {
      const name = ZH.planSections[(sec - 1) % ZH.planSections.length];
      push(r.chance(0.7) ? `## ${chineseNumeral(sec)}、${name}\n` : `${chineseNumeral(sec)}、${name}\n`);
      ctx.item = 0;
      const subs = r.int(1, 4);
      for (let s = 0; s < subs && size < end; s++) {
        if (r.chance(0.5))
          push(
            r.chance(0.5)
              ? `### （${chineseNumeral(++ctx.item)}）${fill(r, r.pick(ZH.measures), ctx)}\n`
              : `（${chineseNumeral(++ctx.item)}）${fill(r, r.pick(ZH.measures), ctx)}。\n`,
          );
        const blocks = r.int(2, 4);
        for (let b = 0; b < blocks && size < end; b++) push(zhBlock(r, ctx));
      }
    }
  }
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The corpus on disk

export function defaultCorpusRoot() {
  return process.env.BENCH_CORPUS || path.join(os.tmpdir(), 'cluster-policy-lint-bench', `corpus-v${CORPUS_VERSION}`);
}

/** The paths of every part of the corpus under `root`. */
export function corpusLayout(root = defaultCorpusRoot()) {
  const server = path.join(root, 'server');
  return {
    root,
    enFolder: path.join(root, 'en-300'),
    zhFolder: path.join(root, 'zh-300'),
    enMany: path.join(root, 'en-2000'),
    zhMany: path.join(root, 'zh-2000'),
    enBig: path.join(root, 'en-5mb'),
    zhBig: path.join(root, 'zh-5mb'),
    server: {
      en20k: path.join(server, 'en-20k.md'),
      zh20k: path.join(server, 'zh-20k.md'),
      en100k: path.join(server, 'en-100k.md'),
      zh100k: path.join(server, 'zh-100k.md'),
      en1m: path.join(server, 'en-1m.md'),
      zh1m: path.join(server, 'zh-1m.md'),
      many: Array.from({ length: LAYOUT.serverMany }, (_, i) =>
        path.join(server, 'many', `draft-${String(i).padStart(2, '0')}.md`),
      ),
    },
  };
}

async function writeDraft(file, text) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return bytes(text);
}

/** Writes the corpus unless a complete one is already there; returns its layout and statistics. */
export async function ensureCorpus(root = defaultCorpusRoot(), log = () => {}) {
  const layout = corpusLayout(root);
  const stamp = path.join(root, 'complete.json');
  if (existsSync(stamp)) return { ...layout, stats: JSON.parse(await readFile(stamp, 'utf8')) };
  log(`writing the corpus to ${root} …`);
  await rm(root, { recursive: true, force: true });
  const tmp = `${root}.partial`;
  await rm(tmp, { recursive: true, force: true });
  const t = corpusLayout(tmp);
  const stats = { version: CORPUS_VERSION };
  for (const [lang, dir, make] of [
    ['en', t.enFolder, englishDraft],
    ['zh', t.zhFolder, chineseDraft],
  ]) {
    let total = 0;
    for (let i = 0; i < LAYOUT.folderFiles; i++) {
      const seed = seedOf(`${lang}-folder-${i}`);
      // Sizes vary around 16 KB (10–22 KB), the size of the real texts in ../shared/corpus.
      const target = Math.round(LAYOUT.folderBytes * (0.625 + makeRandom(seed ^ 0x5bd1e995).next() * 0.75));
      total += await writeDraft(path.join(dir, `${lang}-draft-${String(i).padStart(3, '0')}.md`), make(seed, target));
    }
    stats[`${lang}Folder`] = { files: LAYOUT.folderFiles, bytes: total };
  }
  for (const [lang, dir, make] of [
    ['en', t.enMany, englishDraft],
    ['zh', t.zhMany, chineseDraft],
  ]) {
    let total = 0;
    for (let i = 0; i < LAYOUT.manyFiles; i++) {
      const seed = seedOf(`${lang}-many-${i}`);
      // Sizes vary around 8 KB (6–10 KB) as real drafts do; the mean stays near 8 KB.
      const target = Math.round(LAYOUT.manyBytes * (0.75 + makeRandom(seed ^ 0x5bd1e995).next() * 0.5));
      const folder = `batch-${String(Math.floor(i / 100)).padStart(2, '0')}`;
      total += await writeDraft(
        path.join(dir, folder, `${lang}-draft-${String(i).padStart(4, '0')}.md`),
        make(seed, target),
      );
    }
    stats[`${lang}Many`] = { files: LAYOUT.manyFiles, bytes: total };
  }
  stats.enBig = {
    files: 1,
    bytes: await writeDraft(path.join(t.enBig, 'en-plan-5mb.md'), englishDraft(seedOf('en-big'), LAYOUT.bigBytes)),
  };
  stats.zhBig = {
    files: 1,
    bytes: await writeDraft(path.join(t.zhBig, 'zh-plan-5mb.md'), chineseDraft(seedOf('zh-big'), LAYOUT.bigBytes)),
  };
  await writeDraft(t.server.en20k, englishDraft(seedOf('en-20k'), LAYOUT.serverReal));
  await writeDraft(t.server.zh20k, chineseDraft(seedOf('zh-20k'), LAYOUT.serverReal));
  await writeDraft(t.server.en100k, englishDraft(seedOf('en-100k'), LAYOUT.serverSmall));
  await writeDraft(t.server.zh100k, chineseDraft(seedOf('zh-100k'), LAYOUT.serverSmall));
  await writeDraft(t.server.en1m, englishDraft(seedOf('en-1m'), LAYOUT.serverLarge));
  await writeDraft(t.server.zh1m, chineseDraft(seedOf('zh-1m'), LAYOUT.serverLarge));
  for (let i = 0; i < LAYOUT.serverMany; i++) {
    const make = i % 2 ? chineseDraft : englishDraft;
    await writeDraft(t.server.many[i], make(seedOf(`server-many-${i}`), LAYOUT.serverSmall));
  }
  // The server's workspace folders: server/ for the latency drafts, server/many/ for memory.
  for (const folder of [path.dirname(t.server.en20k), path.dirname(t.server.many[0])])
    await writeFile(path.join(folder, SERVER_CONFIG.name), SERVER_CONFIG.text);
  await writeFile(path.join(tmp, 'complete.json'), JSON.stringify(stats, null, 2));
  await mkdir(path.dirname(root), { recursive: true });
  await rename(tmp, root);
  return { ...layout, stats };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const root = i > 0 ? path.resolve(process.argv[i + 1]) : defaultCorpusRoot();
  const corpus = await ensureCorpus(root, (m) => console.error(m));
  console.log(JSON.stringify(corpus, null, 2));
}
