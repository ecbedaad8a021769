import type { TFramework } from "../../features/competences/framework-schema";
import { PURPOSE_IDS } from "../../features/competences/instrument";

/** A complete short-form answer set: every area at `level`, every purpose answered "OFTEN". */
export function shortFormAnswers(fw: TFramework, level: number | ((areaId: string) => number)) {
  return {
    form: "SHORT" as const,
    ratings: fw.areas.map((a) => ({ itemType: "AREA" as const, itemId: a.id, level: typeof level === "number" ? level : level(a.id) })),
    purposes: Object.fromEntries(PURPOSE_IDS.map((p) => [p, "OFTEN"])),
    tools: [{ tool: "viber-closed-groups", direction: "communication" }],
  };
}
