import type { Prisma, Role } from "../db/client";
import { AppError } from "../errors";

/**
 * The one policy module: every route handler, server action and page asks here whether the
 * signed-in user may do something, and lists are narrowed with the scoped `where` builders below.
 * Permission names read as verb:subject[:scope].
 */
export type Actor = {
  id: string;
  /** The roles this session acts with: a privileged role counts only once a second factor is enrolled (decision 052). */
  roles: readonly Role[];
  organizationId: string;
  hromadaId: string;
  regionId: string;
  /** When this session last proved the second factor (ms since epoch), from the session row; absent or null: not in this session. */
  secondFactorAt?: number | null;
};

/** What a rule needs to know about the thing acted on. */
export type UserResource = { userId: string; regionId: string; roles: readonly Role[] };
export type RegionResource = { regionId: string };
export type InvitationResource = { regionId: string; roles: readonly Role[] };
/**
 * Facts about the person a curator's work is about, loaded by the feature function from the
 * database (never passed in by its caller): where they work and who mentors them now.
 */
export type MenteeResource = { learnerId: string; regionId: string; curatorIds: readonly string[] };
/** An assessment's owner and the owner's current curators (loaded with the assessment). */
export type AssessmentResource = { ownerId: string; curatorIds: readonly string[] };
/** A curator–mentee thread and the mentee's current curators: the thread is open while its curator is one of them. */
export type FeedbackResource = { curatorId: string; menteeId: string; menteeCuratorIds: readonly string[] };
/**
 * A community space as the database knows it: its kind, its region, its owner, and whether the
 * actor is among its members (`memberIds` holds the actor's id when they are; the feature function
 * loads it, a caller never claims it).
 */
export type CommunitySpaceResource = {
  kind: "NATIONAL" | "REGION" | "GROUP";
  regionId: string | null;
  ownerId: string | null;
  memberIds: readonly string[];
};
/** A post and its space; `withinEditWindow` is computed from the post's creation time by the feature function. */
export type CommunityPostResource = { authorId: string; space: CommunitySpaceResource; withinEditWindow: boolean };
/** A question thread's author and its space. */
export type CommunityThreadResource = { authorId: string; space: CommunitySpaceResource };
/** Moving a thread: the space it is in and the space it goes to. */
export type CommunityMoveResource = { from: CommunitySpaceResource; to: CommunitySpaceResource };
/**
 * Suspending a person from posting: in one space, or everywhere (`space: null`). `targetModerates`
 * says whether the person moderates that space (everywhere: is an admin), loaded by the feature function.
 */
export type CommunitySuspensionResource = { userId: string; space: CommunitySpaceResource | null; targetModerates: boolean };
/**
 * A person an owner wants to invite into a private group, as the database knows them: where they
 * work and who mentors them now (loaded by the feature function, never claimed by a caller).
 */
export type GroupInviteeResource = { userId: string; regionId: string; hromadaId: string; curatorIds: readonly string[] };
/** A pending invitation (decided by the person invited) or join request (decided by the group's owner). */
export type GroupAdmissionResource = { kind: "INVITATION" | "REQUEST"; userId: string; space: CommunitySpaceResource };
/**
 * A methodological workshop as the database knows it (decision 030): its region (null = national),
 * its audience and hromadas, and whether the actor holds an active registration (`registrantIds`
 * holds the actor's id when they do; loaded by the feature function, never claimed by a caller).
 */
export type WorkshopResource = {
  regionId: string | null;
  audience: "REGION" | "HROMADAS" | "CURATORS";
  hromadaIds: readonly string[];
  registrantIds: readonly string[];
};
/**
 * An uploaded file (decision 029): who uploaded it, and the item it is attached to as the item's
 * own rule sees it — `null` while it is attached to nothing. `serveFile` fills `item` from the item
 * it loads (a national item, a region's, or an authored item with its own rule), never from what a
 * caller says.
 */
export type StoredFileResource = {
  ownerId: string;
  item: null | { scope: "national" } | { scope: "region"; regionId: string } | { scope: "authored"; resource: AuthoredItemResource };
};
/**
 * An item written in the app (decision 032) as the database knows it: its region (null = national),
 * the hromadas it is narrowed to (none = the whole region), whether it is published, and who
 * submitted the draft now under review (null when none is). Loaded by the feature function.
 */
