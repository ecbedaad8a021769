import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import { MESSAGES, type AppLocale } from "@/server/i18n";
import { contentTitles, type TitleOf } from "@/features/content/titles";
import { loadCatalog } from "@/features/content/server/load-catalog";
import { kyivDateTimeFormat } from "@/lib/kyiv-calendar";
import { withNameCases } from "@/server/name-cases";
import type { NotificationData, NotificationKind } from "./notify";

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  actorName: string;
  title: string;
  dueOn: string | null;
  text: string;
  href: string;
  createdAt: string;
  read: boolean;
};

const TEXT_KEY: Record<NotificationKind, string> = {
  "assignment.new": "assignmentNew",
  "assignment.dueSoon": "assignmentDueSoon",
  "assignment.completed": "assignmentCompleted",
  "feedback.message": "feedbackMessage",
  "request.new": "requestNew",
  "request.accepted": "requestAccepted",
  "request.declined": "requestDeclined",
  "community.reply": "communityReply",
  "community.mention": "communityMention",
  "community.accepted": "communityAccepted",
  "community.postHidden": "communityPostHidden",
  "community.postRestored": "communityPostRestored",
  "community.postAutoHidden": "communityPostAutoHidden",
  "group.invited": "groupInvited",
  "group.requested": "groupRequested",
  "group.requestAccepted": "groupRequestAccepted",
  "group.requestDeclined": "groupRequestDeclined",
  "group.invitationAccepted": "groupInvitationAccepted",
  "workshop.promoted": "workshopPromoted",
  "workshop.reminder": "workshopReminder",
  "workshop.changed": "workshopChanged",
  "workshop.cancelled": "workshopCancelled",
  "authoring.submitted": "authoringSubmitted",
  "authoring.returned": "authoringReturned",
  "authoring.approved": "authoringApproved",
};

/**
 * A notification's sentence in the reader's language: one wording for the centre and the e-mail
 * digest. A person's name takes the case its sentence needs ({curatorGen}: «від Олега Ткачука»).
 */
async function notificationText(kind: NotificationKind, data: NotificationData, title: string, locale: AppLocale): Promise<string> {
  const texts = MESSAGES[locale].notifications as unknown as Record<string, string>;
  const date = data.dueOn
    ? new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "uk-UA", { day: "numeric", month: "long", timeZone: "UTC" }).format(
        new Date(`${data.dueOn}T12:00:00Z`),
      )
    : "";
  const template = kind === "assignment.new" && date ? texts.assignmentNewDue! : (texts[TEXT_KEY[kind]] ?? "");
  const when = data.startsAt ? kyivDateTimeFormat(locale).format(new Date(data.startsAt)) : "";
  const values = await withNameCases(template, { curator: data.actorName, learner: data.actorName, name: data.actorName, title, date, when }, locale);
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
}

type NotificationRow = { id: string; kind: string; data: unknown; href: string; createdAt: Date; readAt: Date | null };

async function toItem(r: NotificationRow, locale: AppLocale, title: TitleOf): Promise<NotificationItem> {
  const data = r.data as NotificationData;
  const kind = r.kind as NotificationKind;
  const target =
    data.targetKind && data.targetId
      ? title(data.targetKind, data.targetId)
      : (data.threadTitle ?? data.spaceName ?? data.workshopTitle ?? data.itemTitle ?? "");
  return {
    id: r.id,
    kind,
    actorName: data.actorName,
    title: target,
    dueOn: data.dueOn ?? null,
    text: await notificationText(kind, data, target, locale),
    href: r.href,
    createdAt: r.createdAt.toISOString(),
    read: r.readAt !== null,
  };
}

export async function listNotifications(actor: Actor, locale: AppLocale, take = 50): Promise<NotificationItem[]> {
  authorize(actor, "read:profile:own");
  const rows = await getDb().notification.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, take });
  // A notification names only what its reader was sent, so the titles come from all published content.
  const title = await contentTitles("everything", locale);
  return Promise.all(rows.map((r) => toItem(r, locale, title)));
}

export type DigestReader = { userId: string; locale: AppLocale; since: Date | null };

/**
 * For the digest job, which acts for nobody (hence unsafe: no actor, no policy check — never call
 * it from a request): each reader's unread notifications newer than `since`, newest first, in
 * their language. One query for the whole batch of readers.
 */
export async function unsafeListUnreadNotifications(readers: readonly DigestReader[]): Promise<Map<string, NotificationItem[]>> {
  const byUser = new Map<string, NotificationItem[]>(readers.map((r) => [r.userId, []]));
  if (!readers.length) return byUser;
  const rows = await getDb().notification.findMany({
    where: { readAt: null, OR: readers.map((r) => ({ userId: r.userId, ...(r.since ? { createdAt: { gt: r.since } } : {}) })) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const catalog = await loadCatalog("everything");
  const titles = { uk: catalog.titles("uk"), en: catalog.titles("en") };
  const localeOf = new Map(readers.map((r) => [r.userId, r.locale]));
  for (const row of rows) {
    const locale = localeOf.get(row.userId) ?? "uk";
    byUser.get(row.userId)?.push(await toItem(row, locale, titles[locale]));
  }
  return byUser;
}

export async function unreadNotificationCount(actor: Actor): Promise<number> {
  authorize(actor, "read:profile:own");
  return getDb().notification.count({ where: { userId: actor.id, readAt: null } });
}

/** Marks the actor's notifications read: the given ones, or all. Other people's are never touched. */
export async function markNotificationsRead(actor: Actor, ids: string[] | "all", now = new Date()) {
  authorize(actor, "update:profile:own");
  const { count } = await getDb().notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: now },
  });
  return { read: count };
}
