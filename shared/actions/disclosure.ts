import { z } from 'zod';
import { DISCLOSURE_KEYS } from '../domain/disclosure';
import { Id, Text } from './common';

/** Inputs of the 六公开/五公开 update (issue 20 §5): the fields to change, each at most 1,000 characters. */
export const DisclosureInputs = {
  putDisclosure: z.object({
    estateId: Id,
    fields: z
      .record(z.enum(DISCLOSURE_KEYS), Text(1000).min(1, '公示内容不能为空'))
      .refine((f) => Object.keys(f).length > 0, '请至少填写一项公示内容'),
  }),
  /** Households (户数) of an estate, for complaints per 1,000 households (admin only). */
  putHouseholds: z.object({ estateId: Id, households: z.number().int().min(1).max(100_000) }),
};
