import "server-only";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import type { AppLocale } from "@/server/i18n";
import { listLessons, listTracks } from "@/features/lessons/server/catalog";
import { listWalkthroughs } from "@/features/walkthroughs/server/catalog";
import type { NotificationData, NotificationKind } from "./notify";

export type NotificationItem = { id: string; kind: NotificationKind; actorName: string; title: string; dueOn: string | null; href: string; createdAt: string; read: boolean };

/** Titles of lessons, tracks and guides in the reader's language (notifications store ids). */
function titleOf(locale: AppLocale) {
  const lessons = new Map(listLessons(locale).map((l) => [l.id, l.title]));
  const guides = new Map(listWalkthroughs(locale).map((w) => [w.id, w.title]));
  const tracks = new Map(listTracks().map((t) => [t.id, t.title[locale]]));
  return (kind: NotificationData["targetKind"], id: string) => (kind === "lesson" ? lessons : kind === "walkthrough" ? guides : tracks).get(id) ?? id;
}

export async function listNotifications(actor: Actor, locale: AppLocale, take = 50): Promise<NotificationItem[]> {
  authorize(actor, "read:profile:own");
  const rows = await getDb().notification.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, take });
  const title = titleOf(locale);
  return rows.map((r) => {
    const data = r.data as NotificationData;
    return {
      id: r.id,
      kind: r.kind as NotificationKind,
      actorName: data.actorName,
      title: data.targetKind && data.targetId ? title(data.targetKind, data.targetId) : "",
      dueOn: data.dueOn ?? null,
      href: r.href,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    };
  });
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