export type AuthoredItemResource = {
  regionId: string | null;
  hromadaIds: readonly string[];
  isPublished: boolean;
  submittedById: string | null;
};
/** Aggregates of a country, a region or a hromada (regionId of the hromada). */
export type AggregateResource = { scope: "country" } | { scope: "region" | "hromada"; regionId: string };
/** The activity report of the country or of one region (decision 031). */
export type ActivityReportResource = { scope: "country" } | { scope: "region"; regionId: string };

type Rules = {
  "read:profile:own": undefined;
  "update:profile:own": undefined;
  "read:admin-area": undefined;
  "read:outbox": undefined;
  /** The audit trail (decision 050): who did what, when and where, across the country — admins only. */
  "read:audit": undefined;
  "read:directory": undefined;
  "manage:directory": undefined;
  "create:organization": RegionResource;
  "read:users": undefined;
  /** Route-level gate for invitation writes (create, revoke, CSV import); each row is then checked with its resource. */
  "invite:users": undefined;
  /** Route-level gate for account actions; the account is then checked with "manage:user". */
  "manage:users": undefined;
  "create:invitation": InvitationResource;
  "revoke:invitation": RegionResource;
  "import:users": InvitationResource;
  "read:user": UserResource;
  "read:assessment": AssessmentResource;
  "review:assessment": AssessmentResource;
  "read:aggregates": AggregateResource;
  "read:activity-report": ActivityReportResource;
  "manage:user": UserResource;
  /** Erase a person's account on request (decision 051): admins only, never their own. */
  "erase:user": { userId: string };
  /** Remove every second factor of a person who lost them all (decision 052): admins, never their own. */
  "reset:second-factor": UserResource;
  "report:walkthrough": undefined;
  "read:walkthrough-queue": RegionResource;
  "resolve:walkthrough-report": RegionResource;
  "verify:walkthrough": undefined;
  "read:caseload": undefined;
  "read:curator-caseload": { curatorId: string; regionId: string };
  "assign:work": MenteeResource;
  "read:mentee": MenteeResource;
  "manage:mentorships": RegionResource;
  "end:mentorship": { menteeId: string; regionId: string };
  "request:curator": RegionResource;
  "decide:curator-request": { curatorId: string };
  "read:feedback": FeedbackResource;
  "write:feedback": FeedbackResource;
  "read:community-space": CommunitySpaceResource;
  "post:community-space": CommunitySpaceResource;
  "moderate:community-space": CommunitySpaceResource;
  "edit:community-post": CommunityPostResource;
  "delete:community-post": CommunityPostResource;
  /** A post's earlier versions: its author and the space's moderators (an edit may have removed a client's data). */
  "read:community-post-history": CommunityPostResource;
  "accept:community-answer": CommunityThreadResource;
  "flag:community-post": CommunityPostResource;
  "move:community-thread": CommunityMoveResource;
  "suspend:community-member": CommunitySuspensionResource;
  /** Exempt from the new-account limits (posts an hour, links): the space's moderators and admins. */
  "bypass:newcomer-limits": CommunitySpaceResource;
  /** Region knowledge base (decision 024): add, edit, order and remove entries of a region space. */
  "curate:community-knowledge": CommunitySpaceResource;
  /** National topic spaces: admins open them. */
  "create:community-space": undefined;
  /** Private groups (decision 024). */
  "create:community-group": undefined;
  "manage:community-group": CommunitySpaceResource;
  "invite:community-group": { space: CommunitySpaceResource; invitee: GroupInviteeResource };
  "request:community-group": CommunitySpaceResource;
  "leave:community-group": CommunitySpaceResource;
  "decide:group-admission": GroupAdmissionResource;
  /** Route-level gate for announcing workshops; the workshop's region is then checked with "announce:workshop". */
  "announce:workshops": undefined;
  /** Announce a workshop for a region (its methodologists) or the whole country (`regionId: null`, admins). */
  "announce:workshop": { regionId: string | null };
  "read:workshop": WorkshopResource;
  "register:workshop": WorkshopResource;
  /** Edit, cancel, mark attendance and attach materials: the region's methodologists; national ones admins. */
  "manage:workshop": { regionId: string | null };
  /** Authoring files (decision 029): upload images and PDFs for lessons, guides and notes. */
  "upload:file": undefined;
  "read:stored-file": StoredFileResource;
  /** Route-level gate for the authoring pages and API: methodologists and admins. */
  "author:content": undefined;
  /** Write, submit, roll back and scope an item: a region's methodologists their region's; admins any, national ones only they. */
  "write:authored-item": { regionId: string | null };
  /** Approve or return a submitted draft: a methodologist of its region (or an admin) other than who submitted it. */
  "review:authored-item": AuthoredItemResource;
  /** Read a published item as a learner: national ones everyone; a region's its people (of the listed hromadas, when narrowed). */
  "read:authored-item": AuthoredItemResource;
  /** Make and edit a region's own learning track: its methodologists (and admins). */
  "manage:region-track": { regionId: string };
};
export type Permission = keyof Rules;

