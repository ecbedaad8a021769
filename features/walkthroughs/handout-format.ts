/** The printed handout's layouts (the `format` of /walkthroughs/<id>/print). */
export const HANDOUT_FORMATS = ["standard", "large", "text"] as const;
export type HandoutFormat = (typeof HANDOUT_FORMATS)[number];

/** The layout a handout's address asks for; anything else (none, several, unknown) is the standard one. */
export function handoutFormat(value: string | string[] | undefined): HandoutFormat {
  return typeof value === "string" && (HANDOUT_FORMATS as readonly string[]).includes(value) ? (value as HandoutFormat) : "standard";
}
