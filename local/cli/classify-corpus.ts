/**
 * Builds the classifier corpus test/fixtures/classify/corpus.jsonl (issue 16 §5):
 *  - every hand-written text of test/fixtures/classify/hand/*.txt ("code|text" lines, # comments);
 *  - TEMPLATED_PER_CATEGORY texts per category from the phrase templates below, with the noise
 *    residents add (places and numbers, typos, emoji, repeated punctuation), drawn from a seeded
 *    generator so the corpus is the same on every run.
 * Each line: {"text", "category", "source": "hand"|"template", "part": "train"|"heldout"}; the part is
 * fixed by a hash of the text (30 % held out), never by hand.
 *   npx tsx local/cli/classify-corpus.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CATEGORY_CODES, isCategoryCode, type CategoryCode } from '../../shared/taxonomy/categories';
import { CORPUS_PATH, heldOut, type CorpusLine } from './classify-corpus-file';

const ROOT = resolve(__dirname, '..', '..');
const HAND_DIR = join(ROOT, 'test', 'fixtures', 'classify', 'hand');
export const TEMPLATED_PER_CATEGORY = 16;

/** What residents say for each category: phrases a template combines with a place and a tail. */
const PHRASES: Record<CategoryCode, string[]> = {
  'fly-wire': ['有人从楼上拉电线下来给电动车充电', '窗户外面吊着插线板在冲电', '飞线充电又出现了', '私拉电线给电瓶车充电', '楼上垂下来一根电线接着电动车'],
  'ebike-indoor': ['电动车推进楼道里充电', '有人把电瓶车推进电梯', '电动车停在楼梯间', '电池拿回家里充电', '电动车进楼入户'],
  'fire-lane': ['消防通道被车堵了', '安全出口被锁住了', '消防车道上停满了车', '疏散通道堆了东西过不去', '生命通道被占用'],
  'fire-facility': ['灭火器过期了', '消防栓坏了没有水', '烟感报警器坏了', '应急灯不亮', '防火门关不上'],
  hazmat: ['放了好几个液化气罐', '有人囤了汽油', '存放烟花爆竹', '堆着煤气罐', '放着几桶油漆稀料'],
  flood: ['下雨地库进水没有防汛措施', '防汛沙袋都没准备', '排水泵坏了一下雨就积水', '雨季快到了挡水板还没装', '暴雨来了物业没有应急准备'],
  parking: ['车乱停把路堵了', '有人把车停在单元门口', '车位被外来车占了', '人行道上停满了车', '有辆僵尸车停了好久'],
  garbage: ['垃圾好几天没人清运', '垃圾桶满了溢出来', '有人乱倒建筑垃圾', '垃圾分类没人管', '垃圾车一路掉垃圾'],
  greenery: ['绿化带被人种了菜', '有人砍了小区的树', '草坪被挖了', '绿地被圈起来占了', '树被人偷偷移走了'],
  'illegal-building': ['有人私搭乱建盖了个房子', '楼顶加盖了一层', '院子里搭了彩钢房', '阳台往外扩建了', '空地上砌了个储物间'],
  dog: ['遛狗不拴绳', '狗屎没人捡', '养的狗整夜叫', '有人在家里养鸡', '大狗追着人咬'],
  dispute: ['楼上漏水到我家不管', '和邻居吵架了想调解', '邻居家的空调外机对着我家', '和物业有纠纷谈不拢', '邻居装修把我家墙弄裂了不赔'],
  'fee-coercion': ['不交物业费就停水停电', '欠费就停了门禁卡', '物业锁电梯卡逼交物业费', '为了催物业费断了我家的电', '不交钱车不让进小区'],
  'illegal-fee': ['物业费擅自涨价', '停车费乱涨', '物业乱收费', '装修押金不退', '收的管理费没有依据'],
  contract: ['物业合同没经过业主同意就续签了', '物业服务合同有霸王条款', '前期物业合同签得不合规', '合同到期物业自己说续期', '新物业没签合同就收费'],
  'service-exit': ['物业突然撤场了', '老物业不肯退出', '物业说不干了就走了', '物业撤走不交接资料', '物业终止服务没通知'],
  'common-property': ['物业把公共场地租出去了', '电梯广告收入去哪了', '地下室被物业出租', '公共收益从来不分给业主', '物业占用公共区域经营'],
  'info-leak': ['我的个人信息被泄露了', '物业把业主电话给了别人', '身份证复印件被乱放', '业主名单在群里公开了', '天天接到推销电话肯定是信息泄露'],
  'security-guard': ['保安上班睡觉', '保安态度恶劣', '门岗没人值班', '保安不登记外来人员', '保安和业主推搡'],
  elevator: ['电梯坏了', '电梯异响晃得厉害', '电梯困人了', '电梯年检过期', '电梯门夹人'],
  noise: ['广场舞噪音太大', '饭馆油烟熏人', '半夜有人在楼下吵', '工地晚上施工', '商铺大喇叭循环放'],
  renovation: ['装修拆了承重墙', '装修从早吵到晚', '装修擅自改了管道', '装修队周末也施工', '装修把外墙打了洞'],
  'water-supply': ['自来水发黄', '水压太小', '水费收得比外面贵', '二次供水水箱不清洗', '水质有异味'],
  'public-order': ['有人高空抛物', '电动车被偷了', '有人打架', '车被人砸了', '有可疑人员撬门'],
  'service-quality': ['物业不打扫卫生', '报修没人来修', '物业什么都不管', '路灯坏了物业不修', '绿化没人养护'],
  'owners-committee': ['业委会选举有问题', '业委会经费不公开', '业委会不换届', '业委会不移交资料', '成立业委会一直办不下来'],
  'maintenance-fund': ['维修资金使用不公示', '物业挪用维修资金', '申请维修资金太难', '维修资金被乱用', '物业伪造签名动用维修资金'],
  disclosure: ['物业收支不公开', '公共水电分摊没有明细', '收费标准没有公示', '六公开一项都没做', '物业账目不公布'],
  clutter: ['楼道里堆满了杂物', '有人在楼道放旧家具', '楼梯间堆了纸箱子', '地下室通道乱堆乱放', '公共走廊放了柜子'],
  posting: ['到处贴小广告', '树上拉绳子晾衣服', '墙上乱涂乱画', '乱挂横幅', '电梯里贴满牛皮癣'],
  'utility-outage': ['突然停水了', '整栋楼停电了', '水管爆了', '污水从井里冒出来', '小区停气了'],
  'falling-objects': ['外墙瓷砖掉下来了', '外墙保温层脱落', '空调外机要掉下来了', '楼顶广告牌松了', '窗户玻璃掉下来了'],
  other: ['想咨询一下居住证怎么办', '社区什么时候发补贴', '小区附近能不能加个公交站', '想问问暖气什么时候供', '想提个建议多办点活动'],
};

