import { describe, expect, it } from "vitest";
import { handle } from "./handler";
import { defineEndpoint } from "./endpoint";

const spec = defineEndpoint({ method: "POST", path: "/api/v1/example", summary: "An example.", tag: "example", auth: "user" });

/**
 * A route may declare up front only a permission that needs nothing but the signed-in user; one
 * about a thing (a learner, a thread, an account) is checked where that thing is loaded. The
 * `@ts-expect-error` lines are the assertions: `tsc --noEmit` (in `npm test`) fails if they compile.
 */
describe("the permission a route declares", () => {
  it("cannot be one that needs a resource", () => {
    // @ts-expect-error -- "read:mentee" is about one learner: the feature function loads them and authorizes.
    const mentee = handle({ ...spec, permission: "read:mentee" }, async () => ({}));
    // @ts-expect-error -- "manage:user" needs the account, its region and roles.
    const account = handle({ ...spec, permission: "manage:user" }, async () => ({}));
    const gate = handle({ ...spec, permission: "invite:users" }, async () => ({}));
    expect([mentee, account, gate].every((h) => typeof h === "function")).toBe(true);
  });
});
