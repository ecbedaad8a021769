import "server-only";
import { after } from "next/server";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import { createLinkToken, hashLinkToken } from "@/server/tokens";
import { sendMail } from "@/server/mail";
import { isLocale } from "@/server/i18n";
import { appLink, renderMail } from "./mail-templates";

export const RESET_TTL_MS = 60 * 60 * 1000;
/** Caps reset mails per account so the form cannot be used to flood someone's inbox. */
const MAX_RESETS_PER_HOUR = 5;

/**
 * Answers first and does the work after the response (Next's `after`): the lookup, the token and
 * the mail. Both an existing and an unknown address then take the same time to answer, so the
 * timing does not reveal which addresses have accounts, and a slow mail server delays no one.
 */
export function schedulePasswordReset(email: string): void {
  after(async () => {
    try {
      await requestPasswordReset(email);
    } catch (error) {
      // No address or link in the log: only that it failed and the error's type.
      console.error(`[password-reset] request failed: ${error instanceof Error ? error.name : typeof error}`);
    }
  });
}

/** Always succeeds from the caller's view, so the form does not reveal which addresses have accounts. */
export async function requestPasswordReset(email: string, now = new Date()): Promise<void> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, status: true, locale: true } });
  if (!user || user.status !== "ACTIVE") return;
  const recent = await db.passwordResetToken.count({
    where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - RESET_TTL_MS) } },
  });
  if (recent >= MAX_RESETS_PER_HOUR) return;
  const { token, tokenHash } = createLinkToken();
  await db.passwordResetToken.create({
    data: { userId: user.id, tokenHash, expiresAt: new Date(now.getTime() + RESET_TTL_MS) },
  });
  const locale = isLocale(user.locale) ? user.locale : "uk";
  await sendMail({ to: email, ...(await renderMail("passwordReset", locale, { name: user.name, link: appLink(`/reset-password?token=${token}`) })) });
}

export async function isResetTokenUsable(token: string): Promise<boolean> {
  const row = await getDb().passwordResetToken.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  return Boolean(row && !row.usedAt && row.expiresAt.getTime() > Date.now());
}

/** Sets the new password, unlocks the account and ends every existing session. Single use. */
export async function confirmPasswordReset(token: string, password: string): Promise<void> {
  const db = getDb();
  const tokenHash = hashLinkToken(token);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({ where: { tokenHash } });
    if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) throw new AppError("not_found", "errors.resetInvalid");
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError("not_found", "errors.resetInvalid");
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: new Date() } });
    const user = await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, failedSignIns: 0, lockedAt: null },
      select: { organization: { select: { hromada: { select: { regionId: true } } } } },
    });
    await recordAudit(tx, {
      actorId: row.userId,
      action: "auth.password-reset",
      targetType: "User",
      targetId: row.userId,
      regionId: user.organization.hromada.regionId,
    });
  });
}
