import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { residentPages } from "./pages";
import { settled } from "./search-page";

// The figure a resident comes for is in view without scrolling sideways: the search results'
// Market value and the statistics tables' Median, header and every cell, on a laptop (1024 px)
// and a desktop (1280 px). A screenshot of each page is kept with the test's output.

type Placement = { text: string; right: number; hiddenBy: string | null };

/**
 * Where each header and cell of one column ends: its right edge, and the first scrolling ancestor
 * (if any) whose visible box cuts it off (scrolled out of sight counts as cut off).
 */
async function placements(page: Page, tableSelector: string, header: string): Promise<Placement[]> {
  return page.locator(tableSelector).evaluate((table, headerText) => {
    const headers = [...table.querySelectorAll("thead th")];
    const index = headers.findIndex((th) => th.textContent?.trim().startsWith(headerText));
    if (index < 0) throw new Error(`no "${headerText}" column in ${headers.map((th) => th.textContent).join(" | ")}`);
    const cells = [headers[index]!, ...[...table.querySelectorAll("tbody tr")].map((row) => row.children[index]!)];
    return cells.map((cell) => {
      const box = cell.getBoundingClientRect();
      let hiddenBy: string | null = null;
      for (let node = cell.parentElement; node && node !== document.documentElement && !hiddenBy; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if (overflow === "visible") continue;
        const clip = node.getBoundingClientRect();
        if (box.right > clip.left + node.clientLeft + node.clientWidth + 0.5 || box.left < clip.left - 0.5) {
          hiddenBy = `${node.tagName.toLowerCase()}.${[...node.classList].join(".")} (overflow-x ${overflow})`;
        }
      }
      return { text: (cell.textContent ?? "").trim(), right: box.right, hiddenBy };
    });
  }, header);
}

async function expectColumnInView(page: Page, tableSelector: string, header: string, width: number) {
  const column = await placements(page, tableSelector, header);
  expect(column.length, `${header} column has cells`).toBeGreaterThan(1);
  const offending = column.filter((cell) => cell.right > width || cell.hiddenBy !== null);
  expect(offending, `${header} cells outside the ${width} px viewport or cut off by a scroll box`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "the page itself does not scroll sideways").toBeLessThanOrEqual(width);
  const scrolling = await page.locator(tableSelector).evaluate((table) => {
    const boxes: string[] = [];
    for (let node = table.parentElement; node && node !== document.documentElement; node = node.parentElement) {
      if (getComputedStyle(node).overflowX !== "visible" && node.scrollWidth > node.clientWidth + 1) boxes.push(`${node.tagName.toLowerCase()} ${node.scrollWidth} > ${node.clientWidth} px`);
    }
    return boxes;
  });
  expect(scrolling, "no column of the table is behind a sideways scroll").toEqual([]);
}

/** The whole page as the test saw it: a file in the test's output and an attachment of its report. */
async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

for (const width of [1024, 1280]) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("the search results show every Market value", async ({ page }, testInfo) => {
      // The widest cases: a search (long legal descriptions, every suburb), and one suburb.
      for (const [name, path] of [
        ["search", "/?q=road&sort=-marketValue"],
        ["search-all", "/?size=50"],
      ] as const) {
        await page.goto(path);
        await settled(page);
        await keepScreenshot(page, testInfo, `${name}-${width}`);
        await expectColumnInView(page, '[data-testid="results"] table', "Market value", width);
      }
    });

    test("the statistics tables show every Median", async ({ page }, testInfo) => {
      const suburb = (await residentPages()).find((candidate) => candidate.name === "suburb")!;
      for (const [name, path, tables] of [
        ["suburbs", "/suburbs", ["use-table", "suburb-table"]],
        ["suburb", suburb.path, ["use-table", "category-table"]],
      ] as const) {
        await page.goto(path);
        for (const table of tables) await expect(page.locator(`[data-testid="${table}"] table tbody tr`).first()).toBeVisible();
        await keepScreenshot(page, testInfo, `${name}-${width}`);
        for (const table of tables) await expectColumnInView(page, `[data-testid="${table}"] table`, "Median", width);
      }
    });
  });
}
