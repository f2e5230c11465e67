import type { AppDeps } from '../context';

/**
 * Delivers pending outbox messages as WeChat subscribe messages (production). Recipients without
 * an openid or a template only see the message in their in-app inbox; it is marked sent here.
 */
export async function flushOutbox(deps: AppDeps, opts: { limit?: number } = {}) {
  const pending = await deps.store.pendingOutbox(opts.limit ?? 100);
  let sent = 0;
  let failed = 0;
  for (const m of pending) {
    const user = await deps.store.getUser(m.recipientUserId);
    const templateId = deps.config.templates?.[m.kind];
    try {
      if (deps.notifier && user?.openid && templateId) {
        await deps.notifier.send({
          toOpenid: user.openid,
          templateId,
          page: m.ticketId ? `pages/ticket/index?id=${m.ticketId}` : 'pages/mine/index',
          data: Object.fromEntries(Object.entries(m.data).map(([k, v]) => [k, { value: v }])),
        });
      }
      await deps.store.markSent(m.id, deps.clock.now());
      sent += 1;
    } catch (err) {
      await deps.store.markFailed(m.id, err instanceof Error ? err.message.slice(0, 200) : 'send failed');
      failed += 1;
    }
  }
  return { sent, failed };
}
