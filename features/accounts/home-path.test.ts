import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/authz/policy";
import { homePathFor } from "./home-path";

const person = (...roles: Actor["roles"][number][]): Actor => ({ id: "u1", roles, organizationId: "o1", hromadaId: "h1", regionId: "r1" });

describe("where signing in leads without a page asked for", () => {
  it("takes a learner to Today", () => {
    expect(homePathFor(person("LEARNER"))).toBe("/today");
  });
  it("takes a curator to the caseload, even one who also learns", () => {
    expect(homePathFor(person("CURATOR"))).toBe("/curator");
    expect(homePathFor(person("LEARNER", "CURATOR"))).toBe("/curator");
  });
  it("takes a methodologist to the region's report, and an admin to the admin area", () => {
    expect(homePathFor(person("METHODOLOGIST", "CURATOR"))).toBe("/reports");
    expect(homePathFor(person("ADMIN", "METHODOLOGIST"))).toBe("/admin");
  });
});
