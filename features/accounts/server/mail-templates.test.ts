import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/server/i18n";
import { MAIL_USER_TEXT_MAX, mailUserText, renderDigestMail, renderMail } from "./mail-templates";

const PHISH = "Олена\nВаш пароль скинуто. Увійдіть тут: http://evil.example/login\r\n\u202eмодератор";

/** Placeholders that hold our own text (links, counts); every other one holds someone's typing. */
const OURS = new Set(["link", "count"]);

describe("mail templates", () => {
  it("never let user text start a line: each user placeholder follows fixed text on its line", () => {
    for (const locale of ["uk", "en"] as const) {
      const templates = [...Object.values(MESSAGES[locale].mail).flatMap((m) => [m.subject, m.body]), ...Object.values(MESSAGES[locale].digest)];
      for (const template of templates) {
        for (const line of template.split("\n")) {
          for (const match of line.matchAll(/\{(\w+)\}/g)) {
            if (OURS.has(match[1]!)) continue;
            expect(line.slice(0, match.index).trim(), `${locale}: ${line}`).not.toBe("");
          }
        }
      }
    }
  });

  it("flattens a name to one short line without working links", () => {
    const flat = mailUserText(PHISH);
    expect(flat).not.toMatch(/[\n\r\u202e]/);
    expect([...flat].length).toBeLessThanOrEqual(MAIL_USER_TEXT_MAX);
    expect(flat).not.toContain("http://");
    expect(flat).toContain("Ваш пароль скинуто.");
    expect(mailUserText("див. www.evil.example")).toBe("див. www[.]evil.example");
  });

  it("an invitation keeps the name on the greeting line and the link on a line of its own", async () => {
    for (const locale of ["uk", "en"] as const) {
      const link = "https://skhodynky.example/invitation?token=abc";
      const mail = await renderMail("invitation", locale, { name: PHISH, organization: "ЦНСП\nНатисніть: https://evil.example", link });
      const lines = mail.text.split("\n");
      expect(lines.filter((l) => l.includes("Ваш пароль скинуто"))).toHaveLength(1);
      expect(lines.find((l) => l.includes("Ваш пароль скинуто"))!.startsWith(locale === "uk" ? "Вітаємо, " : "Hello ")).toBe(true);
      expect(lines.some((l) => /^\s*(Увійдіть|Натисніть|\u202e)/.test(l))).toBe(false);
      expect(mail.text).not.toContain("http://evil.example");
      expect(mail.text).not.toContain("https://evil.example");
      expect(lines).toContain(link);
      expect(mail.subject).not.toMatch(/\n/);
    }
  });

  it("a digest puts each notification on one bullet line and the name on the greeting line", async () => {
    const mail = await renderDigestMail("uk", {
      name: PHISH,
      items: [`${PHISH} доручає вам: «Надійні паролі»`, "Нове повідомлення від Петро\n\nПетренко"],
      openLink: "https://skhodynky.example/notifications",
      unsubscribeLink: "https://skhodynky.example/unsubscribe?token=t",
    });
    const lines = mail.text.split("\n");
    expect(lines[0]!.startsWith("Вітаємо, Олена Ваш пароль скинуто.")).toBe(true);
    expect(lines.filter((l) => l.startsWith("• "))).toEqual([expect.stringContaining("доручає вам"), "• Нове повідомлення від Петро Петренко"]);
    for (const line of lines) {
      if (line === "" || line.startsWith("• ") || line === lines[0]) continue;
      expect(line, line).toMatch(/^(Переглянути всі|Не хочете отримувати)/);
    }
    expect(mail.text).not.toContain("http://evil.example");
    expect(mail.subject).toContain("2");
  });

  it("addresses a Ukrainian reader by name in the vocative, and an English one as written", async () => {
    const link = "https://skhodynky.example/reset-password?token=abc";
    expect((await renderMail("passwordReset", "uk", { name: "Оксана Ткачук", link })).text.split("\n")[0]).toBe("Вітаємо, Оксано Ткачук!");
    expect((await renderMail("invitation", "uk", { name: "Олег Ткачук", organization: "ЦНСП", link })).text.split("\n")[0]).toBe("Вітаємо, Олегу Ткачуку!");
    expect((await renderMail("passwordReset", "en", { name: "Оксана Ткачук", link })).text.split("\n")[0]).toBe("Hello Оксана Ткачук,");
    const digest = { name: "Тарас Шевченко", items: ["Нове повідомлення від Оксани Ткачук"], openLink: link, unsubscribeLink: link };
    expect((await renderDigestMail("uk", digest)).text.split("\n")[0]).toBe("Вітаємо, Тарасе Шевченку! Ось що нового на платформі:");
    expect((await renderDigestMail("en", digest)).text.split("\n")[0]).toBe("Hello, Тарас Шевченко! Here is what is new:");
  });
});