const PLACES = ['', '', '3号楼', '12#楼2单元', '我们小区', 'B区', '东门这边', '7栋后面', '地下车库', '小区门口', '咱们院子里', '二期', 'a区11号楼', '5单元1楼'];
const TAILS = ['', '', '', '，没人管', '，能不能管管', '，好几天了', '，物业也不理', '，太危险了', '！！', '，希望尽快处理', '，已经反映过好几次了', ' 急', '，谢谢', '，拍了照片'];
const OPENERS = ['', '', '', '你好，', '反映个问题：', '请问', '我要投诉，', '麻烦看一下，', '@网格员 '];
const TYPOS: Array<[string, string]> = [
  ['充电', '冲电'],
  ['电瓶车', '电屏车'],
  ['物业', '物叶'],
  ['垃圾', '拉圾'],
  ['电梯', '电t'],
  ['消防', '消访'],
  ['噪音', '燥音'],
  ['装修', '庄修'],
];
const EMOJI = ['😡', '😭', '🙏', '👍', '😤', '⚠️'];

/** mulberry32: a small seeded generator, so the templated texts are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function templatedTexts(perCategory = TEMPLATED_PER_CATEGORY, seed = 16): Array<{ text: string; category: CategoryCode }> {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const out: Array<{ text: string; category: CategoryCode }> = [];
  for (const category of CATEGORY_CODES) {
    const seen = new Set<string>();
    for (let tries = 0; seen.size < perCategory && tries < perCategory * 50; tries++) {
      let text = `${pick(OPENERS)}${pick(PLACES)}${pick(PHRASES[category])}${pick(TAILS)}`;
      if (rnd() < 0.3) {
        const [right, wrong] = pick(TYPOS);
        text = text.replace(right, wrong);
      }
      if (rnd() < 0.15) text += pick(EMOJI);
      if (rnd() < 0.1) text = text.replace(/，/g, ',');
      if (Array.from(text).length < 4 || seen.has(text)) continue;
      seen.add(text);
      out.push({ text, category });
    }
  }
  return out;
}

export function handTexts(dir = HAND_DIR): Array<{ text: string; category: CategoryCode }> {
  const out: Array<{ text: string; category: CategoryCode }> = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    for (const raw of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const bar = line.indexOf('|');
      const code = line.slice(0, bar);
      const text = line.slice(bar + 1).trim();
      if (bar < 0 || !isCategoryCode(code)) throw new Error(`${file}: bad line: ${line}`);
      out.push({ text, category: code });
    }
  }
  return out;
}

export function buildCorpus(): CorpusLine[] {
  const seen = new Set<string>();
  const lines: CorpusLine[] = [];
  const add = (source: CorpusLine['source']) => (e: { text: string; category: CategoryCode }) => {
    if (seen.has(e.text)) return;
    seen.add(e.text);
    lines.push({ text: e.text, category: e.category, source, part: heldOut(e.text) ? 'heldout' : 'train' });
  };
  handTexts().forEach(add('hand'));
  templatedTexts().forEach(add('template'));
  return lines;
}

if ((require as unknown as NodeJS.Require).main === module) {
  const lines = buildCorpus();
  writeFileSync(CORPUS_PATH, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const held = lines.filter((l) => l.part === 'heldout').length;
  console.log(`${lines.length} texts (${lines.filter((l) => l.source === 'hand').length} hand-written), ${held} held out → ${CORPUS_PATH}`);
}
