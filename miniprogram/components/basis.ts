/**
 * "依据 …": the responsibility-list item a routing decision cites. The source files of
 * shared/jurisdictions are named by hash; residents read a short title of the document instead.
 */
import type { Basis } from '../../shared/domain/ticket';

/** docs/sources/*.txt → the short Chinese title of the document (see docs/sources/README.md). */
export const SOURCE_TITLES: Readonly<Record<string, string>> = {
  '000_54099d4cd549e82b.txt': '银川市2023年物业提升“123”专项行动重点任务清单',
  '001_c21a685cf9840a30.txt': '银川市住宅小区管理服务能力提升三年行动任务清单',
  '002_bbc741157aca8db7.txt': '永宁县2023年物业提升“123”专项行动工作方案',
  '003_ffcbc4d9ebbf64d7.txt': '关于进一步加强吴忠市物业服务管理工作的意见',
  '004_130a68cab0166a86.txt': '奇台县物业服务质量提升年活动实施方案',
};

/** A bundled list's file by its title; an imported list (issue 19) already cites its document by title. */
export function sourceTitle(source: string): string {
  return SOURCE_TITLES[source] ?? (/^[0-9a-z_]+\.txt$/.test(source) ? '责任清单' : source);
}

/** '依据 永宁县2023年物业提升“123”专项行动工作方案 二(二)1(1)'. */
export function citeBasis(basis: Pick<Basis, 'source' | 'item'>): string {
  return `依据 ${sourceTitle(basis.source)} ${basis.item}`;
}
