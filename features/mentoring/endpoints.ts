import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import { ZAssignmentCreate, ZNotificationsRead } from "./schemas";

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
};