const has = (actor: Actor, role: Role) => actor.roles.includes(role);
const isAdmin = (actor: Actor) => has(actor, "ADMIN");
const isMethodologistOf = (actor: Actor, regionId: string) => has(actor, "METHODOLOGIST") && actor.regionId === regionId;
/** A current curator of the person: the relationship is loaded from the database, not claimed by a caller. */
const isCuratorOf = (actor: Actor, curatorIds: readonly string[]) => has(actor, "CURATOR") && curatorIds.includes(actor.id);

/**
 * Who reads a space's posts: a national space every signed-in person; a region space that region's
 * people and national admins; a private group its members only — admins too only when members.
 */
function readsSpace(actor: Actor, space: CommunitySpaceResource): boolean {
  if (space.kind === "NATIONAL") return true;
  if (space.kind === "REGION") return isAdmin(actor) || actor.regionId === space.regionId;
  return space.memberIds.includes(actor.id);
}
/**
 * Who moderates: admins national spaces, a region's methodologists (and admins) its space, a group
 * its owner and the methodologists of its region who are members (only members read a group).
 */
function moderatesSpace(actor: Actor, space: CommunitySpaceResource): boolean {
  if (space.kind === "NATIONAL") return isAdmin(actor);
  if (space.kind === "REGION") return isAdmin(actor) || (space.regionId !== null && isMethodologistOf(actor, space.regionId));
  if (!space.memberIds.includes(actor.id)) return false;
  return space.ownerId === actor.id || (space.regionId !== null && isMethodologistOf(actor, space.regionId));
}
/** The owner of a private group (who is also its member): invites, admits and removes people; a region's methodologist only moderates posts. */
function ownsGroup(actor: Actor, space: CommunitySpaceResource): boolean {
  return space.kind === "GROUP" && space.ownerId === actor.id && space.memberIds.includes(actor.id);
}
/** Whom a group's owner may invite: their current mentees, people of their hromada, and for a methodologist their region. */
function mayInvite(actor: Actor, invitee: GroupInviteeResource): boolean {
  if (invitee.userId === actor.id) return false;
  return isCuratorOf(actor, invitee.curatorIds) || invitee.hromadaId === actor.hromadaId || isMethodologistOf(actor, invitee.regionId);
}

/** Who writes a region's items: its methodologists (and admins); national items admins only. */
const authorsFor = (actor: Actor, regionId: string | null) => isAdmin(actor) || (regionId !== null && isMethodologistOf(actor, regionId));
/** Whom a published item is for: the country, or its region (the listed hromadas when narrowed). */
function inItemAudience(actor: Actor, r: AuthoredItemResource): boolean {
  if (r.regionId === null) return true;
  return r.regionId === actor.regionId && (r.hromadaIds.length === 0 || r.hromadaIds.includes(actor.hromadaId));
}
/** Its authors read it published or not; learners only once published and within its audience. */
const readsAuthoredItem = (actor: Actor, r: AuthoredItemResource) => authorsFor(actor, r.regionId) || (r.isPublished && inItemAudience(actor, r));
/** Whoever the item a file is attached to lets read it (an authored item by its own rule). */
function readsFileItem(actor: Actor, item: NonNullable<StoredFileResource["item"]>): boolean {
  if (item.scope === "national") return true;
  if (item.scope === "authored") return readsAuthoredItem(actor, item.resource);
  return isAdmin(actor) || actor.regionId === item.regionId;
}

/** Whom a workshop is for: its region (or the country), then everyone there, the listed hromadas, or curators. */
function inWorkshopAudience(actor: Actor, r: WorkshopResource): boolean {
  if (r.regionId !== null && r.regionId !== actor.regionId) return false;
  if (r.audience === "REGION") return true;
  if (r.audience === "HROMADAS") return r.hromadaIds.includes(actor.hromadaId);
  return has(actor, "CURATOR");
}
/** Who runs a workshop: the methodologists of its region (and admins); a national one admins only. */
const managesWorkshop = (actor: Actor, regionId: string | null) => isAdmin(actor) || (regionId !== null && isMethodologistOf(actor, regionId));

