import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it("keeps a same-site path with its query and fragment", () => {
    expect(safeNextPath("/lessons/strong-passwords")).toBe("/lessons/strong-passwords");
    expect(safeNextPath("/lessons?track=security#list")).toBe("/lessons?track=security#list");
  });

  it("falls back for anything that could leave the site", () => {
    for (const next of [undefined, null, "", "https://evil.example/", "evil.example", "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/%0a"]) {
      const result = safeNextPath(next);
      expect(result === "/profile" || result === next, String(next)).toBe(true);
      expect(new URL(result, "https://app.example").origin).toBe("https://app.example");
    }
    expect(safeNextPath("/\t/evil.example")).toBe("/profile");
    expect(safeNextPath("/\\evil.example")).toBe("/profile");
  });

  it("uses the given fallback", () => {
    expect(safeNextPath("//evil.example", "/")).toBe("/");
  });
});
