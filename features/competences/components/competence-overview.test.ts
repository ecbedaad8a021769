import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { createTranslator } from "use-intl";
import uk from "../../../messages/uk.json";
import { MessagesProvider } from "@/ui/messages";
import type { MyCompetences } from "../server/get-my-competences";
import { planGaps } from "../gap-plan";
import { CompetenceOverview } from "./competence-overview";

// A .test.ts file (the suite collects no .tsx), so elements are created without JSX.

vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) => createTranslator({ locale: "uk", messages: uk, namespace: namespace as "competences" }),
}));
// The review form calls the API through the router; here only where it stands matters.
vi.mock("./review-controls", () => ({
  ReviewControls: (p: { itemType: string; itemId: string; label: string }) =>
    createElement(
      "form",
      { "aria-label": `Відгук куратора: ${p.label}`, "data-item": `${p.itemType}:${p.itemId}` },
      createElement("button", null, "Підтвердити самооцінку"),
    ),
}));

const areas = [
  { id: "4", title: "Безпека" },
  { id: "SW", title: "Цифрові інструменти в соціальній роботі" },
];
const gap = (competenceId: string, width: number, lessons: string[]) => ({
  competenceId,
  title: `Компетентність ${competenceId}`,
  level: 1,
  target: 1 + width,
  gap: width,
  estimated: true,
  lessons: lessons.map((id) => ({ id, title: `Урок ${id}` })),
  walkthroughs: [],
});
const gaps = [
  gap("SW.3", 4, ["diia-basics", "helsi-basics"]),
  gap("SW.1", 3, ["diia-basics", "cnap-online"]),
  gap("4.2", 3, ["strong-passwords"]),
  gap("4.1", 2, ["strong-passwords"]),
  gap("4.3", 2, ["two-factor-sign-in"]),
];

function overview(toReview: MyCompetences["toReview"]): MyCompetences {
  const summary = { id: "a1", submittedAt: "2026-11-20T10:00:00Z", form: "SHORT" as const, frameworkVersion: 1, areas: { "4": 2, SW: 1 } };
  return {
    ownerName: "Олена Коваленко",
    profile: { id: "social-work-specialist", title: "Фахівець із соціальної роботи" },
    areas,
    latest: {
      ...summary,
      areaLevels: areas.map((a) => ({ areaId: a.id, title: a.title, level: a.id === "4" ? 2 : 1, target: 3 })),
      competences: [
        { id: "4.2", areaId: "4", title: "Захист персональних даних", level: 2, estimated: true, target: 4, note: null, reviews: [] },
        {
          id: "SW.1",
          areaId: "SW",
          title: "Е-послуги для клієнтів",
          level: 1,
          estimated: true,
          target: 4,
          note: null,
          reviews: [{ curatorName: "Оксана Ткачук", confirmed: true, comment: null, createdAt: "2026-11-21T10:00:00Z", byViewer: true }],
        },
      ],
    },
    history: [summary],
    changes: [],
    gaps,
    focus: planGaps(gaps, { lessons: new Set(["helsi-basics"]), walkthroughs: new Set() }),
    toReview,
    nextDue: null,
    isDue: false,
    everyDays: 90,
    draft: null,
  };
}

const WAITING: MyCompetences["toReview"] = [{ itemType: "AREA", itemId: "4", title: "Безпека", level: 2, target: 3, note: "Не завжди блокую екран" }];

async function render(data: MyCompetences, props: { reviewable: boolean; about: { name: string } | null }) {
  const tree = await CompetenceOverview({ data, locale: "uk", ...props });
  return renderToStaticMarkup(createElement(MessagesProvider, { messages: { competences: uk.competences }, children: tree }));
}

describe("a mentee's competences as their curator reads them", () => {
  it("speak about the mentee, not to the reader", async () => {
    const html = await render(overview(WAITING), { reviewable: true, about: { name: "Олена Коваленко" } });
    expect(html).toContain("Олена Коваленко: рівень порівняно з ціллю ролі «Фахівець із соціальної роботи»");
    expect(html).toContain("Рівень: Олена Коваленко");
    expect(html).toContain("Зелена смуга — рівень за самооцінкою");
    expect(html).toContain("Це перше самооцінювання: після наступного");
    expect(html).not.toMatch(/Ваш рівень|Мій рівень|ваш рівень|Це ваше перше/);
  });

  it("list the ratings waiting for a review first, with their buttons, before any collapsed section", async () => {
    const html = await render(overview(WAITING), { reviewable: true, about: { name: "Олена Коваленко" } });
    const waiting = html.indexOf("Чекають на ваше підтвердження: 1");
    const form = html.indexOf('data-item="AREA:4"');
    expect(waiting).toBeGreaterThan(-1);
    expect(form).toBeGreaterThan(waiting);
    expect(form).toBeLessThan(html.indexOf("<details"));
    expect(form).toBeLessThan(html.indexOf("рівень порівняно з ціллю ролі"));
    expect(html).toContain('id="review-area-4"');
    expect(html).toContain("Самооцінка: 2 · ціль: 3");
    expect(html).toContain("Не завжди блокую екран");
    // Inside the collapsed section the waiting rating links to its form instead of repeating it; a reviewed one keeps its form to change.
    expect(html.match(/data-item="AREA:4"/g)).toHaveLength(1);
    expect(html).toContain('href="#review-area-4"');
    expect(html).toContain("Підтвердити чи прокоментувати «Безпека» — у списку вгорі");
    expect(html).toContain('data-item="AREA:SW"');
  });

  it("say when nothing waits, and show no review list to the person themselves", async () => {
    expect(await render(overview([]), { reviewable: true, about: { name: "Олена Коваленко" } })).toContain(
      "Ви вже підтвердили чи прокоментували всі самооцінки останнього самооцінювання.",
    );
    const own = await render(overview([]), { reviewable: false, about: null });
    expect(own).not.toContain("Чекають на ваше підтвердження");
    expect(own).toContain("Ваш рівень порівняно з ціллю ролі");
    expect(own).not.toContain("data-item");
  });
});

describe("the gap list", () => {
  it("shows three gaps with unfinished lessons, each once, and every gap behind a disclosure", async () => {
    const html = await render(overview([]), { reviewable: false, about: null });
    const shortList = html.slice(html.indexOf("Що варто розвинути"), html.indexOf("<details"));
    expect(shortList.match(/<li><p class="font-semibold">/g)).toHaveLength(3);
    expect(shortList).toContain("SW.3 Компетентність SW.3");
    expect(shortList).not.toContain("4.1 Компетентність 4.1");
    expect(shortList.match(/href="\/lessons\/diia-basics"/g)).toHaveLength(1);
    expect(shortList.match(/href="\/lessons\/strong-passwords"/g)).toHaveLength(1);
    // Finished: left out, and only counted.
    expect(shortList).not.toContain("/lessons/helsi-basics");
    expect(shortList).toContain("Уже пройдено з того, що цього навчає: 1.");
    const all = html.slice(html.indexOf("<details"));
    expect(all).toContain("Усі компетентності нижче цілі (5)");
    expect(all).toContain('href="/lessons?competence=4.1"');
  });
});