/** Roles a methodologist may hand out: everything but national administration. */
const METHODOLOGIST_GRANTABLE: readonly Role[] = ["LEARNER", "CURATOR", "METHODOLOGIST"];

const RULES: { [P in Permission]: (actor: Actor, resource: Rules[P]) => boolean } = {
  "read:profile:own": () => true,
  "update:profile:own": () => true,
  "read:admin-area": (a) => isAdmin(a) || has(a, "METHODOLOGIST"),
  "read:outbox": (a) => isAdmin(a),
  "read:audit": (a) => isAdmin(a),
  "read:directory": (a) => isAdmin(a) || has(a, "METHODOLOGIST"),
  "manage:directory": (a) => isAdmin(a),
  "create:organization": (a, r) => isAdmin(a) || isMethodologistOf(a, r.regionId),
  "read:users": (a) => isAdmin(a) || has(a, "METHODOLOGIST"),
  "invite:users": (a) => isAdmin(a) || has(a, "METHODOLOGIST"),
  "manage:users": (a) => isAdmin(a) || has(a, "METHODOLOGIST"),
  "create:invitation": (a, r) => isAdmin(a) || (isMethodologistOf(a, r.regionId) && r.roles.every((role) => METHODOLOGIST_GRANTABLE.includes(role))),
  "revoke:invitation": (a, r) => isAdmin(a) || isMethodologistOf(a, r.regionId),
  "import:users": (a, r) => isAdmin(a) || (isMethodologistOf(a, r.regionId) && r.roles.every((role) => METHODOLOGIST_GRANTABLE.includes(role))),
  "read:user": (a, r) => a.id === r.userId || isAdmin(a) || isMethodologistOf(a, r.regionId),
  // Self-assessments are personal: the owner and their current curator, nobody else (regions read aggregates).
  "read:assessment": (a, r) => a.id === r.ownerId || isCuratorOf(a, r.curatorIds),
  "review:assessment": (a, r) => a.id !== r.ownerId && isCuratorOf(a, r.curatorIds),
  "read:aggregates": (a, r) => isAdmin(a) || (r.scope !== "country" && isMethodologistOf(a, r.regionId)),
  // Who learned what, summed: a region's methodologists read their region, admins the country and every region.
  "read:activity-report": (a, r) => isAdmin(a) || (r.scope === "region" && isMethodologistOf(a, r.regionId)),
  "reset:second-factor": (a, r) => isAdmin(a) && a.id !== r.userId,
  "manage:user": (a, r) => a.id !== r.userId && (isAdmin(a) || (isMethodologistOf(a, r.regionId) && !r.roles.includes("ADMIN"))),
  // Irreversible and country-wide in effect: admins, and never on themselves (another admin does it).
  "erase:user": (a, r) => isAdmin(a) && a.id !== r.userId,
  // Anyone who uses a guide can say where they got stuck or that a screen changed.
  "report:walkthrough": () => true,
  // Reports land in the reporter's region: its methodologists (and admins) read and close them.
  "read:walkthrough-queue": (a, r) => isAdmin(a) || isMethodologistOf(a, r.regionId),
  "resolve:walkthrough-report": (a, r) => isAdmin(a) || isMethodologistOf(a, r.regionId),
  // Guides are national content: any methodologist who checked one against the live platform may say so.
  "verify:walkthrough": (a) => isAdmin(a) || has(a, "METHODOLOGIST"),
  "read:caseload": (a) => has(a, "CURATOR"),
  // A methodologist sees the curators of their region and their mentees (read-only); admins all.
  "read:curator-caseload": (a, r) => (a.id === r.curatorId && has(a, "CURATOR")) || isAdmin(a) || isMethodologistOf(a, r.regionId),
  // A curator works with their current mentees only; the relationship ending ends the access.
  "assign:work": (a, r) => a.id !== r.learnerId && isCuratorOf(a, r.curatorIds),
  // …and the mentee sees exactly what their curator sees about them; the region reads it too.
  "read:mentee": (a, r) => a.id === r.learnerId || isCuratorOf(a, r.curatorIds) || isAdmin(a) || isMethodologistOf(a, r.regionId),
  // Methodologists pair curators and mentees of their own region; admins anywhere.
  "manage:mentorships": (a, r) => isAdmin(a) || isMethodologistOf(a, r.regionId),
  // A mentee may end their mentorship themselves; so may those who manage the region's pairs.
  "end:mentorship": (a, r) => a.id === r.menteeId || isAdmin(a) || isMethodologistOf(a, r.regionId),
  // A learner asks a curator of their own region; only that curator answers.
  "request:curator": (a, r) => a.regionId === r.regionId,
  "decide:curator-request": (a, r) => a.id === r.curatorId && has(a, "CURATOR"),
  // The thread is theirs alone: the mentee keeps reading it after the mentorship ends; the curator does not.
  "read:feedback": (a, r) => a.id === r.menteeId || (a.id === r.curatorId && r.menteeCuratorIds.includes(a.id)),
  "write:feedback": (a, r) => r.menteeCuratorIds.includes(r.curatorId) && (a.id === r.menteeId || a.id === r.curatorId),
  "read:community-space": (a, r) => readsSpace(a, r),
  // Whoever reads a space may write in it (suspensions and rate limits come with moderation).
  "post:community-space": (a, r) => readsSpace(a, r),
  "moderate:community-space": (a, r) => moderatesSpace(a, r),
  // The author within the edit window; moderators always.
  "edit:community-post": (a, r) => readsSpace(a, r.space) && ((a.id === r.authorId && r.withinEditWindow) || moderatesSpace(a, r.space)),
  // Removing leaves "removed" in place; moderators hide (with a reason) rather than delete.
  "delete:community-post": (a, r) => a.id === r.authorId && readsSpace(a, r.space),
  "read:community-post-history": (a, r) => readsSpace(a, r.space) && (a.id === r.authorId || moderatesSpace(a, r.space)),
  // The question's author or a moderator of the space marks the accepted answer.
  "accept:community-answer": (a, r) => readsSpace(a, r.space) && (a.id === r.authorId || moderatesSpace(a, r.space)),
  // Any reader may flag someone else's post for the moderators.
  "flag:community-post": (a, r) => a.id !== r.authorId && readsSpace(a, r.space),
  // A moderator moves a thread only between spaces they moderate, both of them.
  "move:community-thread": (a, r) => moderatesSpace(a, r.from) && moderatesSpace(a, r.to),
  // A space's moderators suspend its posters (not themselves, not a fellow moderator); only admins suspend everywhere.
  "suspend:community-member": (a, r) => a.id !== r.userId && !r.targetModerates && (r.space ? moderatesSpace(a, r.space) : isAdmin(a)),
  "bypass:newcomer-limits": (a, r) => isAdmin(a) || moderatesSpace(a, r),
  // The region's methodologists keep its knowledge base (admins read it, but curation is the region's job).
  "curate:community-knowledge": (a, r) => r.kind === "REGION" && r.regionId !== null && isMethodologistOf(a, r.regionId),
  "create:community-space": (a) => isAdmin(a),
  // Curators (for their mentees) and methodologists (for their centres and hromadas) start private groups.
  "create:community-group": (a) => has(a, "CURATOR") || has(a, "METHODOLOGIST"),
  // The owner (who is also a member) invites, decides join requests and removes members.
  "manage:community-group": (a, r) => ownsGroup(a, r),
  "invite:community-group": (a, r) => ownsGroup(a, r.space) && mayInvite(a, r.invitee),
  // Anyone who sees that a group exists may ask to join it; members need not.
  "request:community-group": (a, r) => r.kind === "GROUP" && !r.memberIds.includes(a.id),
  // A member may leave; the owner may not (the group would have no one to admit people).
  "leave:community-group": (a, r) => r.kind === "GROUP" && r.memberIds.includes(a.id) && r.ownerId !== a.id,
  // An invitation is answered by the person invited; a join request by the group's owner.
  "decide:group-admission": (a, r) => r.space.kind === "GROUP" && (r.kind === "INVITATION" ? a.id === r.userId : a.id !== r.userId && ownsGroup(a, r.space)),
  "announce:workshops": (a) => isAdmin(a) || has(a, "METHODOLOGIST"),
  "announce:workshop": (a, r) => managesWorkshop(a, r.regionId),
  // Its audience, its organisers, and whoever holds a place (the audience may have been narrowed since).
  "read:workshop": (a, r) => inWorkshopAudience(a, r) || managesWorkshop(a, r.regionId) || r.registrantIds.includes(a.id),
  "register:workshop": (a, r) => inWorkshopAudience(a, r),
  "manage:workshop": (a, r) => managesWorkshop(a, r.regionId),
  // Files are material for content: those who author it upload (a quota per person applies).
  "upload:file": (a) => isAdmin(a) || has(a, "METHODOLOGIST"),
  "author:content": (a) => isAdmin(a) || has(a, "METHODOLOGIST"),
  "write:authored-item": (a, r) => authorsFor(a, r.regionId),
  // A second pair of eyes: never the person who submitted the draft (a CHECK keeps this in the database too).
  "review:authored-item": (a, r) => r.submittedById !== null && r.submittedById !== a.id && authorsFor(a, r.regionId),
  "read:authored-item": (a, r) => readsAuthoredItem(a, r),
  "manage:region-track": (a, r) => authorsFor(a, r.regionId),
  // Its uploader while they still author, and whoever the item it is attached to lets read it:
  // a national item everyone signed in, a region's item that region (and admins), an authored
  // item whoever "read:authored-item" lets read it (narrowed to hromadas, or not yet published).
  "read:stored-file": (a, r) => (a.id === r.ownerId && (isAdmin(a) || has(a, "METHODOLOGIST"))) || (r.item !== null && readsFileItem(a, r.item)),
};

