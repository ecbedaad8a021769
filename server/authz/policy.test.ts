import { describe, expect, it } from "vitest";
import {
  activityDaysWhere,
  assertRecentSecondFactor,
  hasRecentSecondFactor,
  sessionRoles,
  assignmentsWhere,
  authorize,
  can,
  communityDraftsWhere,
  communitySpacesWhere,
  communityThreadsWhere,
  communityKnowledgeWhere,
  groupInviteesWhere,
  feedbackThreadsWhere,
  grantableRoles,
  menteesWhere,
  mentorshipsWhere,
  moderatedSpacesWhere,
  usersWhere,
  workshopsWhere,
  type Actor,
  type WorkshopResource,
  type AuthoredItemResource,
  type CommunitySpaceResource,
  type Permission,
} from "./policy";

const REGION = "region-poltava";
const OTHER_REGION = "region-zhytomyr";
const THIRD_REGION = "region-kyiv";

const actors: Record<string, Actor> = {
  learner: { id: "u-learner", roles: ["LEARNER"], organizationId: "o1", hromadaId: "h1", regionId: REGION },
  curator: { id: "u-curator", roles: ["CURATOR", "LEARNER"], organizationId: "o1", hromadaId: "h1", regionId: REGION },
  methodologist: { id: "u-meth", roles: ["METHODOLOGIST"], organizationId: "o2", hromadaId: "h1", regionId: REGION },
  otherMethodologist: { id: "u-meth2", roles: ["METHODOLOGIST"], organizationId: "o9", hromadaId: "h9", regionId: OTHER_REGION },
  admin: { id: "u-admin", roles: ["ADMIN"], organizationId: "o3", hromadaId: "h2", regionId: OTHER_REGION },
};

const learnerHere = { userId: "u-x", regionId: REGION, roles: ["LEARNER"] as const };
const adminHere = { userId: "u-y", regionId: REGION, roles: ["ADMIN"] as const };

const national: CommunitySpaceResource = { kind: "NATIONAL", regionId: null, ownerId: null, memberIds: [] };
const poltavaSpace: CommunitySpaceResource = { kind: "REGION", regionId: REGION, ownerId: null, memberIds: [] };
const group = (memberIds: string[]): CommunitySpaceResource => ({ kind: "GROUP", regionId: REGION, ownerId: "u-owner", memberIds });

const workshop = (over: Partial<WorkshopResource> = {}): WorkshopResource => ({
  regionId: REGION,
  audience: "REGION",
  hromadaIds: [],
  registrantIds: [],
  ...over,
});

const authored = (over: Partial<AuthoredItemResource> = {}): AuthoredItemResource => ({
  regionId: REGION,
  hromadaIds: [],
  isPublished: true,
  submittedById: null,
  ...over,
});

type Row = [label: string, check: (a: Actor) => boolean, expected: Record<keyof typeof actors, boolean>];
const t = true;
const f = false;

