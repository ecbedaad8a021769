import { z } from "zod";
import { id, linkToken, secret, singleLine, text } from "@/lib/zod-text";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/auth/password";
import { isCommonPassword } from "@/server/auth/common-passwords";

export const ZRole = z.enum(["LEARNER", "CURATOR", "METHODOLOGIST", "ADMIN"]);
export const ZLocale = z.enum(["uk", "en"]);
export const ZEmail = singleLine()
  .toLowerCase()
  .pipe(z.email({ error: "errors.emailInvalid" }))
  .pipe(z.string().max(254));
/** A new password (ASVS 6.2, NIST SP 800-63B): long enough, not too long, not a common one; no rules about which characters. */
export const ZPassword = secret()
  .min(PASSWORD_MIN_LENGTH, { error: "errors.passwordTooShort" })
  .max(PASSWORD_MAX_LENGTH, { error: "errors.passwordTooLong" })
  .refine((password) => !isCommonPassword(password), { error: "errors.passwordCommon" });
export const ZPersonName = singleLine().min(2, { error: "errors.nameTooShort" }).max(120, { error: "errors.nameTooLong" });
export const ZPosition = singleLine().max(120, { error: "errors.positionTooLong" });
export const ZId = z.object({ id: id() });

export const ZInvitationCreate = z.object({
  email: ZEmail,
  name: ZPersonName,
  position: ZPosition.default(""),
  organizationId: id({ required: "errors.organizationRequired" }),
  roles: z.array(ZRole).min(1, { error: "errors.rolesRequired" }).max(4),
  locale: ZLocale.default("uk"),
});
export type TInvitationCreate = z.infer<typeof ZInvitationCreate>;

export const ZInvitationAccept = z.object({ token: linkToken("errors.invitationInvalid", 20, 200), password: ZPassword });
export const ZPasswordResetRequest = z.object({ email: ZEmail });
export const ZPasswordResetConfirm = z.object({ token: linkToken("errors.resetInvalid", 20, 200), password: ZPassword });
export const ZProfileUpdate = z
  .object({ name: ZPersonName, position: ZPosition, locale: ZLocale })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: "errors.nothingToUpdate" });
export const ZPasswordChange = z.object({ currentPassword: secret().min(1).max(PASSWORD_MAX_LENGTH), newPassword: ZPassword });
export const ZLocaleChoice = z.object({ locale: ZLocale });
export const ZUserImport = z.object({ csv: text({ trim: false }).min(1, { error: "errors.csvEmpty" }).max(900_000) });

export const ZInvitationDto = z.object({ id: z.string(), email: z.string(), name: z.string(), expiresAt: z.string() });
export type TInvitationDto = z.infer<typeof ZInvitationDto>;
export const ZImportRowError = z.object({ row: z.number(), field: z.string(), message: z.string() });
export type TImportRowError = z.infer<typeof ZImportRowError>;
export const ZImportResult = z.object({ invited: z.number() });
export const ZProfileDto = z.object({ name: z.string(), position: z.string(), locale: ZLocale });
export const ZOk = z.object({ ok: z.literal(true) });
