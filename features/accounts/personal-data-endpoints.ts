import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import { id, singleLine } from "@/lib/zod-text";

export const ZEraseUser = z.object({
  /** The person's e-mail address, typed by the admin to confirm whom they erase. */
  email: singleLine().max(320),
});

/** Personal-data rights (issue 15, decision 051): a person's copy of their data, and erasure on request. */
export const personalDataEndpoints = {
  downloadMyData: defineEndpoint({
    method: "GET",
    path: "/api/v1/me/data",
    tag: "profile",
    auth: "user",
    summary:
      "Download everything the platform holds about you as one JSON file (skhodynky-my-data-YYYY-MM-DD.json): account, sign-ins, self-assessments, learning, mentoring, community, workshops, authoring. No password hashes, tokens or second-factor secrets. Not cached.",
  }),
  eraseUser: defineEndpoint({
    method: "POST",
    path: "/api/v1/users/{id}/erase",
    tag: "accounts",
    auth: "user",
    summary:
      "Erase a person's account on request (admins; never your own): the account becomes an anonymous tombstone — personal data removed, assessments and activity kept anonymously so regional figures stay as they were, forum posts shown as a former member's. Confirm by typing the person's e-mail address. Irreversible; a second erasure answers 409. Also takes a plain HTML form post (then answers 303 to `next`).",
    params: z.object({ id: id() }),
    body: ZEraseUser,
    response: z.object({ erased: z.literal(true), userId: z.string() }),
    acceptsForm: true,
    recentSecondFactor: true,
    statuses: [404, 409],
  }),
};