/** The role × action matrix: one row per action, one column per kind of actor. */
const MATRIX: Row[] = [
  ["read own profile", (a) => can(a, "read:profile:own"), { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t }],
  ["open the admin area", (a) => can(a, "read:admin-area"), { learner: f, curator: f, methodologist: t, otherMethodologist: t, admin: t }],
  ["read the outbox", (a) => can(a, "read:outbox"), { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t }],
  ["read and export the audit trail", (a) => can(a, "read:audit"), { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t }],
  ["read the directory", (a) => can(a, "read:directory"), { learner: f, curator: f, methodologist: t, otherMethodologist: t, admin: t }],
  ["manage the directory", (a) => can(a, "manage:directory"), { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t }],
  [
    "add an organization in Poltava",
    (a) => can(a, "create:organization", { regionId: REGION }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  ["list users", (a) => can(a, "read:users"), { learner: f, curator: f, methodologist: t, otherMethodologist: t, admin: t }],
  ["send invitations at all (route gate)", (a) => can(a, "invite:users"), { learner: f, curator: f, methodologist: t, otherMethodologist: t, admin: t }],
  ["act on accounts at all (route gate)", (a) => can(a, "manage:users"), { learner: f, curator: f, methodologist: t, otherMethodologist: t, admin: t }],
  [
    "invite a learner in Poltava",
    (a) => can(a, "create:invitation", { regionId: REGION, roles: ["LEARNER"] }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "invite an admin in Poltava",
    (a) => can(a, "create:invitation", { regionId: REGION, roles: ["ADMIN"] }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t },
  ],
  [
    "import curators in Poltava",
    (a) => can(a, "import:users", { regionId: REGION, roles: ["CURATOR", "LEARNER"] }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "revoke an invitation in Poltava",
    (a) => can(a, "revoke:invitation", { regionId: REGION }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  ["read a Poltava learner", (a) => can(a, "read:user", learnerHere), { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t }],
  ["manage a Poltava learner", (a) => can(a, "manage:user", learnerHere), { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t }],
  ["manage an admin in Poltava", (a) => can(a, "manage:user", adminHere), { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t }],
  ["erase a Poltava learner", (a) => can(a, "erase:user", learnerHere), { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t }],
  ["erase an admin", (a) => can(a, "erase:user", adminHere), { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t }],
  ["erase oneself", (a) => can(a, "erase:user", { userId: a.id }), { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f }],
  // Mentorship facts are the resource's own (its owner's current curators, loaded from the database): no actor can claim them.
  [
    "read own assessment",
    (a) => can(a, "read:assessment", { ownerId: a.id, curatorIds: [] }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "read a mentee's assessment",
    (a) => can(a, "read:assessment", { ownerId: "u-x", curatorIds: [a.id] }),
    { learner: f, curator: t, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "read the assessment of another curator's mentee",
    (a) => can(a, "read:assessment", { ownerId: "u-x", curatorIds: ["u-other-curator"] }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "read a stranger's assessment",
    (a) => can(a, "read:assessment", { ownerId: "u-x", curatorIds: [] }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "review a mentee's self-rating",
    (a) => can(a, "review:assessment", { ownerId: "u-x", curatorIds: [a.id] }),
    { learner: f, curator: t, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "review one's own self-rating",
    (a) => can(a, "review:assessment", { ownerId: a.id, curatorIds: [a.id] }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "read Poltava's aggregates",
    (a) => can(a, "read:aggregates", { scope: "region", regionId: REGION }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "read a Poltava hromada's aggregates",
    (a) => can(a, "read:aggregates", { scope: "hromada", regionId: REGION }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  ["report a walkthrough step", (a) => can(a, "report:walkthrough"), { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t }],
  [
    "read Poltava's walkthrough queue",
    (a) => can(a, "read:walkthrough-queue", { regionId: REGION }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "close a Poltava walkthrough report",
    (a) => can(a, "resolve:walkthrough-report", { regionId: REGION }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  ["mark a walkthrough verified", (a) => can(a, "verify:walkthrough"), { learner: f, curator: f, methodologist: t, otherMethodologist: t, admin: t }],
  ["open a caseload", (a) => can(a, "read:caseload"), { learner: f, curator: t, methodologist: f, otherMethodologist: f, admin: f }],
  [
    "assign work to a current mentee",
    (a) => can(a, "assign:work", { learnerId: "u-x", regionId: THIRD_REGION, curatorIds: [a.id] }),
    { learner: f, curator: t, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "assign work to someone else's mentee",
    (a) => can(a, "assign:work", { learnerId: "u-x", regionId: REGION, curatorIds: ["u-other-curator"] }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "assign work to oneself",
    (a) => can(a, "assign:work", { learnerId: a.id, regionId: a.regionId, curatorIds: [a.id] }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "open a current mentee's page in another region",
    (a) => can(a, "read:mentee", { learnerId: "u-x", regionId: THIRD_REGION, curatorIds: [a.id] }),
    { learner: f, curator: t, methodologist: f, otherMethodologist: f, admin: t },
  ],
  [
    "open a stranger's mentee page in another region",
    (a) => can(a, "read:mentee", { learnerId: "u-x", regionId: THIRD_REGION, curatorIds: ["u-other-curator"] }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t },
  ],
  [
    "see what one's curator sees about oneself",
    (a) => can(a, "read:mentee", { learnerId: a.id, regionId: a.regionId, curatorIds: [] }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "pair curators and mentees in Poltava",
    (a) => can(a, "manage:mentorships", { regionId: REGION }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "end one's own mentorship",
    (a) => can(a, "end:mentorship", { menteeId: a.id, regionId: REGION }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "end someone's mentorship in Poltava",
    (a) => can(a, "end:mentorship", { menteeId: "u-x", regionId: REGION }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "read one's thread with one's curator",
    (a) => can(a, "read:feedback", { curatorId: "u-x", menteeId: a.id, menteeCuratorIds: ["u-x"] }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "read one's old thread after the mentorship ended",
    (a) => can(a, "read:feedback", { curatorId: "u-x", menteeId: a.id, menteeCuratorIds: [] }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "write in it after the mentorship ended",
    (a) => can(a, "write:feedback", { curatorId: "u-x", menteeId: a.id, menteeCuratorIds: [] }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "read a current mentee's thread as their curator",
    (a) => can(a, "read:feedback", { curatorId: a.id, menteeId: "u-x", menteeCuratorIds: [a.id] }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "write in a current mentee's thread as their curator",
    (a) => can(a, "write:feedback", { curatorId: a.id, menteeId: "u-x", menteeCuratorIds: [a.id] }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "read a former mentee's thread",
    (a) => can(a, "read:feedback", { curatorId: a.id, menteeId: "u-x", menteeCuratorIds: ["u-new-curator"] }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "read someone else's thread",
    (a) => can(a, "read:feedback", { curatorId: "u-y", menteeId: "u-x", menteeCuratorIds: ["u-y"] }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "read another curator's thread with one's own mentee",
    (a) => can(a, "read:feedback", { curatorId: "u-y", menteeId: "u-x", menteeCuratorIds: ["u-y", a.id] }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "ask a curator of one's own region",
    (a) => can(a, "request:curator", { regionId: a.regionId }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "ask a curator of Poltava",
    (a) => can(a, "request:curator", { regionId: REGION }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: f, admin: f },
  ],
  [
    "answer a request made to oneself",
    (a) => can(a, "decide:curator-request", { curatorId: a.id }),
    { learner: f, curator: t, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "answer a request made to someone else",
    (a) => can(a, "decide:curator-request", { curatorId: "u-x" }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "open a Poltava curator's caseload",
    (a) => can(a, "read:curator-caseload", { curatorId: "u-c", regionId: REGION }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "open one's own caseload",
    (a) => can(a, "read:curator-caseload", { curatorId: a.id, regionId: REGION }),
    { learner: f, curator: t, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "open a Poltava mentee's page (not their curator)",
    (a) => can(a, "read:mentee", { learnerId: "u-x", regionId: REGION, curatorIds: ["u-other-curator"] }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "read Poltava's activity report",
    (a) => can(a, "read:activity-report", { scope: "region", regionId: REGION }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "read Zhytomyr's activity report",
    (a) => can(a, "read:activity-report", { scope: "region", regionId: OTHER_REGION }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: t, admin: t },
  ],
  [
    "read the country's activity report",
    (a) => can(a, "read:activity-report", { scope: "country" }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t },
  ],
  [
    "read the country's aggregates",
    (a) => can(a, "read:aggregates", { scope: "country" }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t },
  ],
  [
    "reset a Poltava learner's second factor",
    (a) => can(a, "reset:second-factor", learnerHere),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t },
  ],
  [
    "reset an admin's second factor",
    (a) => can(a, "reset:second-factor", adminHere),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t },
  ],
  [
    "reset one's own second factor",
    (a) => can(a, "reset:second-factor", { userId: a.id, regionId: a.regionId, roles: a.roles }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "manage oneself",
    (a) => can(a, "manage:user", { userId: a.id, regionId: a.regionId, roles: a.roles }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "read oneself",
    (a) => can(a, "read:user", { userId: a.id, regionId: a.regionId, roles: a.roles }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  // Communities of practice: the space's facts (kind, region, owner, the actor's membership) come from the database.
  ["read a national space", (a) => can(a, "read:community-space", national), { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t }],
  ["post in a national space", (a) => can(a, "post:community-space", national), { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t }],
  [
    "moderate a national space",
    (a) => can(a, "moderate:community-space", national),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t },
  ],
  [
    "read the Poltava space",
    (a) => can(a, "read:community-space", poltavaSpace),
    { learner: t, curator: t, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "post in the Poltava space",
    (a) => can(a, "post:community-space", poltavaSpace),
    { learner: t, curator: t, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "moderate the Poltava space",
    (a) => can(a, "moderate:community-space", poltavaSpace),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "read a group one is not in",
    (a) => can(a, "read:community-space", group([])),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "read a group one is in",
    (a) => can(a, "read:community-space", group([a.id])),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "post in a group one is not in",
    (a) => can(a, "post:community-space", group([])),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "moderate the group one owns",
    (a) => can(a, "moderate:community-space", { ...group([a.id]), ownerId: a.id }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "edit own post within the window",
    (a) => can(a, "edit:community-post", { authorId: a.id, space: national, withinEditWindow: true }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "edit own post after the window",
    (a) => can(a, "edit:community-post", { authorId: a.id, space: national, withinEditWindow: false }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t },
  ],
  [
    "edit another's post in the Poltava space",
    (a) => can(a, "edit:community-post", { authorId: "u-x", space: poltavaSpace, withinEditWindow: true }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "read the earlier versions of one's own post",
    (a) => can(a, "read:community-post-history", { authorId: a.id, space: national, withinEditWindow: false }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "read the earlier versions of another's post in the Poltava space",
    (a) => can(a, "read:community-post-history", { authorId: "u-x", space: poltavaSpace, withinEditWindow: false }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "delete own post",
    (a) => can(a, "delete:community-post", { authorId: a.id, space: national, withinEditWindow: false }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "delete another's post",
    (a) => can(a, "delete:community-post", { authorId: "u-x", space: national, withinEditWindow: true }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "accept an answer to own question",
    (a) => can(a, "accept:community-answer", { authorId: a.id, space: national }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "accept an answer to another's question in Poltava",
    (a) => can(a, "accept:community-answer", { authorId: "u-x", space: poltavaSpace }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "moderate a Poltava group one is a member of (not owner)",
    (a) => can(a, "moderate:community-space", group([a.id])),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: f },
  ],
  [
    "flag another's post in a national space",
    (a) => can(a, "flag:community-post", { authorId: "u-x", space: national, withinEditWindow: false }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "flag own post",
    (a) => can(a, "flag:community-post", { authorId: a.id, space: national, withinEditWindow: false }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "flag a post in the Poltava space",
    (a) => can(a, "flag:community-post", { authorId: "u-x", space: poltavaSpace, withinEditWindow: false }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "move a thread from the Poltava space to a national space",
    (a) => can(a, "move:community-thread", { from: poltavaSpace, to: national }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t },
  ],
  [
    "move a thread from the Poltava space to a Poltava group one is in",
    (a) => can(a, "move:community-thread", { from: poltavaSpace, to: group([a.id]) }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: f },
  ],
  [
    "suspend a learner in the Poltava space",
    (a) => can(a, "suspend:community-member", { userId: "u-x", space: poltavaSpace, targetModerates: false }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "suspend a fellow moderator of the Poltava space",
    (a) => can(a, "suspend:community-member", { userId: "u-x", space: poltavaSpace, targetModerates: true }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "suspend oneself",
    (a) => can(a, "suspend:community-member", { userId: a.id, space: poltavaSpace, targetModerates: false }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "suspend a learner everywhere",
    (a) => can(a, "suspend:community-member", { userId: "u-x", space: null, targetModerates: false }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t },
  ],
  [
    "post in the Poltava space without the new-account limits",
    (a) => can(a, "bypass:newcomer-limits", poltavaSpace),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  // Region knowledge base and private groups (decision 024).
  [
    "curate the Poltava knowledge base",
    (a) => can(a, "curate:community-knowledge", poltavaSpace),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: f },
  ],
  [
    "curate a knowledge base of a national space",
    (a) => can(a, "curate:community-knowledge", national),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  ["open a national topic space", (a) => can(a, "create:community-space"), { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t }],
  ["create a private group", (a) => can(a, "create:community-group"), { learner: f, curator: t, methodologist: t, otherMethodologist: t, admin: f }],
  [
    "manage a group one owns",
    (a) => can(a, "manage:community-group", { ...group([a.id]), ownerId: a.id }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "manage a group one is only a member of",
    (a) => can(a, "manage:community-group", group([a.id])),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "invite one's current mentee (another hromada) into one's group",
    (a) =>
      can(a, "invite:community-group", {
        space: { ...group([a.id]), ownerId: a.id },
        invitee: { userId: "u-x", regionId: THIRD_REGION, hromadaId: "h7", curatorIds: [a.id] },
      }),
    { learner: f, curator: t, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "invite a colleague of one's hromada into one's group",
    (a) =>
      can(a, "invite:community-group", {
        space: { ...group([a.id]), ownerId: a.id },
        invitee: { userId: "u-x", regionId: a.regionId, hromadaId: a.hromadaId, curatorIds: [] },
      }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "invite someone of Poltava from another hromada into one's group",
    (a) =>
      can(a, "invite:community-group", {
        space: { ...group([a.id]), ownerId: a.id },
        invitee: { userId: "u-x", regionId: REGION, hromadaId: "h5", curatorIds: [] },
      }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: f },
  ],
  [
    "invite into a group one does not own",
    (a) =>
      can(a, "invite:community-group", { space: group([a.id]), invitee: { userId: "u-x", regionId: a.regionId, hromadaId: a.hromadaId, curatorIds: [a.id] } }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "ask to join a group one is not in",
    (a) => can(a, "request:community-group", group([])),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "ask to join a group one is in",
    (a) => can(a, "request:community-group", group([a.id])),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "leave a group one is in",
    (a) => can(a, "leave:community-group", group([a.id])),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "leave a group one owns",
    (a) => can(a, "leave:community-group", { ...group([a.id]), ownerId: a.id }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "answer one's own invitation",
    (a) => can(a, "decide:group-admission", { kind: "INVITATION", userId: a.id, space: group([]) }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "answer another's invitation to one's group",
    (a) => can(a, "decide:group-admission", { kind: "INVITATION", userId: "u-x", space: { ...group([a.id]), ownerId: a.id } }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "decide a join request to one's group",
    (a) => can(a, "decide:group-admission", { kind: "REQUEST", userId: "u-x", space: { ...group([a.id]), ownerId: a.id } }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "decide a join request to another's group",
    (a) => can(a, "decide:group-admission", { kind: "REQUEST", userId: "u-x", space: group([a.id]) }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "decide one's own join request",
    (a) => can(a, "decide:group-admission", { kind: "REQUEST", userId: a.id, space: group([]) }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ], // Authoring files (decision 029).
  ["upload a file", (a) => can(a, "upload:file"), { learner: f, curator: f, methodologist: t, otherMethodologist: t, admin: t }],
  [
    "read one's own unattached upload",
    (a) => can(a, "read:stored-file", { ownerId: a.id, item: null }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "read someone else's unattached upload",
    (a) => can(a, "read:stored-file", { ownerId: "u-x", item: null }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "read a file of a national item",
    (a) => can(a, "read:stored-file", { ownerId: "u-x", item: { scope: "national" } }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "read a file of a Poltava item",
    (a) => can(a, "read:stored-file", { ownerId: "u-x", item: { scope: "region", regionId: REGION } }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "read one's own upload attached to another region's item",
    (a) => can(a, "read:stored-file", { ownerId: a.id, item: { scope: "region", regionId: THIRD_REGION } }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "read a file of a published Poltava item",
    (a) => can(a, "read:stored-file", { ownerId: "u-x", item: { scope: "authored", resource: authored({ regionId: REGION }) } }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "read a file of a published Poltava item for another hromada",
    (a) => can(a, "read:stored-file", { ownerId: "u-x", item: { scope: "authored", resource: authored({ regionId: REGION, hromadaIds: ["h5"] }) } }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "read a file of an unpublished Poltava item",
    (a) => can(a, "read:stored-file", { ownerId: "u-x", item: { scope: "authored", resource: authored({ regionId: REGION, isPublished: false }) } }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "read a file of a published national item",
    (a) => can(a, "read:stored-file", { ownerId: "u-x", item: { scope: "authored", resource: authored({ regionId: null }) } }),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "read a file of an unpublished national item",
    (a) => can(a, "read:stored-file", { ownerId: "u-x", item: { scope: "authored", resource: authored({ regionId: null, isPublished: false }) } }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t },
  ],
  [
    "announce workshops at all (route gate)",
    (a) => can(a, "announce:workshops"),
    { learner: f, curator: f, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "announce a workshop for Poltava",
    (a) => can(a, "announce:workshop", { regionId: REGION }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "announce a national workshop",
    (a) => can(a, "announce:workshop", { regionId: null }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t },
  ],
  [
    "read a workshop for all of Poltava",
    (a) => can(a, "read:workshop", workshop()),
    { learner: t, curator: t, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "register for a workshop for all of Poltava",
    (a) => can(a, "register:workshop", workshop()),
    { learner: t, curator: t, methodologist: t, otherMethodologist: f, admin: f },
  ],
  [
    "read a Poltava workshop for another hromada",
    (a) => can(a, "read:workshop", workshop({ audience: "HROMADAS", hromadaIds: ["h5"] })),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "register for a Poltava workshop for one's hromada",
    (a) => can(a, "register:workshop", workshop({ audience: "HROMADAS", hromadaIds: ["h1", "h5"] })),
    { learner: t, curator: t, methodologist: t, otherMethodologist: f, admin: f },
  ],
  [
    "read a Poltava workshop for curators",
    (a) => can(a, "read:workshop", workshop({ audience: "CURATORS" })),
    { learner: f, curator: t, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "register for a Poltava workshop for curators",
    (a) => can(a, "register:workshop", workshop({ audience: "CURATORS" })),
    { learner: f, curator: t, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "read a narrowed workshop one holds a place at",
    (a) => can(a, "read:workshop", workshop({ audience: "HROMADAS", hromadaIds: ["h5"], registrantIds: [a.id] })),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "read a national workshop for everyone",
    (a) => can(a, "read:workshop", workshop({ regionId: null })),
    { learner: t, curator: t, methodologist: t, otherMethodologist: t, admin: t },
  ],
  [
    "register for a national workshop for curators",
    (a) => can(a, "register:workshop", workshop({ regionId: null, audience: "CURATORS" })),
    { learner: f, curator: t, methodologist: f, otherMethodologist: f, admin: f },
  ],
  [
    "manage a Poltava workshop",
    (a) => can(a, "manage:workshop", { regionId: REGION }),
    { learner: f, curator: f, methodologist: t, otherMethodologist: f, admin: t },
  ],
  [
    "manage a national workshop",
    (a) => can(a, "manage:workshop", { regionId: null }),
    { learner: f, curator: f, methodologist: f, otherMethodologist: f, admin: t },
  ],
];

describe("policy matrix", () => {
  for (const [label, check, expected] of MATRIX) {
    for (const [who, actor] of Object.entries(actors)) {
      it(`${who} ${expected[who as keyof typeof actors] ? "may" : "may not"} ${label}`, () => {
        expect(check(actor)).toBe(expected[who as keyof typeof actors]);
      });
    }
  }

  it("reads an authored item's files exactly as the item (one rule for both)", () => {
    const items = [null, REGION, OTHER_REGION].flatMap((regionId) =>
      [[], ["h1"], ["h5"]].flatMap((hromadaIds) => [true, false].map((isPublished) => authored({ regionId, hromadaIds, isPublished }))),
    );
    for (const actor of Object.values(actors)) {
      for (const resource of items) {
        expect(can(actor, "read:stored-file", { ownerId: "u-x", item: { scope: "authored", resource } }), JSON.stringify([actor.id, resource])).toBe(
          can(actor, "read:authored-item", resource),
        );
      }
    }
  });

  it("keeps an admin's and a methodologist's role back until they have a second factor (decision 052)", () => {
    expect(sessionRoles(["ADMIN", "LEARNER"], false)).toEqual({ roles: ["LEARNER"], withheld: ["ADMIN"] });
    expect(sessionRoles(["METHODOLOGIST"], false)).toEqual({ roles: [], withheld: ["METHODOLOGIST"] });
    expect(sessionRoles(["CURATOR", "LEARNER"], false)).toEqual({ roles: ["CURATOR", "LEARNER"], withheld: [] });
    expect(sessionRoles(["ADMIN", "METHODOLOGIST"], true)).toEqual({ roles: ["ADMIN", "METHODOLOGIST"], withheld: [] });
  });

  it("counts a second-factor proof as recent for 15 minutes, and never one from the future or none at all", () => {
    const now = Date.UTC(2026, 11, 1, 9, 0);
    const at = (ms: number | null | undefined) => ({ ...actors.admin!, secondFactorAt: ms });
    expect(hasRecentSecondFactor(at(now - 14 * 60_000), now)).toBe(true);
    expect(hasRecentSecondFactor(at(now - 15 * 60_000), now)).toBe(false);
    expect(hasRecentSecondFactor(at(now + 10 * 60_000), now)).toBe(false);
    expect(hasRecentSecondFactor(at(null), now)).toBe(false);
    expect(hasRecentSecondFactor(at(undefined), now)).toBe(false);
    expect(() => assertRecentSecondFactor(at(null), now)).toThrow(expect.objectContaining({ code: "second_factor_required", status: 403 }));
  });

  it("denies everything to nobody", () => {
    const permissions: Permission[] = ["read:profile:own", "read:admin-area", "read:outbox", "read:users"];
    for (const p of permissions) expect(can(null, p as "read:profile:own")).toBe(false);
  });

  it("refuses with a message key, translated for the reader, never fixed English", () => {
    expect(() => authorize(actors.learner!, "read:outbox")).toThrow(expect.objectContaining({ code: "forbidden", status: 403, message: "errors.forbidden" }));
  });

  it("hands out only the roles each actor may grant", () => {
    expect(grantableRoles(actors.admin!)).toEqual(["LEARNER", "CURATOR", "METHODOLOGIST", "ADMIN"]);
    expect(grantableRoles(actors.methodologist!)).toEqual(["LEARNER", "CURATOR", "METHODOLOGIST"]);
    expect(grantableRoles(actors.curator!)).toEqual([]);
  });

  it("scopes a mentee's learning to oneself, one's current mentees, one's region, or everyone", () => {
    expect(menteesWhere(actors.admin!)).toEqual({});
    expect(menteesWhere(actors.learner!)).toEqual({ OR: [{ id: "u-learner" }] });
    expect(menteesWhere(actors.curator!)).toEqual({ OR: [{ id: "u-curator" }, { curators: { some: { curatorId: "u-curator", endedAt: null } } }] });
    expect(menteesWhere(actors.methodologist!)).toEqual({ OR: [{ id: "u-meth" }, { organization: { hromada: { regionId: REGION } } }] });
    expect(assignmentsWhere(actors.curator!)).toEqual({ learner: menteesWhere(actors.curator!) });
    expect(assignmentsWhere(actors.admin!)).toEqual({});
  });

  it("counts days of learning of every region for admins, one's region for methodologists, nobody's otherwise", () => {
    expect(activityDaysWhere(actors.admin!)).toEqual({});
    expect(activityDaysWhere(actors.methodologist!)).toEqual({ regionId: REGION });
    expect(activityDaysWhere(actors.otherMethodologist!)).toEqual({ regionId: OTHER_REGION });
    expect(activityDaysWhere(actors.curator!)).toEqual({ userId: { in: [] } });
    expect(activityDaysWhere(actors.learner!)).toEqual({ userId: { in: [] } });
  });

  it("scopes mentorships to one's own, one's region's, or all", () => {
    expect(mentorshipsWhere(actors.admin!)).toEqual({});
    expect(mentorshipsWhere(actors.curator!)).toEqual({ OR: [{ menteeId: "u-curator" }, { curatorId: "u-curator" }] });
    expect(mentorshipsWhere(actors.methodologist!)).toEqual({
      OR: [{ menteeId: "u-meth" }, { curatorId: "u-meth" }, { mentee: { organization: { hromada: { regionId: REGION } } } }],
    });
  });

  it("keeps feedback threads to the two people in them, admins included", () => {
    expect(feedbackThreadsWhere(actors.admin!)).toEqual({ OR: [{ menteeId: "u-admin" }, { curatorId: "u-admin" }] });
    expect(feedbackThreadsWhere(actors.curator!)).toEqual({ OR: [{ menteeId: "u-curator" }, { curatorId: "u-curator" }] });
  });

  it("scopes community spaces: national ones, one's region's (all for admins), and one's groups only", () => {
    expect(communitySpacesWhere(actors.learner!)).toEqual({
      OR: [{ kind: "NATIONAL" }, { kind: "REGION", regionId: REGION }, { kind: "GROUP", members: { some: { userId: "u-learner" } } }],
    });
    expect(communitySpacesWhere(actors.admin!)).toEqual({
      OR: [{ kind: "NATIONAL" }, { kind: "REGION" }, { kind: "GROUP", members: { some: { userId: "u-admin" } } }],
    });
    expect(communityThreadsWhere(actors.learner!)).toEqual({ space: communitySpacesWhere(actors.learner!) });
  });

  it("scopes moderated spaces: admins national and region spaces, methodologists their region's, owners and the region's methodologists their groups", () => {
    const member = (id: string) => ({ members: { some: { userId: id } } });
    expect(moderatedSpacesWhere(actors.learner!)).toEqual({ OR: [{ kind: "GROUP", ownerId: "u-learner", ...member("u-learner") }] });
    expect(moderatedSpacesWhere(actors.methodologist!)).toEqual({
      OR: [
        { kind: "GROUP", ownerId: "u-meth", ...member("u-meth") },
        { kind: "REGION", regionId: REGION },
        { kind: "GROUP", regionId: REGION, ...member("u-meth") },
      ],
    });
    expect(moderatedSpacesWhere(actors.admin!)).toEqual({
      OR: [{ kind: "GROUP", ownerId: "u-admin", ...member("u-admin") }, { kind: { in: ["NATIONAL", "REGION"] } }],
    });
  });

  it("scopes knowledge-base entries to the spaces one reads, and invitees to one's hromada, mentees and (methodologists) region", () => {
    expect(communityKnowledgeWhere(actors.learner!)).toEqual({
      space: communitySpacesWhere(actors.learner!),
      thread: { space: communitySpacesWhere(actors.learner!) },
    });
    expect(groupInviteesWhere(actors.learner!)).toEqual({ status: "ACTIVE", id: { not: "u-learner" }, OR: [{ organization: { hromadaId: "h1" } }] });
    expect(groupInviteesWhere(actors.curator!)).toEqual({
      status: "ACTIVE",
      id: { not: "u-curator" },
      OR: [{ organization: { hromadaId: "h1" } }, { curators: { some: { curatorId: "u-curator", endedAt: null } } }],
    });
    expect(groupInviteesWhere(actors.methodologist!)).toEqual({
      status: "ACTIVE",
      id: { not: "u-meth" },
      OR: [{ organization: { hromadaId: "h1" } }, { organization: { hromada: { regionId: REGION } } }],
    });
  });

  it("keeps post drafts to their author: nobody else, admins and moderators included (decision 025)", () => {
    for (const actor of Object.values(actors)) expect(communityDraftsWhere(actor)).toEqual({ userId: actor.id });
  });

  it("scopes workshops to their audience, one's places, one's region for methodologists, all for admins (decision 030)", () => {
    const audience = (extra: object[] = []) => [{ audience: "REGION" }, { audience: "HROMADAS", hromadas: { some: { hromadaId: "h1" } } }, ...extra];
    const mine = (id: string) => ({ registrations: { some: { userId: id, status: { not: "CANCELLED" } } } });
    expect(workshopsWhere(actors.admin!)).toEqual({});
    expect(workshopsWhere(actors.learner!)).toEqual({
      OR: [{ regionId: null, OR: audience() }, { regionId: REGION, OR: audience() }, mine("u-learner")],
    });
    const curatorAudience = audience([{ audience: "CURATORS" }]);
    expect(workshopsWhere(actors.curator!)).toEqual({
      OR: [{ regionId: null, OR: curatorAudience }, { regionId: REGION, OR: curatorAudience }, mine("u-curator")],
    });
    expect(workshopsWhere(actors.methodologist!)).toEqual({
      OR: [{ regionId: null, OR: audience() }, { regionId: REGION, OR: audience() }, mine("u-meth"), { regionId: REGION }],
    });
  });

  it("scopes user lists: national, regional, or only oneself", () => {
    expect(usersWhere(actors.admin!)).toEqual({});
    expect(usersWhere(actors.methodologist!)).toEqual({ organization: { hromada: { regionId: REGION } } });
    expect(usersWhere(actors.learner!)).toEqual({ id: "u-learner" });
  });
});