type ResourceArgs<P extends Permission> = Rules[P] extends undefined ? [] : [resource: Rules[P]];

/**
 * Permissions that need nothing but the actor: the only ones a route may declare up front in
 * `handle()`. The others are about one thing, which the feature function loads and authorizes.
 */
export type ResourceFreePermission = { [P in Permission]: Rules[P] extends undefined ? P : never }[Permission];

export function can<P extends Permission>(actor: Actor | null, permission: P, ...resource: ResourceArgs<P>): boolean {
  if (!actor) return false;
  const rule = RULES[permission] as (a: Actor, r: Rules[P] | undefined) => boolean;
  return rule(actor, resource[0]);
}

/** Throws 403 unless allowed; use at every entry point. */
export function authorize<P extends Permission>(actor: Actor, permission: P, ...resource: ResourceArgs<P>): void {
  if (!can(actor, permission, ...resource)) {
    throw new AppError("forbidden", "errors.forbidden");
  }
}

/** Roles that open a region's or the country's data: they count only with a second factor enrolled (decision 052). */
export const ROLES_NEEDING_SECOND_FACTOR: readonly Role[] = ["ADMIN", "METHODOLOGIST"];
/** A sensitive action asks for the second factor again when the last proof is older than this. */
export const SECOND_FACTOR_FRESH_MS = 15 * 60 * 1000;

