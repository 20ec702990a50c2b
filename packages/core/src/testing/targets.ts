import type { Page } from 'playwright-core';

/**
 * Every visible control smaller than 24×24 px (WCAG 2.2 target size), measured in the browser: links, buttons,
 * fields, summaries, map markers. A visually hidden radio or checkbox counts by its label; a link inside a
 * paragraph, list item or cell with other text is running text (WCAG's inline exception). axe's own rule lets small targets pass
 * when they are spaced apart, which is why the boxes are measured here. `within` limits it to part of the page.
 */
export async function smallTargets(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate((root) => {
    const selector =
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=slider], [role=checkbox], [role=tab], [tabindex]:not([tabindex="-1"])';
    const small: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement | SVGElement>(`${root} :is(${selector})`))) {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden' || element.closest('[hidden], [aria-hidden="true"]')) continue;
      let box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered (closed details, hidden panels)
      if (element instanceof HTMLInputElement && (box.width <= 2 || box.height <= 2)) {
        const label = element.closest('label') ?? (element.id ? document.querySelector(`label[for="${element.id}"]`) : null);
        if (!label) {
          small.push(`input ${element.name || element.type} without a visible label`);
          continue;
        }
        box = label.getBoundingClientRect();
      } else if (box.width <= 2 && box.height <= 2) {
        continue; // visually hidden until focused (skip links)
      }
      if (element.tagName.toLowerCase() === 'a') {
        // A link in running text: its paragraph, list item or cell holds other text too.
        const block = element.parentElement?.closest('p, li, dd, td');
        if (block && (block.textContent ?? '').trim().length > (element.textContent ?? '').trim().length) continue;
      }
      if (box.width < 23.5 || box.height < 23.5) {
        const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
        small.push(`${element.tagName.toLowerCase()}.${String(element.getAttribute('class') ?? '').split(' ')[0]} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  }, within);
}
