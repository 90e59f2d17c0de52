import { expect, type Locator, type Page } from "@playwright/test";

// Reading the search page the way a person sees it: the results table (desktop) and its status.

export const results = (page: Page) => page.getByTestId("results");

/** Whether React has hydrated an element yet (its fiber is attached). */
export function isHydrated(element: Locator): Promise<boolean> {
  return element.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactFiber")));
}

/** Waits until the results for the current URL are shown (no request in flight). */
export async function settled(page: Page): Promise<void> {
  await expect(results(page)).toHaveAttribute("aria-busy", "false");
}

/** The rate numbers of the rows shown, in order (the desktop table). */
export async function shownRateNumbers(page: Page): Promise<string[]> {
  await settled(page);
  return page.locator("table tbody tr[data-rate-number]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-rate-number") ?? ""));
}

/** The text of one column for every row shown (column index 0 = address). */
export async function columnTexts(page: Page, index: number): Promise<string[]> {
  await settled(page);
  return page.locator("table tbody tr").evaluateAll((rows, i) => rows.map((row) => row.querySelectorAll("td")[i]?.textContent?.replace(/\u00a0/g, " ").trim() ?? ""), index);
}

export const urlParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** The total in the status line ("1 234 properties found."). */
export async function shownTotal(page: Page): Promise<number> {
  await settled(page);
  const text = (await page.getByTestId("result-count").textContent()) ?? "";
  const match = /^([\d\s\u00a0]+) propert/.exec(text);
  return match?.[1] ? Number(match[1].replace(/[\s\u00a0]/g, "")) : 0;
}

export async function searchFor(page: Page, text: string): Promise<void> {
  await page.getByLabel("Street, rate number, erf or scheme").fill(text);
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(text.trim());
  await settled(page);
}

/** "R 1 830 000" → 1830000; "No value" → null. */
export function randValue(text: string): number | null {
  const digits = text.replace(/[^\d]/g, "");
  return digits === "" ? null : Number(digits);
}
