/**
 * Estates imported from a county's table (issue 19 §4: "estates (CSV with coordinates, township and
 * property company)"), with the same row-level checks as the responsibility list: every error at
 * once, naming row and column; estates come out only when the whole table is valid. Pure.
 * Coordinates are GCJ-02, as an admin reads them off a Tencent or Amap map (shared/geo-datum.ts).
 */
import type { Estate, PropertyCompany } from '../domain/directory';
import type { Registry } from '../jurisdictions/registry';
import { townshipInArea } from '../routing/route';

export const ESTATE_COLUMNS = ['小区编号', '小区名称', '区县', '乡镇(街道)', '地址', '纬度', '经度', '物业企业', '二维码场景值'] as const;
export type EstateColumn = (typeof ESTATE_COLUMNS)[number];

export interface EstateImportError {
  row: number;
  column: EstateColumn | null;
  code: string;
  message: string;
}

export interface EstateImportContext {
  jurisdiction: string;
  registry: Registry;
  /** Property companies of the jurisdiction, by id or name in the 物业企业 column. */
  companies: readonly PropertyCompany[];
  /** Scene codes already printed on other estates' posters: sceneCode → estate id. */
  sceneOwners: ReadonlyMap<string, string>;
}

const ID = /^[A-Za-z0-9._:-]{1,64}$/;
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export function parseEstateTable(table: readonly (readonly string[])[], ctx: EstateImportContext): { ok: true; estates: Estate[] } | { ok: false; errors: EstateImportError[] } {
  const errors: EstateImportError[] = [];
  const err = (row: number, column: EstateColumn | null, code: string, message: string) => errors.push({ row, column, code, message });
  const header = (table[0] ?? []).map((c) => c.trim());
  if (ESTATE_COLUMNS.some((name, i) => header[i] !== name)) {
    err(1, null, 'ESTATES.HEADER', `第1行应为表头：${ESTATE_COLUMNS.join(' / ')}`);
    return { ok: false, errors };
  }
  const list = ctx.registry.list(ctx.jurisdiction);
  if (!list) {
    err(1, null, 'ESTATES.UNKNOWN_JURISDICTION', `未知辖区：${ctx.jurisdiction}`);
    return { ok: false, errors };
  }
  // A county's townships may sit in its own list below a city (永宁县 in Yinchuan): both are offered by name.
  const townships = [...ctx.registry.lists.values()].filter((l) => l.id === list.id || ctx.registry.chain(l.id).some((a) => a.id === list.id)).flatMap((l) => l.townships);
  const seenId = new Map<string, number>();
  const seenScene = new Map<string, number>();
  const estates: Estate[] = [];
  const body = table.slice(1).map((cells, i) => ({ n: i + 2, cells: cells.map((c) => (c ?? '').trim()) })).filter((r) => r.cells.some(Boolean));
  if (body.length === 0) err(2, null, 'ESTATES.EMPTY', '表中没有任何小区');

  for (const { n, cells } of body) {
    const [id = '', name = '', areaCell = '', townshipCell = '', address = '', latCell = '', lngCell = '', companyCell = '', scene = ''] = cells;
    if (!ID.test(id)) err(n, '小区编号', 'ESTATES.BAD_ID', `第${n}行「小区编号」应为1–64位字母、数字或 ._:-`);
    else if (seenId.has(id)) err(n, '小区编号', 'ESTATES.DUPLICATE_ID', `第${n}行「小区编号」${id} 与第${seenId.get(id)}行重复`);
    else seenId.set(id, n);
    if (name.length < 2 || name.length > 50) err(n, '小区名称', 'ESTATES.BAD_NAME', `第${n}行「小区名称」应为2–50字`);

    let areaId: string | null = null;
    if (areaCell) {
      const area = list.areas.find((a) => a.id === areaCell || a.name === areaCell);
      if (!area) err(n, '区县', 'ESTATES.UNKNOWN_AREA', `第${n}行「区县」${areaCell} 不是${list.name}的区县`);
      else areaId = area.id;
    }
    const township = townships.find((t) => t.id === townshipCell || t.name === townshipCell);
    if (!townshipCell) err(n, '乡镇(街道)', 'ESTATES.EMPTY_TOWNSHIP', `第${n}行「乡镇(街道)」为空`);
    else if (!township) err(n, '乡镇(街道)', 'ESTATES.UNKNOWN_TOWNSHIP', `第${n}行「乡镇(街道)」${townshipCell} 不在本辖区乡镇(街道)表中`);
    else if ((!areaCell || areaId) && !townshipInArea(list.id, areaId, township.id, ctx.registry)) {
      err(n, '乡镇(街道)', 'ESTATES.TOWNSHIP_OUTSIDE_AREA', `第${n}行「乡镇(街道)」${township.name} 不在${areaCell || list.name}内`);
    }
    if (address.length < 2 || address.length > 100) err(n, '地址', 'ESTATES.BAD_ADDRESS', `第${n}行「地址」应为2–100字`);

    const lat = Number(latCell);
    const lng = Number(lngCell);
    // Mainland China lies within about 3–54°N and 73–136°E; a swapped pair falls outside.
    if (!latCell || !Number.isFinite(lat) || lat < 3 || lat > 54) err(n, '纬度', 'ESTATES.BAD_COORDINATE', `第${n}行「纬度」应为3–54之间的数字(GCJ-02)`);
    if (!lngCell || !Number.isFinite(lng) || lng < 73 || lng > 136) err(n, '经度', 'ESTATES.BAD_COORDINATE', `第${n}行「经度」应为73–136之间的数字(GCJ-02)`);

    let propertyCompanyId: string | null = null;
    if (companyCell) {
      const company = ctx.companies.find((c) => c.jurisdiction === list.id && (c.id === companyCell || c.name === companyCell));
      if (!company) err(n, '物业企业', 'ESTATES.UNKNOWN_COMPANY', `第${n}行「物业企业」${companyCell} 未在本辖区登记`);
      else propertyCompanyId = company.id;
    }

    if (!SCENE.test(scene)) err(n, '二维码场景值', 'ESTATES.BAD_SCENE', `第${n}行「二维码场景值」应为1–32位可见字符`);
    else if (seenScene.has(scene)) err(n, '二维码场景值', 'ESTATES.DUPLICATE_SCENE', `第${n}行「二维码场景值」${scene} 与第${seenScene.get(scene)}行重复`);
    else if (ctx.sceneOwners.has(scene) && ctx.sceneOwners.get(scene) !== id) err(n, '二维码场景值', 'ESTATES.SCENE_TAKEN', `第${n}行「二维码场景值」${scene} 已被其他小区使用`);
    else seenScene.set(scene, n);

    estates.push({ id, name, jurisdiction: list.id, areaId, townshipId: township?.id ?? '', address, location: { lat, lng }, sceneCode: scene, propertyCompanyId, propertyInfo: null });
  }
  return errors.length ? { ok: false, errors } : { ok: true, estates };
}
