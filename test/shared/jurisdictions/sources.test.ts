import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGISTRY, type JurisdictionList } from '../../../shared/jurisdictions';
import { route, type EstatePlace } from '../../../shared/routing/route';
import { CATEGORY_CODES } from '../../../shared/taxonomy/categories';

// Every quoted basis must stand in its document. 001 is line-wrapped mid-sentence, so whitespace is
// removed from both sides before comparing; nothing else is normalised (002 stays Traditional).
const SOURCES = join(__dirname, '../../../docs/sources');
const squash = (s: string) => s.replace(/\s+/g, '');
const docs = new Map<string, string>();
const doc = (file: string) => {
  if (!docs.has(file)) docs.set(file, squash(readFileSync(join(SOURCES, file), 'utf8')));
  return docs.get(file) as string;
};

const quotes = [...REGISTRY.lists.values()].flatMap((list) =>
  [...list.rows, list.defaultRow].flatMap((row) => row.basis.map((b) => [list.id, row.id, b.source, b.item, b.text] as const)),
);

describe('every basis is quoted from its document', () => {
  it('covers all four lists', () => {
    expect(new Set(quotes.map((q) => q[0]))).toEqual(new Set(['yinchuan', 'yongning', 'wuzhong', 'qitai']));
    expect(quotes.length).toBeGreaterThan(60);
  });

  it.each(quotes)('%s %s: %s %s', (_list, _row, source, _item, text) => {
    expect(doc(source)).toContain(squash(text));
  });

  it('keeps 002’s quotes in Traditional characters (as written) and its unit names in Simplified', () => {
    const yn = REGISTRY.list('yongning');
    expect(yn?.rows.find((r) => r.id === 'yongning.zhizang-6')?.basis[0]?.text).toContain('飛線充電');
    expect(yn?.departments.map((d) => d.name).join('')).not.toMatch(/[縣應綜執監發]/);
  });
});

describe('department directory', () => {
  it('gives every unit an id, a Chinese name and a level', () => {
    for (const list of REGISTRY.lists.values()) {
      for (const d of list.departments) {
        expect(d.name).toMatch(/[\u4e00-\u9fa5]/);
        expect(['city', 'district', 'county', 'township']).toContain(d.level);
      }
      expect(REGISTRY.department(list.leadershipOffice)?.kind).toBe('leadership');
    }
  });

  it('uses the document’s names for the units the rows cite', () => {
    const names = (id: string) => REGISTRY.list(id)?.departments.map((d) => d.name) ?? [];
    expect(names('yongning')).toEqual(expect.arrayContaining(['县住建局', '县应急管理局', '县消防救援大队', '县综合执法局', '县城乡公共事业服务中心']));
    expect(names('yinchuan')).toEqual(expect.arrayContaining(['市市政管理局', '市住房和城乡建设局', '市综合执法监督局', '市消防救援支队']));
    expect(names('wuzhong')).toEqual(expect.arrayContaining(['市消防救援局', '市市场监管局', '市生态环境', '市委社会工作部']));
    expect(names('qitai')).toEqual(expect.arrayContaining(['县消防救援大队', '县公安局', '县市场监管局', '县生态环境局']));
  });
});

// --- Every unit name is written in a document -------------------------------------------------
//
// A name passes when the list's documents write it (whitespace removed, full-width parentheses as
// half-width, 002 read in Simplified for the characters below), or when they write it without the
// list's level prefix 市/县: an enumeration carries the prefix once ("縣住建局、應急管理局",
// "市住建局、司法局、公安局"). A leadership office may be "<the group as written>办公室" where the
// document writes that the group has an office ("領導小組辦公室設在住建局", "领导小组下设办公室").
// District/county units ("县(市)区园林部门", "兴庆区住建部门") pass when the city's document names
// the kind in an enumeration after "各县(市)区" ("各县（市）区住建、市场监管、自然资源、园林等部门").
// The streets of the city districts (富宁街街道办事处 …) and Wuzhong's districts are directory data
// an admin registers for estates; no document names them, so they are not checked here.

/** Traditional → Simplified for the characters of 002 that its unit names use. */
const T2S: Readonly<Record<string, string>> = Object.fromEntries(
  [
    '縣县', '寧宁', '鄉乡', '鎮镇', '辦办', '處处', '綜综', '執执', '隊队', '應应', '監监', '發发', '門门', '務务', '業业',
    '項项', '專专', '動动', '領领', '導导', '組组', '織织', '資资', '員员', '勝胜', '閩闽', '楊杨', '團团', '結结', '遠远',
    '場场', '會会', '設设', '園园', '區区', '長长', '黨党', '屬属', '轄辖', '責责', '單单', '實实', '進进', '經经', '濟济',
  ].map((pair) => [pair[0], pair[1]]),
);
const simplified = (text: string) => [...text].map((ch) => T2S[ch] ?? ch).join('');
const norm = (text: string) => text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
const written = new Map<string, string>();
const writtenIn = (file: string) => {
  if (!written.has(file)) written.set(file, norm(simplified(readFileSync(join(SOURCES, file), 'utf8'))));
  return written.get(file) as string;
};

