/**
 * axe-core (the accessibility engine, npm axe-core, pinned) run in the page: the WCAG rules issue 18
 * asks the screens to pass, 'color-contrast' (1.4.3, 4.5:1; 3:1 for large text) and 'target-size'
 * (2.5.8). Each violation comes back as one line naming the rule, the element's CSS selector and
 * axe's own summary, so a failing test says where to look.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The rule ids of axe-core's rule list (node_modules/axe-core/doc/rule-descriptions.md). */
export const AXE_RULES = ['color-contrast', 'target-size'] as const;

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  nodes: AxeNode[];
}
interface AxeWindow {
  axe?: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> };
}

/**
 * The violations of AXE_RULES on what the page shows now. axe is evaluated through the DevTools
 * protocol (page.evaluate), which the page's Content-Security-Policy does not stop, unlike a <script>.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => Boolean((window as unknown as AxeWindow).axe)))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (rules) => {
    const axe = (window as unknown as AxeWindow).axe;
    if (!axe) throw new Error('axe-core did not load');
    const result = await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })) }));
  }, [...AXE_RULES]);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target} — ${n.summary.replace(/\s+/g, ' ').trim()}`));
}
