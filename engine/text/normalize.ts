/**
 * Normalisation for matching, length-preserving so that every offset in the normalised text is an
 * offset in the source: traditional Chinese characters become simplified (lexicons are written
 * once, in simplified Chinese), and full-width ASCII becomes half-width (２０２８年, ＷＴＯ).
 */

// Pairs of traditional → simplified characters that occur in economic and policy language. One
// character for one character, so offsets never move. Characters shared by both scripts need no
// entry.
const PAIRS =
  '們们個个與与發发業业產产據据區区縣县環环境境設设備备際际資资經经濟济貿贸運运輸输線线網网' +
  '絡络電电訊讯信信導导協协會会機机構构關关係系銀银行行貸贷擔担保保險险金金融融證证務务術术' +
  '創创新新學学研研開开標标準准質质檢检測测驗验認认範范牌牌護护權权專专利利商商號号圖图計计' +
  '劃划規规實实施施體体團团聯联購购採采貨货場场銷销鏈链條条價价爭争競竞勵励稅税補补貼贴優优' +
  '惠惠廠厂間间設设廢废汙污染染治治綠绿續续態态節节約约農农礦矿輕轻紡纺織织裝装飾饰陶陶瓷瓷' +
  '鎮镇鄉乡鄰邻縣县處处員员歲岁總总統统數数億亿萬万兩两幾几對对將将為为從从讓让這这還还進进' +
  '過过時时應应當当須须確确際际動动勞劳訓训練练職职齡龄層层級级較较廣广東东蘇苏華华國国內内' +
  '門门戶户議议調调節节監监督督評评審审課课題题項项獎奖罰罚違违規规責责負负擔担辦办廳厅傳传統统' +
  '藝艺術术產产園园築筑點点龍龙頭头鏈链紅红壯壮強强韌韧積积極极轉转換换升升級级儲储倉仓庫库' +
  '孵孵化化器器團团隊队產产學学聯联盟盟誠诚誤误導导氣气風风險险難难題题斷断亂乱壞坏劣劣偽伪' +
  '冒冒盜盗襲袭仿仿製制造造鑑鉴測测驗验證证書书報报價价壟垄斷断傾倾銷销維维護护糾纠紛纷訴诉' +
  '訟讼戰战略略規规劃划綱纲擴扩張张遷迁移移轉转讓让談谈判判會会議议壇坛論论話话溝沟通通協协調调' +
  '營营銷销售售貿贸易易進进出出口口國国際际場场漁渔牧牧礦矿鋼钢鐵铁鋁铝銅铜車车輛辆駛驶鐵铁路路' +
  '橋桥港港灣湾碼码頭头樞枢紐纽航航線线飛飞寬宽頻频帶带無无線线號号訊讯數数據据雲云算算庫库' +
  '測测試试認认證证檢检驗验倉仓儲储廠厂房房園园區区廊廊帶带鏈链補补強强鏈链延延伸伸配配套套' +
  '傳传承承根根植植歷历史史鄉乡愁愁鄰邻裡里誠诚信信價价值值觀观教教育育職职業业技技能能' +
  '總总體体協协同同調调控控領领導导組组織织機机制制聯联席席會会議议';

const HANT_TO_HANS = new Map<number, number>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) {
  const from = PAIRS.charCodeAt(i);
  const to = PAIRS.charCodeAt(i + 1);
  if (from !== to) HANT_TO_HANS.set(from, to);
}

/** True when a character code is a CJK unified ideograph (the common and extension A blocks). */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/**
 * Returns a text of the same length with traditional characters simplified and full-width ASCII
 * made half-width. Texts with neither are returned unchanged, without copying.
 */
export function normalizeForMatching(text: string): string {
  let buffer: Uint16Array | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let mapped = c;
    if (c >= 0xff01 && c <= 0xff5e) mapped = c - 0xfee0;
    else if (c === 0x3000) mapped = 0x20;
    else if (c >= 0x4e00) mapped = HANT_TO_HANS.get(c) ?? c;
    if (mapped !== c) {
      if (!buffer) {
        // Chinese drafts always have full-width punctuation, so copying once into a typed array
        // and decoding it back is far cheaper than building the string piece by piece.
        buffer = new Uint16Array(text.length);
        for (let j = 0; j < i; j++) buffer[j] = text.charCodeAt(j);
      }
      buffer[i] = mapped;
    } else if (buffer) {
      buffer[i] = c;
    }
  }
  return buffer ? UTF16.decode(buffer) : text;
}

const UTF16 = new TextDecoder('utf-16le');
