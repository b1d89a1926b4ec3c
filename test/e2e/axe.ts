import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * axe run in the page itself. By default each analysis also opens a blank page to gather the results of cross-origin
 * frames, and the app has no frames: on the settings screen that doubled each check (4.7–5.2 s against 2.2–2.3 s,
 * with the same violations and passes), and axe was most of several e2e tests' time. (Deprecated for axe's v5.)
 */
const axeOn = (page: Page) => new AxeBuilder({ page }).setLegacyMode();
const describe = (v: Violation) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`;

/** axe-core on the page as it is now, every rule: no critical or serious violation may remain. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const { violations } = await axeOn(page).analyze();
  const serious = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map(describe);
  expect(serious, serious.join('\n')).toEqual([]);
}

/** axe-core's WCAG 2 A and AA rules on the page as it is now: no violation of any impact may remain. */
export async function expectNoWcagViolations(page: Page): Promise<void> {
  const { violations } = await axeOn(page).withTags(['wcag2a', 'wcag2aa']).analyze();
  const found = violations.map(describe);
  expect(found, found.join('\n')).toEqual([]);
}
