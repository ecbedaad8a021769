import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getDb, type Role } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { getAuthSecret } from "@/server/env";
import { sendMail } from "@/server/mail";
import type { AppLocale } from "@/server/i18n";
import { authorize, type Actor } from "@/server/authz/policy";
import { addDays, kyivDay } from "@/lib/kyiv-calendar";
import { appLink, renderDigestMail } from "@/features/accounts/server/mail-templates";
import { notify } from "./notify";
import { unsafeListUnreadNotifications } from "./centre";

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
  // Compared as bytes: a non-ASCII code can have as many characters as the real one but more
  // bytes, and timingSafeEqual throws on buffers of different lengths.
  const given = Buffer.from(mac ?? "", "utf8");
  const expected = Buffer.from(userId ? unsubscribeToken(userId).split(".")[1]! : "", "utf8");
  if (!userId || given.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
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

/**
 * Reminds learners the day before an assignment is due, once per assignment however many servers
 * run this at once: marking `dueSoonSentAt` is a compare-and-set inside the transaction that
 * writes the notification, so only the run that flips it from empty notifies, and a crash before
 * the commit leaves both undone for the next run.
 */
export async function remindDueSoon(now = new Date()): Promise<number> {
  const db = getDb();
  const tomorrow = addDays(kyivDay(now), 1);
  const due = await db.assignment.findMany({
    where: { dueOn: tomorrow, completedAt: null, dueSoonSentAt: null, curator: { mentees: { some: { endedAt: null } } } },
    select: {
      id: true,
      kind: true,
      targetId: true,
      dueOn: true,
      learnerId: true,
      curatorId: true,
      curator: { select: { name: true, mentees: { where: { endedAt: null }, select: { menteeId: true } } } },
    },
  });
  let sent = 0;
  for (const a of due) {
    if (!a.curator.mentees.some((m) => m.menteeId === a.learnerId)) continue;
    const claimed = await db.$transaction(async (tx) => {
      const { count } = await tx.assignment.updateMany({ where: { id: a.id, dueSoonSentAt: null, completedAt: null }, data: { dueSoonSentAt: now } });
      if (count !== 1) return false;
      const kind = a.kind === "walkthrough" || a.kind === "track" ? a.kind : "lesson";
      await notify(tx, a.learnerId, "assignment.dueSoon", { actorName: a.curator.name, targetKind: kind, targetId: a.targetId, dueOn: a.dueOn }, "/today");
      return true;
    });
    if (claimed) sent += 1;
  }
  return sent;
}

/** Users read per query by the digest job. */
export const DIGEST_BATCH_SIZE = 200;

/**
 * Sends each person who wants one a digest of their unread notifications — daily or weekly, only
 * when there is something new — through the same mail path as password resets, with a one-click
 * unsubscribe link that works without signing in.
 *
 * People are read in batches (keyset by id) with their notifications in one query per batch.
 * Before mailing, the run claims the person's period by moving `digestSentAt` from the value it
 * read to `now` (compare-and-set): a second server, or a run after a crash, finds it moved and
 * sends nothing. A failed send puts the value back for the next run; a crash between the claim
 * and the send loses that one digest rather than ever sending it twice (decision 017).
 */
export async function sendDueDigests(now = new Date()): Promise<number> {
  const db = getDb();
  let sent = 0;
  let after: string | undefined;
  for (;;) {
    const users = await db.user.findMany({
      where: { status: "ACTIVE", notifications: { some: { readAt: null } }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: DIGEST_BATCH_SIZE,
      select: { id: true, email: true, name: true, locale: true, digest: true, digestSentAt: true, roles: { select: { role: true } } },
    });
    if (!users.length) break;
    after = users.at(-1)!.id;
    const due = users.filter((u) => {
      const choice = effectiveDigest(
        u.digest,
        u.roles.map((r) => r.role),
      );
      const last = u.digestSentAt;
      return choice !== "off" && (!last || (choice === "daily" ? kyivDay(last) < kyivDay(now) : now.getTime() - last.getTime() >= 7 * 86_400_000));
    });
    const unread = await unsafeListUnreadNotifications(due.map((u) => ({ userId: u.id, locale: u.locale === "en" ? "en" : "uk", since: u.digestSentAt })));
    for (const u of due) {
      const fresh = unread.get(u.id) ?? [];
      if (!fresh.length) continue;
      const claimed = await db.user.updateMany({ where: { id: u.id, digestSentAt: u.digestSentAt }, data: { digestSentAt: now } });
      if (claimed.count !== 1) continue;
      const locale: AppLocale = u.locale === "en" ? "en" : "uk";
      const mail = await renderDigestMail(locale, {
        name: u.name,
        items: fresh.map((n) => n.text),
        openLink: appLink("/notifications"),
        unsubscribeLink: appLink(`/unsubscribe?token=${unsubscribeToken(u.id)}`),
      });
      try {
        await sendMail({ to: u.email, ...mail });
      } catch (error) {
        await db.user.updateMany({ where: { id: u.id, digestSentAt: now }, data: { digestSentAt: u.digestSentAt } });
        throw error;
      }
      sent += 1;
    }
    if (users.length < DIGEST_BATCH_SIZE) break;
  }
  return sent;
}
