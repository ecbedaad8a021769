import { z } from "zod";
import { id, singleLine, text } from "@/lib/zod-text";
import { KYIV_LOCAL_PATTERN } from "./kyiv-time";
import { MAX_CAPACITY, MAX_MATERIALS, MAX_READINGS, WORKSHOP_AUDIENCES } from "./types";

/**
 * Every write takes JSON or a plain HTML form post (the pages work without JavaScript), so the
 * schemas read both: an empty form field is "not given", a single checkbox is a list of one, a
 * number comes as text.
 */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const asList = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

const httpsUrl = () => singleLine().max(500, { error: "errors.workshopLinkInvalid" }).refine(isHttpsUrl, { error: "errors.workshopLinkInvalid" });

/** "lesson:<id>" or "walkthrough:<id>": a lesson or guide from the content index (checked to exist by the feature function). */
export const ZContentKey = singleLine()
  .max(90)
  .regex(/^(lesson|walkthrough|note):[A-Za-z0-9_-]{1,80}$/, { error: "errors.workshopContentUnknown" });

const kyivLocal = (error: string) => singleLine().regex(KYIV_LOCAL_PATTERN, { error });

export const ZWorkshopParams = z.object({ id: id({ max: 40 }) });

export const ZWorkshopWrite = z.object({
  title: singleLine().min(3, { error: "errors.workshopTitleShort" }).max(160, { error: "errors.workshopTitleLong" }),
  description: text().min(1, { error: "errors.workshopDescriptionEmpty" }).max(4000, { error: "errors.workshopDescriptionLong" }),
  /** An https link to the meeting, a place, or both. */
  onlineUrl: z.preprocess(blankToUndefined, httpsUrl().optional()),
  place: z.preprocess(blankToUndefined, singleLine().max(300, { error: "errors.workshopPlaceLong" }).optional()),
  /** Kyiv wall-clock time, "YYYY-MM-DDTHH:MM". */
  startsAt: kyivLocal("errors.workshopTimeInvalid"),
  endsAt: kyivLocal("errors.workshopTimeInvalid"),
  capacity: z.coerce
    .number({ error: "errors.workshopCapacity" })
    .int({ error: "errors.workshopCapacity" })
    .min(1, { error: "errors.workshopCapacity" })
    .max(MAX_CAPACITY, { error: "errors.workshopCapacity" }),
  audience: z.enum(WORKSHOP_AUDIENCES, { error: "errors.workshopAudience" }),
  /** The region it is for; admins may leave it empty for a national workshop. Methodologists: their own region. */
  regionId: z.preprocess(blankToUndefined, id({ max: 40 }).optional()),
  hromadaIds: z.preprocess(asList, z.array(id({ max: 40 })).max(100)),
  readings: z.preprocess(asList, z.array(ZContentKey).max(MAX_READINGS, { error: "errors.workshopTooManyReadings" })),
});
export type TWorkshopWrite = z.infer<typeof ZWorkshopWrite>;

export const ZWorkshopCancel = z.object({ confirm: z.preprocess(blankToUndefined, z.enum(["yes"], { error: "errors.workshopCancelConfirm" })) });

/** The registrations (ids) of people who came; every other registered person is marked as not come. */
export const ZAttendance = z.object({ attended: z.preprocess(asList, z.array(id({ max: 40 })).max(1000)) });

/** Materials after the workshop: lessons and guides, and external https links, one a line ("https://… title"). */
export const ZMaterials = z.object({
  content: z.preprocess(asList, z.array(ZContentKey).max(MAX_MATERIALS, { error: "errors.workshopTooManyMaterials" })),
  links: z.preprocess(blankToUndefined, text().max(5000, { error: "errors.workshopTooManyMaterials" }).optional()),
});

/** An empty body: the action needs nothing but the workshop (forms may still post a `next`). */
export const ZNoBody = z.object({});
