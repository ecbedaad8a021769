import { z } from "zod";

export const LOW_DATA_MODES = ["auto", "on", "off"] as const;
export type LowDataMode = (typeof LOW_DATA_MODES)[number];

export const ZLowData = z.object({ mode: z.enum(LOW_DATA_MODES, { error: "errors.lowDataModeUnknown" }) });

/**
 * Whether a page is served light (decision 035): the person's choice, or — left on "auto" — the
 * browser's `Save-Data: on` (sent by Chrome's and Android's data savers and by some operators'
 * proxies). An unknown stored value counts as "auto".
 */
export function isLowData(mode: string | null | undefined, saveDataHeader: string | null): boolean {
  if (mode === "on") return true;
  if (mode === "off") return false;
  return saveDataHeader?.trim().toLowerCase() === "on";
}
