import { can, type Actor } from "@/server/authz/policy";

/**
 * Where a person's working day starts, and so where signing in leads when no page was asked for:
 * the admin area for an admin, the region's report for a methodologist, the caseload for a
 * curator, and Today for everyone else (a learner's daily step).
 */
export function homePathFor(actor: Actor): string {
  if (actor.roles.includes("ADMIN")) return "/admin";
  if (actor.roles.includes("METHODOLOGIST")) return "/reports";
  if (can(actor, "read:caseload")) return "/curator";
  return "/today";
}