/**
 * The roles a session acts with, and those withheld: without an enrolled second factor an admin or a
 * methodologist acts only with their other roles until they enrol.
 */
export function sessionRoles(roles: readonly Role[], hasSecondFactor: boolean): { roles: Role[]; withheld: Role[] } {
  if (hasSecondFactor) return { roles: [...roles], withheld: [] };
  return {
    roles: roles.filter((role) => !ROLES_NEEDING_SECOND_FACTOR.includes(role)),
    withheld: roles.filter((role) => ROLES_NEEDING_SECOND_FACTOR.includes(role)),
  };
}

/** Whether the actor proved the second factor in this session within the last 15 minutes. */
export function hasRecentSecondFactor(actor: Actor, now = Date.now()): boolean {
  const at = actor.secondFactorAt;
  return typeof at === "number" && at <= now + 60_000 && now - at < SECOND_FACTOR_FRESH_MS;
}

/**
 * Sensitive actions (granting roles, exporting a region's data, resetting someone's second factor)
 * call this after `authorize`: 403 `second_factor_required` sends the person to prove it again.
 */
export function assertRecentSecondFactor(actor: Actor, now = Date.now()): void {
  if (!hasRecentSecondFactor(actor, now)) throw new AppError("second_factor_required", "errors.secondFactorAgain");
}

/** Roles the actor may grant through invitations and imports (for forms). */
export function grantableRoles(actor: Actor): Role[] {
  if (isAdmin(actor)) return ["LEARNER", "CURATOR", "METHODOLOGIST", "ADMIN"];
  if (has(actor, "METHODOLOGIST")) return [...METHODOLOGIST_GRANTABLE];
  return [];
}

// ---- Scoped `where` builders: ownership goes into the query, not an `if` after the fetch. ----

const NOTHING = { id: { in: [] as string[] } };

export function usersWhere(actor: Actor): Prisma.UserWhereInput {
  if (isAdmin(actor)) return {};
  if (has(actor, "METHODOLOGIST")) return { organization: { hromada: { regionId: actor.regionId } } };
  return { id: actor.id };
}

