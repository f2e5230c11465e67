import { z } from 'zod';
import { QUARTER_PATTERN } from '../assessment/quarter';

/** A jurisdiction id (bundled or created by an admin, issue 19 §4); the use case checks it exists and the caller's scope covers it. */
const Jurisdiction = z.string().regex(/^[a-z][a-z0-9-]*$/, '辖区编号格式不正确').max(40);

/** Inputs of the company 考核 table (issue 20 §4), on the `ticket` function. */
export const AssessmentInputs = {
  assessment: z.object({
    jurisdiction: Jurisdiction,
    month: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
    /** A township's 月度考核 (003 附件1 乡镇: "每月对辖区物业服务企业进行考核评价"); none: the county's table. */
    townshipId: z.string().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/).optional(),
  }),
  /** The county's quarterly 考核 (003 县住建局: "每季度做好考核工作的监督和复核"): the quarter's months by the one weights definition. */
  assessmentQuarter: z.object({
    jurisdiction: Jurisdiction,
    quarter: z.string().regex(QUARTER_PATTERN, '季度格式应为 YYYY-Qn'),
    townshipId: z.string().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/).optional(),
  }),
};
