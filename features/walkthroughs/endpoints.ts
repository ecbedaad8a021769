import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import { id } from "@/lib/zod-text";
import { ZLessonCompletion, ZLessonPosition } from "@/features/progress/schemas";
import { ZResolution, ZStepReport, ZVerification } from "./report-schemas";

const params = z.object({ id: id({ max: 80 }) });

export const walkthroughEndpoints = {
  saveWalkthroughPosition: defineEndpoint({
    method: "PUT",
    path: "/api/v1/walkthroughs/{id}/position",
    tag: "walkthroughs",
    auth: "user",
    summary: "Remember the screen of the walkthrough player the learner reached (0 = the opening), to resume there.",
    params,
    body: ZLessonPosition,
    response: z.object({ walkthroughId: z.string(), step: z.number() }),
    statuses: [200, 404],
  }),
  completeWalkthrough: defineEndpoint({
    method: "POST",
    path: "/api/v1/walkthroughs/{id}/completion",
    tag: "walkthroughs",
    auth: "user",
    summary: "Record a finished walkthrough and its practice answers (doneAt: when it was done, for work done offline). Send an Idempotency-Key.",
    params,
    body: ZLessonCompletion,
    response: z.object({ walkthroughId: z.string(), completedOn: z.string() }),
    statuses: [201, 404, 422],
  }),
  reportStep: defineEndpoint({
    method: "POST",
    path: "/api/v1/walkthroughs/{id}/reports",
    tag: "walkthroughs",
    auth: "user",
    summary:
      "Say you are stuck on a step, or that its screen looks different now (optional comment, no client personal data). It reaches the methodologists of your region.",
    params,
    body: ZStepReport,
    response: z.object({ id: z.string() }),
    statuses: [201, 400, 404],
  }),
  resolveStepReports: defineEndpoint({
    method: "POST",
    path: "/api/v1/walkthroughs/{id}/reports/resolution",
    tag: "walkthroughs",
    auth: "user",
    summary: "Close a step's open reports in a region (methodologists of the region, admins).",
    params,
    body: ZResolution,
    response: z.object({ resolved: z.number() }),
    statuses: [200, 403],
  }),
  verifyWalkthrough: defineEndpoint({
    method: "POST",
    path: "/api/v1/walkthroughs/{id}/verifications",
    tag: "walkthroughs",
    auth: "user",
    summary: "Mark the guide verified against the live platform today (methodologists, admins); closes your region's 'looks different' reports for it.",
    params,
    body: ZVerification,
    response: z.object({ id: z.string(), verifiedOn: z.string(), closedReports: z.number() }),
    statuses: [201, 403, 404],
  }),
};