export function organizationsWhere(actor: Actor): Prisma.OrganizationWhereInput {
  if (isAdmin(actor)) return {};
  if (has(actor, "METHODOLOGIST")) return { hromada: { regionId: actor.regionId } };
  return { id: actor.organizationId };
}

export function regionsWhere(actor: Actor): Prisma.RegionWhereInput {
  if (isAdmin(actor)) return {};
  if (has(actor, "METHODOLOGIST")) return { id: actor.regionId };
  return NOTHING;
}

/** Assessments the actor may read: their own and those of their current mentees. */
export function assessmentsWhere(actor: Actor): Prisma.AssessmentWhereInput {
  const own = { userId: actor.id };
  if (!has(actor, "CURATOR")) return own;
  return { OR: [own, { user: { curators: { some: { curatorId: actor.id, endedAt: null } } } }] };
}

/** Whose learning (assignments, activity) the actor may read: their own, their current mentees', the region's for its methodologists, everyone's for admins. Mirrors "read:mentee". */
export function menteesWhere(actor: Actor): Prisma.UserWhereInput {
  if (isAdmin(actor)) return {};
  const scopes: Prisma.UserWhereInput[] = [{ id: actor.id }];
  if (has(actor, "CURATOR")) scopes.push({ curators: { some: { curatorId: actor.id, endedAt: null } } });
  if (has(actor, "METHODOLOGIST")) scopes.push({ organization: { hromada: { regionId: actor.regionId } } });
  return { OR: scopes };
}

/**
 * Days of learning (the activity report's roll-up, decision 031) the actor may count: every
 * region's for admins, their own region's for methodologists, nobody's for anyone else.
 */
export function activityDaysWhere(actor: Actor): Prisma.ActivityDayWhereInput {
  if (isAdmin(actor)) return {};
  if (has(actor, "METHODOLOGIST")) return { regionId: actor.regionId };
  return { userId: { in: [] } };
}

/** Mentorships the actor may see: those they are part of, the region's for its methodologists, all for admins. */
export function mentorshipsWhere(actor: Actor): Prisma.MentorshipWhereInput {
  if (isAdmin(actor)) return {};
  const scopes: Prisma.MentorshipWhereInput[] = [{ menteeId: actor.id }, { curatorId: actor.id }];
  if (has(actor, "METHODOLOGIST")) scopes.push({ mentee: { organization: { hromada: { regionId: actor.regionId } } } });
  return { OR: scopes };
}

/** Assignments the actor may read: of the people whose learning they may read (see `menteesWhere`). */
export function assignmentsWhere(actor: Actor): Prisma.AssignmentWhereInput {
  if (isAdmin(actor)) return {};
  return { learner: menteesWhere(actor) };
}

/**
 * Feedback messages the actor may read: only threads they are part of — nobody else, not even an
 * admin, reads a curator's private thread. Whether a curator's side is still open is the
 * "read:feedback" rule, checked with the mentee's current curators.
 */
export function feedbackThreadsWhere(actor: Actor): Prisma.FeedbackMessageWhereInput {
  return { OR: [{ menteeId: actor.id }, { curatorId: actor.id }] };
}

export function invitationsWhere(actor: Actor): Prisma.InvitationWhereInput {
  if (isAdmin(actor)) return {};
  if (has(actor, "METHODOLOGIST")) return { organization: { hromada: { regionId: actor.regionId } } };
  return NOTHING;
}

/**
 * Community spaces whose posts the actor may read (mirrors "read:community-space"): national ones,
 * their region's (every region's for admins), and the groups they are members of.
 */
export function communitySpacesWhere(actor: Actor): Prisma.CommunitySpaceWhereInput {
  return {
    OR: [
      { kind: "NATIONAL" },
      isAdmin(actor) ? { kind: "REGION" } : { kind: "REGION", regionId: actor.regionId },
      { kind: "GROUP", members: { some: { userId: actor.id } } },
    ],
  };
}

/** Threads the actor may read: those in the spaces of `communitySpacesWhere`. */
export function communityThreadsWhere(actor: Actor): Prisma.ThreadWhereInput {
  return { space: communitySpacesWhere(actor) };
}

