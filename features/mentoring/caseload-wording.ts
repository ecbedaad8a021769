import type { AppLocale } from "@/server/i18n";
import type { CaseloadFlag, CaseloadRow } from "./server/caseload";

/** A translator of the "caseload" namespace (next-intl's `getTranslations("caseload")`, or use-intl's in tests). */
export type CaseloadT = (key: string, values?: Record<string, string | number>) => string;

/**
 * A change of level with its sign and one decimal in the reader's number format: "+1,8", "−1,0"
 * (a true minus sign, which Intl writes as a hyphen in Ukrainian), "0,0".
 */
export function formatLevelChange(value: number, locale: AppLocale): string {
  const text = new Intl.NumberFormat(locale === "en" ? "en-GB" : "uk-UA", {
    signDisplay: "exceptZero",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
  return text.replace("-", "−");
}

/**
 * What each flag of a caseload row says: "dropped" names every area that went down and by how much
 * (the mean shown beside it may still have risen), "stuck" names the guide and the step; one line
 * per area or step, the others one line each.
 */
export function flagLines(row: Pick<CaseloadRow, "flags" | "assessment" | "stuckIn">, t: CaseloadT, locale: AppLocale): { flag: CaseloadFlag; text: string }[] {
  return row.flags.flatMap((flag) => {
    if (flag === "dropped" && row.assessment?.drops.length) {
      return row.assessment.drops.map((d) => ({
        flag,
        text: t("droppedIn", { area: d.title, change: formatLevelChange(d.delta, locale), from: d.from, to: d.to }),
      }));
    }
    if (flag === "stuck" && row.stuckIn.length) {
      return row.stuckIn.map((s) => ({
        flag,
        text: s.stepNumber === null ? t("stuckInGuide", { guide: s.title }) : t("stuckIn", { guide: s.title, number: s.stepNumber, step: s.stepTitle }),
      }));
    }
    return [{ flag, text: t(`flag.${flag}`) }];
  });
}
