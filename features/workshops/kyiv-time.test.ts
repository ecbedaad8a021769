import { describe, expect, it } from "vitest";
import { kyivLocalToInstant, toKyivLocal } from "./kyiv-time";

describe("Kyiv wall-clock times", () => {
  it("reads winter (UTC+2) and summer (UTC+3) times", () => {
    expect(kyivLocalToInstant("2026-12-10T10:00")?.toISOString()).toBe("2026-12-10T08:00:00.000Z");
    expect(kyivLocalToInstant("2026-07-10T10:00")?.toISOString()).toBe("2026-07-10T07:00:00.000Z");
  });

  it("refuses the hour skipped when clocks go forward and takes the first of the repeated hour", () => {
    // 29 March 2026: 03:00 becomes 04:00 in Kyiv.
    expect(kyivLocalToInstant("2026-03-29T03:30")).toBeNull();
    // 25 October 2026: 04:00 becomes 03:00 again; 03:30 happens twice, the first at 00:30 UTC.
    expect(kyivLocalToInstant("2026-10-25T03:30")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("refuses malformed and impossible values", () => {
    for (const bad of ["", "2026-12-10", "2026-12-10T25:00", "2026-13-01T10:00", "2026-02-30T10:00", "10:00 2026-12-10"]) {
      expect(kyivLocalToInstant(bad)).toBeNull();
    }
  });

  it("round-trips through the Kyiv clock", () => {
    const instant = new Date("2026-12-31T22:15:00Z");
    expect(toKyivLocal(instant)).toBe("2027-01-01T00:15");
    expect(kyivLocalToInstant(toKyivLocal(instant))?.toISOString()).toBe(instant.toISOString());
  });
});
