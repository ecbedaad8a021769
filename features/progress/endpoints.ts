import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import { id } from "@/lib/zod-text";
import {
  ZCompletionResult,
  ZDailyGoal,
  ZDailyGoalResult,
  ZLessonCompletion,
  ZLessonPosition,
  ZLessonPositionResult,
  ZReviewAnswer,
  ZReviewResult,
} from "./schemas";

const lessonParams = z.object({ id: id({ max: 80 }) });

export const progressEndpoints = {
  completeLesson: defineEndpoint({
    method: "POST",
    path: "/api/v1/lessons/{id}/completion",
    tag: "lessons",
    auth: "user",
    summary:
      "Record a finished lesson and its quiz answers (doneAt: when it was done, for work done offline). Send an Idempotency-Key: a replay records nothing twice.",
    params: lessonParams,
    body: ZLessonCompletion,
    response: ZCompletionResult,
    statuses: [201, 404, 422],
  }),
  saveLessonPosition: defineEndpoint({
    method: "PUT",
    path: "/api/v1/lessons/{id}/position",
    tag: "lessons",
    auth: "user",
    summary: "Remember the screen of the lesson player the learner reached (0 = the opening screen), to resume there.",
    params: lessonParams,
    body: ZLessonPosition,
    response: ZLessonPositionResult,
    statuses: [200, 404],
  }),
  recordReview: defineEndpoint({
    method: "POST",
    path: "/api/v1/reviews",
    tag: "lessons",
    auth: "user",
    summary: "Record the answer to a due review item; the item moves along its spaced-review schedule. Send an Idempotency-Key.",
    body: ZReviewAnswer,
    response: ZReviewResult,
    statuses: [201, 404, 422],
  }),
  setDailyGoal: defineEndpoint({
    method: "PUT",
    path: "/api/v1/me/daily-goal",
    tag: "lessons",
    auth: "user",
    summary: "Set the learner's daily goal in minutes (3, 5, 10, 15 or 20).",
    body: ZDailyGoal,
    response: ZDailyGoalResult,
    statuses: [200],
  }),
};
