import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import { ZLessonCompletion, ZLessonPosition } from "@/features/progress/schemas";

const params = z.object({ id: z.string().min(1).max(80) });

export const walkthroughEndpoints = {
  saveWalkthroughPosition: defineEndpoint({
    method: "PUT", path: "/api/v1/walkthroughs/{id}/position", tag: "walkthroughs", auth: "user",
    summary: "Remember the screen of the walkthrough player the learner reached (0 = the opening), to resume there.",
    params, body: ZLessonPosition, response: z.object({ walkthroughId: z.string(), step: z.number() }), statuses: [200, 404],
  }),
  completeWalkthrough: defineEndpoint({
    method: "POST", path: "/api/v1/walkthroughs/{id}/completion", tag: "walkthroughs", auth: "user",
    summary: "Record a finished walkthrough and its practice answers (doneAt: when it was done, for work done offline). Send an Idempotency-Key.",
    params, body: ZLessonCompletion, response: z.object({ walkthroughId: z.string(), completedOn: z.string() }), statuses: [201, 404, 422],
  }),
};
