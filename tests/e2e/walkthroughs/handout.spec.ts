import { test, expect } from "../fixtures/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

test("the printable handout renders to an A4 PDF with every step, its screen and the QR code", async ({ page, factory, signIn, expectAccessible }) => {
  await signIn(await factory.person({ roles: ["LEARNER"] }));
  await page.goto("/walkthroughs/helsi-declaration");
  await expect(page.locator("#lesson-step-label")).toHaveText("Перед початком");
  await expectAccessible();
  await page.getByRole("link", { name: "Пам'ятка для друку" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Сімейний лікар у HELSI — пошук і декларація");
  const stepTitles = await page.locator(".print-step h2").allInnerTexts();
  expect(stepTitles.length).toBeGreaterThanOrEqual(5);
  expect(stepTitles[0]).toMatch(/^Крок 1\. /);
  await expect(page.getByRole("img", { name: /QR-код із посиланням на інструкцію: http.*\/walkthroughs\/helsi-declaration/ })).toBeVisible();
  // Every screen has loaded before printing.
  await expect
    .poll(() =>
      page.locator(".print-step img").evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)),
    )
    .toBe(true);
  await expectAccessible();

  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  expect(doc.numPages).toBeGreaterThanOrEqual(2);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((i) => ("str" in i ? i.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  }
  const text = pages.join(" ");
  for (const title of stepTitles) expect(text).toContain(title.replace(/\s+/g, " "));
  // The site's navigation and the worker-only notes stay off the paper.
  expect(text).not.toContain("Мої компетентності");
  expect(text).not.toContain("Що сказати клієнтові");
  expect(text).toContain("Що ви побачите далі");
});

/** Pages of the handout as Chromium prints it to A4, once every screen on it has loaded. */
async function printedPages(page: import("@playwright/test").Page) {
  await expect
    .poll(() =>
      page.locator(".handout img").evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)),
    )
    .toBe(true);
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  await page.emulateMedia({ media: "screen" });
  return (await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise).numPages;
}

test("an eight-step guide's handout takes two to four A4 pages, as text only too, and large print at most a page a step", async ({
  page,
  factory,
  signIn,
  expectAccessible,
}) => {
  await signIn(await factory.person({ roles: ["LEARNER"] }));
  await page.goto("/walkthroughs/diia-sign-in/print");
  await expect(page.locator(".print-step")).toHaveCount(8);
  const layouts = page.getByRole("navigation", { name: "Вигляд пам'ятки" });
  await expect(layouts.getByRole("link", { name: "Звичайна, з екранами" })).toHaveAttribute("aria-current", "page");
  await expectAccessible();
  const standard = await printedPages(page);
  expect(standard).toBeGreaterThanOrEqual(2);
  expect(standard).toBeLessThanOrEqual(4);

  await layouts.getByRole("link", { name: "Великий шрифт" }).click();
  await expect(page).toHaveURL(/\/walkthroughs\/diia-sign-in\/print\?format=large$/);
  await expect(page.locator(".print-step img")).toHaveCount(8);
  await expectAccessible();
  const large = await printedPages(page);
  expect(large).toBeGreaterThanOrEqual(standard);
  expect(large).toBeLessThanOrEqual(8);
  // Large print is larger than the standard layout's text.
  const size = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await page.emulateMedia({ media: "print" });
  const largeSize = await size(".print-step p");
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("navigation", { name: "Вигляд пам'ятки" }).getByRole("link", { name: "Лише текст, без малюнків" }).click();
  await expect(page.locator(".print-step")).toHaveCount(8);
  await expect(page.locator(".print-step img")).toHaveCount(0);
  // The marks are still named, in words.
  await expect(page.locator(".print-step .guide-legend li").first()).toBeVisible();
  await expectAccessible();
  const text = await printedPages(page);
  expect(text).toBeGreaterThanOrEqual(2);
  expect(text).toBeLessThanOrEqual(4);

  await page.goto("/walkthroughs/diia-sign-in/print?format=nonsense");
  await expect(page.getByRole("navigation", { name: "Вигляд пам'ятки" }).getByRole("link", { name: "Звичайна, з екранами" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await page.emulateMedia({ media: "print" });
  expect(await size(".print-step p")).toBeLessThan(largeSize);
});
