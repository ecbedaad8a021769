/**
 * Every action the audit trail records (decision 050), by name: `area.what-happened`. The admins'
 * filter lists them in this order, and messages/*.json name each one (`audit.actions`). A new kind
 * of entry is added here first, so that the trail can only hold actions someone has named.
 */
export const AUDIT_ACTIONS = [
  // Signing in and the account's secrets (server/auth, features/accounts).
  "auth.sign-in",
  "auth.sign-in-failed",
  "auth.password-changed",
  "auth.password-reset",
  "auth.second-factor.proved",
  "auth.second-factor.failed",
  "auth.second-factor.enrolled",
  "auth.second-factor.removed",
  "auth.second-factor.reset",
  "auth.recovery-codes.regenerated",
  // Accounts: invitations, roles, status, sessions, erasure.
  "invitation.created",
  "invitation.accepted",
  "invitation.revoked",
  "user.roles-changed",
  "user.status-changed",
  "user.sessions-ended",
  "user.erased",
  // Who mentors whom.
  "mentorship.started",
  "mentorship.ended",
  // Data leaving the app.
  "report.exported",
  "personal-data.exported",
  "audit.exported",
  // Community moderation (the moderation log's kinds) and the spaces people are let into.
  "moderation.hide",
  "moderation.auto-hide",
  "moderation.restore",
  "moderation.dismiss",
  "moderation.move",
  "moderation.pin",
  "moderation.unpin",
  "moderation.lock",
  "moderation.unlock",
  "moderation.suspend",
  "moderation.lift",
  "community.space-created",
  "community.group-created",
  "community.group-member-added",
  "community.group-member-removed",
  // Content written in the app.
  "content.approved",
  "content.published",
  "content.rolled-back",
  // Regions, hromadas and organizations.
  "directory.region-created",
  "directory.hromada-created",
  "directory.organization-created",
  "directory.organization-settings-changed",
  // The trail itself: the retention purge says how much it removed.
  "audit.purged",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
