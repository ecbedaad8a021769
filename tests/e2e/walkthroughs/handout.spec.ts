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
