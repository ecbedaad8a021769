import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { createTranslator } from "use-intl";
import uk from "../../../messages/uk.json";
import en from "../../../messages/en.json";
import { MY_DATA_FORMAT, MY_DATA_SECTIONS, type MyData, type MyDataSectionId } from "../my-data";
import { MyDataView } from "./my-data-view";

// A .test.ts file (the suite collects no .tsx): the server component is awaited, then rendered.

const locale = vi.hoisted(() => ({ current: "uk" as "uk" | "en" }));
vi.mock("next-intl/server", () => ({
  getLocale: async () => locale.current,
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: locale.current, messages: locale.current === "en" ? en : uk, namespace: namespace as "myData" }),
}));

const sections = Object.fromEntries(MY_DATA_SECTIONS.map((id) => [id, []])) as unknown as Record<MyDataSectionId, MyData["sections"][MyDataSectionId]>;
const data: MyData = {
  format: MY_DATA_FORMAT,
  generatedAt: "2026-12-01T10:00:00.000Z",
  account: { name: "Оксана Ткачук", email: "oksana@example.org", roles: ["LEARNER", "CURATOR"], lockedAt: null, dailyGoalMinutes: 10 },
  sections: {
    ...sections,
    learningActivity: [{ kind: "lesson", contentId: "strong-passwords", day: "2026-11-30", seconds: 1200, at: "2026-11-29T22:30:00.000Z" }],
    assessments: [{ status: "SUBMITTED", summary: { areas: { "1": 3 } }, ratings: [{ itemId: "1", level: 3, note: null }], purposes: [] }],
    threadFollows: [{ thread: "Як записатися до ЦНАП", muted: false, createdAt: "2026-11-01T08:00:00.000Z" }],
  },
};

async function render(which: "uk" | "en") {
  locale.current = which;
  return renderToStaticMarkup(await MyDataView({ data }));
}

describe("the readable page of my data", () => {
  it("gives each section with records a heading with its count, and lists the empty ones", async () => {
    const html = await render("uk");
    expect(html).toContain('<h2 id="account" class="mb-3 text-xl font-bold">Обліковий запис</h2>');
    expect(html).toContain(">Навчальна активність (1)</h2>");
    expect(html).toContain(">Самооцінювання компетентностей (1)</h2>");
    expect(html).toContain('<a href="#learningActivity">Навчальна активність (1)</a>');
    expect(html).not.toContain('id="sessions"');
    expect(html).toMatch(/Розділи без записів<\/h2><p>Входи й пристрої, /);
  });

  it("names fields and writes dates, days, numbers and yes/no in the reader's language, Kyiv time", async () => {
    const uk = await render("uk");
    // 22:30 UTC on 29 November is 00:30 on 30 November in Kyiv.
    expect(uk).toContain("30 листопада 2026 р. о 00:30");
    expect(uk).toContain('<dt class="font-semibold">День</dt>');
    expect(uk).toMatch(/>1\s200<\//);
    expect(uk).toContain(">ні<");
    expect(uk).toContain("LEARNER, CURATOR");
    // Stored JSON is shown as it is.
    expect(uk).toMatch(/<pre[^>]*>\{\n {2}&quot;areas&quot;/);
    const en = await render("en");
    expect(en).toContain("30 November 2026 at 00:30");
    expect(en).toContain('<dt class="font-semibold">Day</dt>');
    expect(en).toContain(">Learning activity (1)</h2>");
    expect(en).toContain(">no<");
  });
});
