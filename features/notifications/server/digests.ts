import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getDb, type Role } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { getAuthSecret } from "@/server/env";
import { sendMail } from "@/server/mail";
import { MESSAGES, type AppLocale } from "@/server/i18n";
import { authorize, type Actor } from "@/server/authz/policy";
import { addDays, kyivDay } from "@/features/progress/kyiv-calendar";
import { appLink } from "@/features/accounts/server/mail-templates";
import { notify } from "./notify";
import { listNotifications } from "./centre";

export type DigestChoice = "off" | "daily" | "weekly";

/** Off for learners unless they choose; weekly for the people who act on others' progress. */
export function effectiveDigest(choice: string | null, roles: readonly Role[]): DigestChoice {
  if (choice === "off" || choice === "daily" || choice === "weekly") return choice;
  return roles.some((r) => r !== "LEARNER") ? "weekly" : "off";
}

/** The unsubscribe link's token: an HMAC of the user id, so it works without signing in and cannot be guessed. */
export function unsubscribeToken(userId: string): string {
  return `${userId}.${createHmac("sha256", getAuthSecret()).update(`unsubscribe:${userId}`).digest("base64url")}`;
}

export async function unsubscribe(token: string) {
  const [userId, mac] = token.split(".");
  const expected = userId ? unsubscribeToken(userId).split(".")[1]! : "";
  if (!userId || !mac || mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) {
    throw new AppError("bad_request", "errors.unsubscribeLink");
  }
  await getDb().user.updateMany({ where: { id: userId }, data: { digest: "off" } });
  return { ok: true as const };
}

export async function setDigest(actor: Actor, choice: DigestChoice) {
  authorize(actor, "update:profile:own");
  await getDb().user.update({ where: { id: actor.id }, data: { digest: choice } });
  return { digest: choice };
}

export async function getDigest(actor: Actor): Promise<DigestChoice> {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.id }, select: { digest: true } });
  return effectiveDigest(user.digest, actor.roles);
}

/** Reminds learners the day before an assignment is due (once per assignment). */
export async function remindDueSoon(now = new Date()): Promise<number> {
  const db = getDb();
  const tomorrow = addDays(kyivDay(now), 1);
  const due = await db.assignment.findMany({
    where: { dueOn: tomorrow, completedAt: null, dueSoonSentAt: null, curator: { mentees: { some: { endedAt: null } } } },
    select: { id: true, kind: true, targetId: true, dueOn: true, learnerId: true, curatorId: true, curator: { select: { name: true, mentees: { where: { endedAt: null }, select: { menteeId: true } } } } },
  });
  let sent = 0;
  for (const a of due) {
    if (!a.curator.mentees.some((m) => m.menteeId === a.learnerId)) continue;
    await db.$transaction(async (tx) => {
      const kind = a.kind === "walkthrough" || a.kind === "track" ? a.kind : "lesson";
      await notify(tx, a.learnerId, "assignment.dueSoon", { actorName: a.curator.name, targetKind: kind, targetId: a.targetId, dueOn: a.dueOn }, "/today");
      await tx.assignment.update({ where: { id: a.id }, data: { dueSoonSentAt: now } });
    });
    sent += 1;
  }
  return sent;
}

/**
 * Sends each person who wants one a digest of their unread notifications — daily or weekly, only
 * when there is something new — through the same mail path as password resets, with a one-click
 * unsubscribe link that works without signing in.
 */
export async function sendDueDigests(now = new Date()): Promise<number> {
  const db = getDb();
  const users = await db.user.findMany({
    where: { status: "ACTIVE", notifications: { some: { readAt: null } } },
    select: { id: true, email: true, name: true, locale: true, digest: true, digestSentAt: true, roles: { select: { role: true } }, organizationId: true },
  });
  let sent = 0;
  for (const u of users) {
    const roles = u.roles.map((r) => r.role);
    const choice = effectiveDigest(u.digest, roles);
    if (choice === "off") continue;
    const last = u.digestSentAt;
    const dueNow = !last || (choice === "daily" ? kyivDay(last) < kyivDay(now) : now.getTime() - last.getTime() >= 7 * 86_400_000);
    if (!dueNow) continue;
    const locale: AppLocale = u.locale === "en" ? "en" : "uk";
    const actor = { id: u.id, roles, organizationId: u.organizationId, hromadaId: "", regionId: "" };
    const fresh = (await listNotifications(actor, locale)).filter((n) => !n.read && (!last || n.createdAt > last.toISOString()));
    if (!fresh.length) continue;
    const t = MESSAGES[locale].digest as Record<"subject" | "greeting" | "open" | "unsubscribe", string>;
    const lines = fresh.slice(0, 20).map((n) => `• ${n.text}`);
    const text = [t.greeting.replace("{name}", u.name), "", ...lines, "", t.open.replace("{link}", appLink("/notifications")), "", t.unsubscribe.replace("{link}", appLink(`/unsubscribe?token=${unsubscribeToken(u.id)}`))].join("\n");
    await sendMail({ to: u.email, subject: t.subject.replace("{count}", String(fresh.length)), text });
    await db.user.update({ where: { id: u.id }, data: { digestSentAt: now } });
    sent += 1;
  }
  return sent;
}
