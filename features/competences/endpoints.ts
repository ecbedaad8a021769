import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import { id } from "@/lib/zod-text";
import { ZDraftDto, ZDraftSave, ZReviewCreate, ZSubmitted } from "./schemas";

export const competenceEndpoints = {
  saveDraft: defineEndpoint({
    method: "PUT",
    path: "/api/v1/assessments/draft",
    tag: "competences",
    auth: "user",
    summary: "Save the self-assessment answered so far (the whole answer set; replaces the previous save).",
    body: ZDraftSave,
    response: ZDraftDto,
  }),
  discardDraft: defineEndpoint({
    method: "DELETE",
    path: "/api/v1/assessments/draft",
    tag: "competences",
    auth: "user",
    summary: "Discard the unfinished self-assessment.",
    response: z.object({ ok: z.literal(true) }),
  }),
  submitDraft: defineEndpoint({
    method: "POST",
    path: "/api/v1/assessments/draft/submit",
    tag: "competences",
    auth: "user",
    summary: "Submit the draft: it becomes an immutable snapshot. 422 lists unanswered items.",
    response: ZSubmitted,
    statuses: [201, 404, 409, 422],
  }),
  reviewRating: defineEndpoint({
    method: "PUT",
    path: "/api/v1/assessments/{id}/reviews",
    tag: "competences",
    auth: "user",
    summary: "As the person's current curator, confirm or comment on one self-rating.",
    params: z.object({ id: id() }),
    body: ZReviewCreate,
    response: z.object({ id: z.string() }),
    statuses: [404],
  }),
};
