import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import { ZCompletionResult, ZLessonCompletion } from "./schemas";

export const progressEndpoints = {
  completeLesson: defineEndpoint({
    method: "POST", path: "/api/v1/lessons/{id}/completion", tag: "lessons", auth: "user",
    summary: "Record a finished lesson and its quiz answers (doneAt: when it was done, for work done offline). Send an Idempotency-Key: a replay records nothing twice.",
    params: z.object({ id: z.string().min(1).max(80) }), body: ZLessonCompletion, response: ZCompletionResult, statuses: [201, 404, 422],
  }),
};
