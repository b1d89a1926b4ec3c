import { expect, type Page } from '@playwright/test';

const MIN_TARGET_PX = 48;

/**
 * Every button and link (network tabs are buttons too) has an accessible name
 * and a box at least 48×48. Returns how many controls there are.
 */
export async function expectNamedTouchTargets(page: Page): Promise<number> {
  let total = 0;
  const problems: string[] = [];
  for (const role of ['button', 'link', 'tab'] as const) {
    const all = page.getByRole(role);
    const count = await all.count();
    total += count;
    // Same count with a non-empty name required: none is nameless.
    await expect(page.getByRole(role, { name: /\S/ }), `every ${role} has an accessible name`).toHaveCount(count);
    const boxes = await all.evaluateAll((elements) =>
      elements.map((el) => {
        const { width, height } = el.getBoundingClientRect();
        return { html: el.outerHTML.slice(0, 100), width, height };
      }),
    );
    for (const { html, width, height } of boxes) {
      if (width < MIN_TARGET_PX || height < MIN_TARGET_PX) problems.push(`${html}: ${width.toFixed(1)}×${height.toFixed(1)} px`);
    }
  }
  expect(problems, `controls smaller than ${MIN_TARGET_PX}×${MIN_TARGET_PX} px`).toEqual([]);
  return total;
}
