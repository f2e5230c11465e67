/**
 * Subscribe-message templates: which WeChat template each hand-over kind is sent with, and which
 * part of the outbox message fills each template field. CONFIGURATION, edited by the deployer:
 * WeChat assigns a template id when a template is added from the public library in the MP console
 * (订阅消息 → 选用), per mini-program, so the ids cannot be known in the repository: the deployer sets
 * them once in SUBSCRIBE_TEMPLATES ({"staffTodo": "<id>", "residentProgress": "<id>"}), which reaches
 * both sides — the notify function's environment (npm run deploy) and the weapp build
 * (config/cloud.ts), so the ids a user subscribes to are the ids the function sends with. An empty
 * id means "not configured": the message stays in the in-app inbox only.
 *
 * Choose library templates with exactly these fields (keys as the console shows them). Field
 * types limit values (thing ≤ 20 characters, character_string ≤ 32, phrase ≤ 5, time as
 * `YYYY-MM-DD HH:mm`); values are cut to fit when sent.
 */
import { z } from 'zod';
import type { HandoverKind } from '../domain/outbox';

/** What fills a field: the message's title or body, the ticket number, or its creation time (UTC+8). */
export type FieldSource = 'title' | 'body' | 'no' | 'time';

export interface SubscribeTemplate {
  /** The template id from the MP console ('' = not configured). */
  id: string;
  /** The template's title in the public library, to find it in the console. */
  libraryTitle: string;
  /** Who asks for it: staff (in the staff pages) or residents (after a report). */
  audience: 'staff' | 'resident';
  /** Template field key → message part. */
  fields: Readonly<Record<string, FieldSource>>;
}

export const SUBSCRIBE_TEMPLATES = {
  staffTodo: {
    id: '',
    libraryTitle: '待办事项提醒',
    audience: 'staff',
    fields: { thing1: 'title', character_string2: 'no', thing3: 'body', time4: 'time' },
  },
  residentProgress: {
    id: '',
    libraryTitle: '工单进度通知',
    audience: 'resident',
    fields: { thing1: 'title', character_string2: 'no', thing3: 'body', time4: 'time' },
  },
} as const satisfies Record<string, SubscribeTemplate>;

export type TemplateName = keyof typeof SUBSCRIBE_TEMPLATES;

/** Each hand-over kind's template: everything staff must act on, and the resident's progress. */
export const TEMPLATE_OF_KIND: Readonly<Record<HandoverKind, TemplateName>> = {
  submitted: 'staffTodo',
  whistled: 'staffTodo',
  returned: 'staffTodo',
  escalated: 'staffTodo',
  resolved: 'staffTodo',
  supervised: 'staffTodo',
  extension: 'staffTodo',
  status: 'residentProgress',
  // The grid worker is told that the police took the ticket over (issue 18 §4).
  claimed: 'staffTodo',
};

/** Configured template ids for an audience (at most 3: WeChat's limit per request), for requestSubscribeMessage. */
export function templateIdsFor(audience: 'staff' | 'resident', templates: Readonly<Record<string, SubscribeTemplate>> = SUBSCRIBE_TEMPLATES): string[] {
  const ids = Object.values(templates)
    .filter((t) => t.audience === audience && t.id !== '')
    .map((t) => t.id);
  return [...new Set(ids)].slice(0, 3);
}

/**
 * A template id as the MP console shows it (e.g. `xcbUJYsO8Zvgd6iyaJ9l7bKdNKBTvwxwa4Bw9l1q9nE`):
 * URL-safe base64 characters. Anything else (a placeholder with spaces, a quoted id) is refused.
 */
const TemplateId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** SUBSCRIBE_TEMPLATES: template name → id, only names this file defines. */
const TemplateIds = z
  .object({ staffTodo: TemplateId.optional(), residentProgress: TemplateId.optional() })
  .strict() satisfies z.ZodType<Partial<Record<TemplateName, string>>>;

export type TemplateIds = Partial<Record<TemplateName, string>>;

/**
 * Reads the SUBSCRIBE_TEMPLATES setting. Unset or empty is an empty configuration; anything that is
 * not a JSON object of known template names and well-formed ids is an error naming the problem,
 * so a deploy or a build stops instead of shipping ids that can never be sent.
 */
export function parseTemplateIds(json: string | undefined): { ok: true; ids: TemplateIds } | { ok: false; error: string } {
  const text = (json ?? '').trim();
  if (text === '') return { ok: true, ids: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'SUBSCRIBE_TEMPLATES is not JSON; expected {"staffTodo":"<template id>","residentProgress":"<template id>"}' };
  }
  const parsed = TemplateIds.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || (issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : '');
    return { ok: false, error: `SUBSCRIBE_TEMPLATES: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}; known templates: ${Object.keys(SUBSCRIBE_TEMPLATES).join(', ')}` };
  }
  return { ok: true, ids: parsed.data };
}

/** The templates with the configured ids in place of the repository's (empty) ones. */
export function configuredTemplates(ids: TemplateIds): Record<TemplateName, SubscribeTemplate> {
  const out = {} as Record<TemplateName, SubscribeTemplate>;
  for (const name of Object.keys(SUBSCRIBE_TEMPLATES) as TemplateName[]) out[name] = { ...SUBSCRIBE_TEMPLATES[name], id: ids[name] ?? SUBSCRIBE_TEMPLATES[name].id };
  return out;
}

/** `YYYY-MM-DD HH:mm` in China time (UTC+8, no daylight saving), as a `time` field wants. */
export function chinaTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/** The message parts a template field can take. */
export interface MessageParts {
  title: string;
  body: string;
  no: string;
  createdAt: string;
}

/** A template's data for one message: `{ field: { value } }` from the field mapping. */
export function templateData(template: SubscribeTemplate, parts: MessageParts): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {};
  for (const [field, source] of Object.entries(template.fields)) {
    const value = source === 'time' ? chinaTime(parts.createdAt) : parts[source];
    out[field] = { value };
  }
  return out;
}
