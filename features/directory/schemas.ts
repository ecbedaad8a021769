import { z } from "zod";
import { id, singleLine } from "@/lib/zod-text";

const ZPlaceName = singleLine().min(2, { error: "errors.placeNameTooShort" }).max(160);

export const ZRegionCreate = z.object({
  code: singleLine()
    .toUpperCase()
    .regex(/^UA-\d{2}$/, { error: "errors.regionCodeInvalid" }),
  nameUk: ZPlaceName,
  nameEn: ZPlaceName,
});
export const ZHromadaCreate = z.object({ regionId: id({ required: "errors.regionRequired" }), nameUk: ZPlaceName, nameEn: ZPlaceName });
export const ZOrganizationCreate = z.object({
  hromadaId: id({ required: "errors.hromadaRequired" }),
  name: ZPlaceName,
  kind: z.enum(["SOCIAL_SERVICES_CENTRE", "HROMADA_ADMINISTRATION", "NGO", "REGIONAL_CENTRE", "OTHER"]),
});
export type TRegionCreate = z.infer<typeof ZRegionCreate>;
export type THromadaCreate = z.infer<typeof ZHromadaCreate>;
export type TOrganizationCreate = z.infer<typeof ZOrganizationCreate>;
export const ZCreated = z.object({ id: z.string() });

export const ZOrganizationSettings = z.object({
  reassessEveryDays: z.number().int().min(30, { error: "errors.reassessRange" }).max(365, { error: "errors.reassessRange" }),
});
export type TOrganizationSettings = z.infer<typeof ZOrganizationSettings>;
