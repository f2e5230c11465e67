/**
 * SUBSCRIBE_TEMPLATES, the one setting both sides read (shared/notify/subscribe-templates.ts): the
 * weapp build asks users for these ids (wx.requestSubscribeMessage `tmplIds`) and the notify function
 * sends with them (subscribeMessage.send `template_id`). A template id is what the MP console shows
 * under 订阅消息 → 我的模板, e.g. the document's sample `TEMPLATE_ID` values such as
 * `xcbUJYsO8Zvgd6iyaJ9l7bKdNKBTvwxwa4Bw9l1q9nE`.
 */
import { configuredTemplates, parseTemplateIds, SUBSCRIBE_TEMPLATES, templateIdsFor } from '../../../shared/notify/subscribe-templates';

const STAFF = 'xcbUJYsO8Zvgd6iyaJ9l7bKdNKBTvwxwa4Bw9l1q9nE';
const RESIDENT = 'Qq8Zk3vPr0aLm2N5tY7uW1xE4rT6yU9iO0pA2sD4fG6';

describe('parseTemplateIds', () => {
  it('reads template name → id, and treats unset or blank as nothing configured', () => {
    expect(parseTemplateIds(JSON.stringify({ staffTodo: STAFF, residentProgress: RESIDENT }))).toEqual({ ok: true, ids: { staffTodo: STAFF, residentProgress: RESIDENT } });
    expect(parseTemplateIds(undefined)).toEqual({ ok: true, ids: {} });
    expect(parseTemplateIds('  ')).toEqual({ ok: true, ids: {} });
  });

  it('refuses what could never be sent, naming the problem', () => {
    const bad = (json: string) => {
      const r = parseTemplateIds(json);
      if (r.ok) throw new Error(`accepted ${json}`);
      return r.error;
    };
    expect(bad('{staffTodo: x}')).toMatch(/not JSON/);
    // The old per-kind keys ({"status": …}) are not template names.
    expect(bad(JSON.stringify({ status: RESIDENT }))).toMatch(/status/);
    expect(bad(JSON.stringify({ staffTodo: 'REPLACE_WITH ID' }))).toMatch(/staffTodo/);
    expect(bad(JSON.stringify({ staffTodo: '' }))).toMatch(/staffTodo/);
    expect(bad('[]')).toMatch(/SUBSCRIBE_TEMPLATES/);
  });
});

describe('configuredTemplates', () => {
  it('puts the configured ids in and leaves the field mapping alone', () => {
    const templates = configuredTemplates({ staffTodo: STAFF });
    expect(templates.staffTodo).toEqual({ ...SUBSCRIBE_TEMPLATES.staffTodo, id: STAFF });
    expect(templates.residentProgress.id).toBe('');
    expect(templateIdsFor('staff', templates)).toEqual([STAFF]);
    expect(templateIdsFor('resident', templates)).toEqual([]);
  });
});