/** Spaces the actor moderates (mirrors "moderate:community-space"), for the moderation pages. */
export function moderatedSpacesWhere(actor: Actor): Prisma.CommunitySpaceWhereInput {
  const member = { members: { some: { userId: actor.id } } };
  const scopes: Prisma.CommunitySpaceWhereInput[] = [{ kind: "GROUP", ownerId: actor.id, ...member }];
  if (isAdmin(actor)) scopes.push({ kind: { in: ["NATIONAL", "REGION"] } });
  else if (has(actor, "METHODOLOGIST")) scopes.push({ kind: "REGION", regionId: actor.regionId });
  if (has(actor, "METHODOLOGIST")) scopes.push({ kind: "GROUP", regionId: actor.regionId, ...member });
  return { OR: scopes };
}

/** Knowledge-base entries the actor may read: those of the region spaces they read (mirrors "read:community-space"). */
export function communityKnowledgeWhere(actor: Actor): Prisma.KnowledgeEntryWhereInput {
  return { space: communitySpacesWhere(actor), thread: { space: communitySpacesWhere(actor) } };
}

/**
 * People the actor may invite into a group they own (mirrors "invite:community-group"): active
 * people of their hromada, their current mentees, and for a methodologist their region.
 */
export function groupInviteesWhere(actor: Actor): Prisma.UserWhereInput {
  const scopes: Prisma.UserWhereInput[] = [{ organization: { hromadaId: actor.hromadaId } }];
  if (has(actor, "CURATOR")) scopes.push({ curators: { some: { curatorId: actor.id, endedAt: null } } });
  if (has(actor, "METHODOLOGIST")) scopes.push({ organization: { hromada: { regionId: actor.regionId } } });
  return { status: "ACTIVE", id: { not: actor.id }, OR: scopes };
}

/**
 * Post drafts the actor may read, save or delete: their own only — nobody else, admins and
 * moderators included, ever sees unfinished text (decision 025).
 */
export function communityDraftsWhere(actor: Actor): Prisma.PostDraftWhereInput {
  return { userId: actor.id };
}

/**
 * Workshops the actor may see (mirrors "read:workshop"): those whose audience includes them (their
 * region's or national ones, for everyone there, their hromada, or curators), those they hold a
 * place at, their region's for its methodologists, and all for admins.
 */
export function workshopsWhere(actor: Actor): Prisma.WorkshopWhereInput {
  if (isAdmin(actor)) return {};
  const audience: Prisma.WorkshopWhereInput[] = [{ audience: "REGION" }, { audience: "HROMADAS", hromadas: { some: { hromadaId: actor.hromadaId } } }];
  if (has(actor, "CURATOR")) audience.push({ audience: "CURATORS" });
  const scopes: Prisma.WorkshopWhereInput[] = [
    { regionId: null, OR: audience },
    { regionId: actor.regionId, OR: audience },
    { registrations: { some: { userId: actor.id, status: { not: "CANCELLED" } } } },
  ];
  if (has(actor, "METHODOLOGIST")) scopes.push({ regionId: actor.regionId });
  return { OR: scopes };
}

/**
 * Published items the actor reads as a learner (mirrors "read:authored-item"): national ones, their
 * region's for the whole region or narrowed to their hromada; a methodologist all of their region's;
 * admins all. Unpublished items are the authoring pages' business (`authoredItemsWritableWhere`).
 */
export function authoredItemsVisibleWhere(actor: Actor): Prisma.AuthoredItemWhereInput {
  const published: Prisma.AuthoredItemWhereInput = { currentVersion: { not: null } };
  if (isAdmin(actor)) return published;
  const scopes: Prisma.AuthoredItemWhereInput[] = [
    { regionId: null },
    { regionId: actor.regionId, OR: [{ hromadas: { none: {} } }, { hromadas: { some: { hromadaId: actor.hromadaId } } }] },
  ];
  if (has(actor, "METHODOLOGIST")) scopes.push({ regionId: actor.regionId });
  return { AND: [published, { OR: scopes }] };
}

/** Items the actor may write and review (mirrors "write:authored-item"): their region's; admins all. */
export function authoredItemsWritableWhere(actor: Actor): Prisma.AuthoredItemWhereInput {
  if (isAdmin(actor)) return {};
  if (has(actor, "METHODOLOGIST")) return { regionId: actor.regionId };
  return { id: { in: [] } };
}

/** Region tracks the actor follows as a learner: their region's; admins all. */
export function regionTracksVisibleWhere(actor: Actor): Prisma.RegionTrackWhereInput {
  return isAdmin(actor) ? {} : { regionId: actor.regionId };
}
