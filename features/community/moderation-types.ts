/** Community moderation's words (decision 023), shared by schemas, server functions and components. */
export const FLAG_REASONS = ["CLIENT_DATA", "OFFENSIVE", "SPAM", "OFF_TOPIC", "OTHER"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export const MODERATION_DECISIONS = ["hide", "restore", "dismiss"] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];
export const MODERATION_ACTIONS = ["HIDE", "AUTO_HIDE", "RESTORE", "DISMISS", "MOVE", "PIN", "UNPIN", "LOCK", "UNLOCK", "SUSPEND", "LIFT"] as const;
export type ModerationActionKind = (typeof MODERATION_ACTIONS)[number];

/** Open flags by this many different people hide a post until a moderator decides. */
export const AUTO_HIDE_FLAGS = 3;
/** Pinned threads a space may have (slots 1–3, a CHECK in the database). */
export const MAX_PINNED = 3;
/** An account younger than this is new: limited posts an hour, no links (moderators and admins exempt). */
export const NEW_ACCOUNT_DAYS = 7;
export const NEW_ACCOUNT_POSTS_PER_HOUR = 5;
/** Suspension periods a moderator picks from, in days. */
export const SUSPENSION_DAYS = [1, 3, 7, 30, 90] as const;
