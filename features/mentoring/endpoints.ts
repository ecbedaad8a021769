import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import { ZAssignmentCreate, ZCuratorRequest, ZFeedbackPost, ZNotificationsRead, ZPair, ZPairsImport, ZRequestDecision, ZDigest, ZUnsubscribe } from "./schemas";

export const mentoringEndpoints = {
  createAssignment: defineEndpoint({
    method: "POST", path: "/api/v1/assignments", tag: "mentoring", auth: "user",
    summary: "A curator assigns a lesson, walkthrough or track to a current mentee (optional due day and message). Send an Idempotency-Key.",
    body: ZAssignmentCreate, response: z.object({ id: z.string() }), statuses: [201, 403],
  }),
  cancelAssignment: defineEndpoint({
    method: "DELETE", path: "/api/v1/assignments/{id}", tag: "mentoring", auth: "user",
    summary: "The curator withdraws an assignment that is not done yet.",
    params: z.object({ id: z.string().min(1).max(40) }), response: z.object({ ok: z.literal(true) }), statuses: [200, 404, 409],
  }),
  readNotifications: defineEndpoint({
    method: "POST", path: "/api/v1/notifications/read", tag: "mentoring", auth: "user",
    summary: "Mark your notifications read (the given ids, or all). Also takes a plain form post.",
    body: ZNotificationsRead, response: z.object({ read: z.number() }), acceptsForm: true, statuses: [200],
  }),
  pairMentee: defineEndpoint({
    method: "POST", path: "/api/v1/mentorships", tag: "mentoring", auth: "user",
    summary: "A methodologist (own region) or admin pairs a learner with a curator, within the curator's capacity. 422 lists what is wrong.",
    body: ZPair, response: z.object({ created: z.number() }), statuses: [201, 403, 422],
  }),
  importPairs: defineEndpoint({
    method: "POST", path: "/api/v1/mentorships/import", tag: "mentoring", auth: "user",
    summary: "Pairs many at once from CSV (columns curator, mentee: e-mail addresses). All or nothing; 422 lists every bad row.",
    body: ZPairsImport, response: z.object({ created: z.number() }), statuses: [201, 403, 422],
  }),
  endMentorship: defineEndpoint({
    method: "POST", path: "/api/v1/mentorships/{id}/end", tag: "mentoring", auth: "user",
    summary: "End a mentorship (the mentee, or a methodologist of the region): the history stays, the curator's access ends.",
    params: z.object({ id: z.string().min(1).max(40) }), response: z.object({ ok: z.literal(true) }), statuses: [200, 403, 404],
  }),
  postFeedback: defineEndpoint({
    method: "POST", path: "/api/v1/feedback", tag: "mentoring", auth: "user",
    summary: "Write in the private thread of a curator and a current mentee (either of them). Client personal data is refused. Send an Idempotency-Key.",
    body: ZFeedbackPost, response: z.object({ id: z.string() }), statuses: [201, 403, 404],
  }),
  requestCurator: defineEndpoint({
    method: "POST", path: "/api/v1/curator-requests", tag: "mentoring", auth: "user",
    summary: "A learner without a curator asks a curator of their region (one request at a time).",
    body: ZCuratorRequest, response: z.object({ id: z.string() }), statuses: [201, 404, 409],
  }),
  decideRequest: defineEndpoint({
    method: "POST", path: "/api/v1/curator-requests/{id}/decision", tag: "mentoring", auth: "user",
    summary: "The asked curator accepts (within capacity) or declines; the learner is notified.",
    params: z.object({ id: z.string().min(1).max(40) }), body: ZRequestDecision, response: z.object({ accepted: z.boolean() }), statuses: [200, 403, 404, 409],
  }),
  setDigest: defineEndpoint({
    method: "PUT", path: "/api/v1/me/digest", tag: "mentoring", auth: "user",
    summary: "Choose the e-mail digest of unread notifications: off, daily or weekly.",
    body: ZDigest, response: z.object({ digest: z.enum(["off", "daily", "weekly"]) }), statuses: [200],
  }),
  unsubscribe: defineEndpoint({
    method: "POST", path: "/api/v1/digests/unsubscribe", tag: "mentoring", auth: "public",
    summary: "Turn the e-mail digest off with the link's token, without signing in (one click; also a plain form post).",
    body: ZUnsubscribe, response: z.object({ ok: z.literal(true) }), acceptsForm: true, statuses: [200, 400],
  }),
};