function isWritten(list: JurisdictionList, name: string): boolean {
  const docs = list.sources.map(writtenIn);
  const has = (s: string) => docs.some((d) => d.includes(norm(s)));
  const prefix = list.level === 'city' ? '市' : '县';
  if (has(name) || (name.startsWith(prefix) && name.length > 2 && has(name.slice(1)))) return true;
  if (list.departments.some((d) => d.name === name && d.kind === 'leadership') && name.endsWith('办公室')) {
    const group = name.slice(0, -'办公室'.length);
    const tail = group.slice(group.lastIndexOf('领导小组'));
    return has(group) && (has(`${tail}办公室`) || has(`${tail}下设办公室`));
  }
  return false;
}

/** The kinds a city document names after "各县(市)区"/"各县(市、区)": "住建、市场监管、自然资源、园林等部门" → 住建 … 园林. */
function localKindsWritten(list: JurisdictionList): Set<string> {
  const out = new Set<string>();
  const lead = norm(`各${list.genericAreaName}`);
  for (const doc of list.sources.map(writtenIn)) {
    for (let i = doc.indexOf(lead); i >= 0; i = doc.indexOf(lead, i + 1)) {
      const rest = doc.slice(i + lead.length, i + lead.length + 40);
      if (rest.startsWith('人民政府')) out.add('人民政府');
      const end = rest.indexOf('部门');
      if (end < 0 || /[，,。；;]/.test(rest.slice(0, end))) continue;
      for (const word of rest.slice(0, end).replace(/等$/, '').split('、')) out.add(`${word}部门`);
    }
  }
  return out;
}

const lists = [...REGISTRY.lists.values()];
const unitNames = lists.flatMap((list) => [
  ...list.departments.map((d) => [list.id, 'department', d.name] as const),
  ...(list.level === 'county' ? list.townships.map((t) => [list.id, 'township', t.name] as const) : []),
  [list.id, 'generic township', list.genericTownship] as const,
]);

describe('every unit name in the lists is written in a document', () => {
  it.each(unitNames)('%s %s %s', (listId, _what, name) => {
    expect(isWritten(REGISTRY.list(listId)!, name)).toBe(true);
  });

  it.each(lists.filter((l) => l.level === 'city').flatMap((l) => Object.values(l.localLabels).map((label) => [l.id, label] as const)))(
    '%s: the district/county unit "%s" is a kind the city’s document names after 各县(市)区',
    (listId, label) => {
      expect(localKindsWritten(REGISTRY.list(listId)!)).toContain(label);
    },
  );

  it.each(lists.filter((l) => l.level === 'city').map((l) => [l.id, l.genericAreaName] as const))('%s: "%s" is written', (listId, area) => {
    expect(isWritten(REGISTRY.list(listId)!, area)).toBe(true);
  });

  it('the checks can fail: invented names are refused', () => {
    const yongning = REGISTRY.list('yongning')!;
    const wuzhong = REGISTRY.list('wuzhong')!;
    expect(isWritten(yongning, '永宁县园林部门')).toBe(false);
    expect(isWritten(wuzhong, '吴忠市物业管理联席会议办公室')).toBe(false);
    expect(isWritten(wuzhong, '市生态环境局')).toBe(false);
    expect(localKindsWritten(REGISTRY.list('yinchuan')!)).not.toContain('城管部门');
    expect(isWritten(yongning, '县住建局')).toBe(true);
  });

  it('names no class of units as if it were one ("水、电、暖、气、通信等相关企业" is a heading)', () => {
    for (const list of lists) {
      for (const d of list.departments) expect(d.name).not.toMatch(/等相关企业|、/);
    }
  });
});

describe('every unit a route names is one the lists name', () => {
  // Directory names (checked above against the documents), plus the district/county units a city
  // list's "各县(市)区…部门" make: the area's (or the generic area's) name and a label checked above.
  const allowed = new Set<string>();
  for (const list of lists) {
    for (const d of list.departments) allowed.add(d.name);
    for (const t of list.townships) allowed.add(t.name);
    allowed.add(list.genericTownship);
    for (const label of Object.values(list.localLabels)) {
      allowed.add(`${list.genericAreaName}${label}`);
      for (const a of list.areas) if (!a.jurisdiction) allowed.add(`${a.name}${label}`);
    }
  }
  const places = lists.flatMap((list): EstatePlace[] => [
    { jurisdiction: list.id },
    ...list.townships.map((t) => ({ jurisdiction: list.id, areaId: t.area ?? null, townshipId: t.id })),
    ...list.areas.filter((a) => a.jurisdiction).map((a) => ({ jurisdiction: list.id, areaId: a.id, townshipId: null })),
  ]);

  it.each(places.map((p) => [p.jurisdiction, 'areaId' in p ? (p.areaId ?? '-') : '-', 'townshipId' in p ? (p.townshipId ?? '-') : '-', p] as const))(
    '%s, area %s, township %s: every category names only listed units',
    (_j, _a, _t, place) => {
      for (const category of CATEGORY_CODES) {
        const d = route({ jurisdiction: place.jurisdiction, category, estate: 'townshipId' in place || 'areaId' in place ? place : null });
        for (const u of [...d.lead, ...d.responsible]) expect(allowed).toContain(u.name);
      }
    },
  );
});
