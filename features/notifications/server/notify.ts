import "server-only";
import type { Prisma } from "@/server/db/client";

export type NotificationKind =
  | "assignment.new"
  | "assignment.completed"
  | "feedback.message"
  | "request.new"
  | "request.accepted"
  | "request.declined"
  | "assignment.dueSoon"
  | "community.reply"
  | "community.mention"
  | "community.accepted"
  | "community.postHidden"
  | "community.postRestored"
  | "community.postAutoHidden"
  | "group.invited"
  | "group.requested"
  | "group.requestAccepted"
  | "group.requestDeclined"
  | "group.invitationAccepted"
  | "workshop.promoted"
  | "workshop.reminder"
  | "workshop.changed"
  | "workshop.cancelled"
  | "authoring.submitted"
  | "authoring.returned"
  | "authoring.approved";

/** What a notification's text is built from: names and ids only, never client data (nor message text). */
export type NotificationData = {
  actorName: string;
  targetKind?: "lesson" | "track" | "walkthrough";
  targetId?: string;
  dueOn?: string | null;
  threadTitle?: string;
  /** A private group's name (group invitations and join requests). */
  spaceName?: string;
  /** A workshop's title and start (ISO instant, shown in Kyiv time). */
  workshopTitle?: string;
  startsAt?: string;
  /** An authored item's title (review requests and decisions). */
  itemTitle?: string;
};

/** Adds a notification inside the caller's transaction, so it exists exactly when the event does. */
export async function notify(tx: Prisma.TransactionClient, userId: string, kind: NotificationKind, data: NotificationData, href: string) {
  await tx.notification.create({ data: { userId, kind, data, href } });
}
