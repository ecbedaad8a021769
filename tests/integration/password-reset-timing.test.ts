import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "../../server/db/client";
import { callRoute } from "../helpers/api";
import { createPerson, createPlace } from "../factories/people";
import { pendingAfterResponseTasks, runAfterResponseTasks } from "../setup/next-request";
import * as resetRequest from "../../app/api/v1/password-reset/route";

type SentMail = { to: string; subject: string; text: string };
const mail = vi.hoisted(() => ({ sent: [] as SentMail[], deliver: "now" as "now" | "never" }));

// A mail server that answers at once, or never: with "never", awaiting it before the answer would hang the request.
vi.mock("../../server/mail", () => ({
  sendMail: (message: SentMail) => {
    mail.sent.push(message);
    return mail.deliver === "now" ? Promise.resolve() : new Promise<void>(() => {});
  },
}));

beforeEach(async () => {
  await runAfterResponseTasks();
  mail.sent.length = 0;
  mail.deliver = "now";
});

async function learner() {
  const place = await createPlace(getDb());
  return createPerson(getDb(), { organizationId: place.organizationId, roles: ["LEARNER"] });
}

/** Everything a reset request can leave behind for this address before the answer. */
async function workDoneFor(email: string) {
  return {
    tokens: await getDb().passwordResetToken.count({ where: { user: { email } } }),
    mails: mail.sent.filter((m) => m.to === email).length,
  };
}

describe("a password-reset request answers before any lookup or mail", () => {
  it("does the same work before answering for an existing and an unknown address", async () => {
    const { email } = await learner();
    const unknown = "nobody-here@example.org";
    const answers = [];
    for (const address of [email, unknown]) {
      const res = await callRoute(resetRequest.POST, "/api/v1/password-reset", { body: { email: address }, keepAfterResponseTasks: true });
      answers.push({ status: res.status, body: res.json, deferred: pendingAfterResponseTasks() });
      expect(await workDoneFor(address)).toEqual({ tokens: 0, mails: 0 });
      await runAfterResponseTasks();
    }
    expect(answers[0]).toEqual({ status: 202, body: { ok: true }, deferred: 1 });
    expect(answers[1]).toEqual(answers[0]);
    // After the answer, the existing account gets its token and mail; the unknown one nothing.
    expect(await workDoneFor(email)).toEqual({ tokens: 1, mails: 1 });
    expect(mail.sent[0]!.text).toMatch(/\/reset-password\?token=/);
    expect(await workDoneFor(unknown)).toEqual({ tokens: 0, mails: 0 });
  });

  it("answers even when the mail server never does, and the mail is still handed over", async () => {
    const { email } = await learner();
    mail.deliver = "never";
    const res = await callRoute(resetRequest.POST, "/api/v1/password-reset", { body: { email }, keepAfterResponseTasks: true });
    expect(res.status).toBe(202);
    expect(mail.sent).toHaveLength(0);
    // Run the deferred work without waiting on the mail server that never answers.
    void runAfterResponseTasks();
    await vi.waitFor(() => expect(mail.sent.map((m) => m.to)).toEqual([email]));
    expect(await getDb().passwordResetToken.count({ where: { user: { email } } })).toBe(1);
  });
});
