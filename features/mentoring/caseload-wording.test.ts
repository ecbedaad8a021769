import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl";
import uk from "../../messages/uk.json";
import en from "../../messages/en.json";
import { flagLines, formatLevelChange, type CaseloadT } from "./caseload-wording";
import type { CaseloadRow } from "./server/caseload";

const translator = (locale: "uk" | "en"): CaseloadT => {
  const t = createTranslator({ locale, messages: locale === "uk" ? uk : en, namespace: "caseload" });
  return (key, values) => t(key as never, values as never);
};

const row: Pick<CaseloadRow, "flags" | "assessment" | "stuckIn"> = {
  flags: ["inactive", "stuck", "dropped"],
  assessment: {
    submittedOn: "2026-11-20",
    change: 1.8,
    drops: [
      { areaId: "4", title: "Безпека", from: 5, to: 4, delta: -1 },
      { areaId: "2", title: "Комунікація та співпраця", from: 4, to: 2, delta: -2 },
    ],
  },
  stuckIn: [
    { walkthroughId: "diia-sign-in", title: "Вхід у Дію", stepId: "bank-sign-in", stepTitle: "Вхід через банк", stepNumber: 3 },
    { walkthroughId: "gone", title: "gone", stepId: "old-step", stepTitle: "old-step", stepNumber: null },
  ],
};

describe("the caseload's flags", () => {
  it("say which area dropped and by how much, and where the mentee is stuck, in Ukrainian", () => {
    expect(flagLines(row, translator("uk"), "uk").map((l) => l.text)).toEqual([
      "Не навчається 7+ днів",
      "Застряг(-ла) в інструкції «Вхід у Дію»: крок 3, «Вхід через банк»",
      "Застряг(-ла) в інструкції «gone»",
      "Самооцінка: «Безпека» −1,0 (з 5 до 4)",
      "Самооцінка: «Комунікація та співпраця» −2,0 (з 4 до 2)",
    ]);
  });

  it("and in English", () => {
    const lines = flagLines({ ...row, flags: ["dropped", "stuck"] }, translator("en"), "en").map((l) => l.text);
    expect(lines[0]).toBe("Self-rating: “Безпека” −1.0 (from 5 to 4)");
    expect(lines[2]).toBe("Stuck in the guide “Вхід у Дію”: step 3, “Вхід через банк”");
  });

  it("fall back to the flag's name when the details are not known", () => {
    expect(flagLines({ flags: ["dropped", "stuck"], assessment: null, stuckIn: [] }, translator("uk"), "uk").map((l) => l.text)).toEqual([
      "Самооцінка знизилася",
      "Застряг в інструкції",
    ]);
  });
});

describe("a change of level", () => {
  it("has its sign, one decimal and the reader's decimal mark", () => {
    expect(formatLevelChange(1.8, "uk")).toBe("+1,8");
    expect(formatLevelChange(-1, "uk")).toBe("−1,0");
    expect(formatLevelChange(-0.5, "en")).toBe("−0.5");
    expect(formatLevelChange(0, "uk")).toBe("0,0");
    // The overall change the column shows uses the same format as each area's drop.
    expect(translator("uk")("change", { change: formatLevelChange(1.8, "uk") })).toBe("середня зміна за областями: +1,8");
  });
});
