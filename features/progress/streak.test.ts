import { describe, expect, it } from "vitest";
import { addDays, kyivDay } from "@/lib/kyiv-calendar";
import { computeStreak } from "./streak";

describe("Kyiv calendar days", () => {
  it("put 23:30 and 00:30 Kyiv time on different days, in winter (UTC+2) and summer (UTC+3)", () => {
    expect(kyivDay(new Date("2026-01-15T21:30:00Z"))).toBe("2026-01-15"); // 23:30 EET
    expect(kyivDay(new Date("2026-01-15T22:30:00Z"))).toBe("2026-01-16"); // 00:30 EET
    expect(kyivDay(new Date("2026-07-15T20:30:00Z"))).toBe("2026-07-15"); // 23:30 EEST
    expect(kyivDay(new Date("2026-07-15T21:30:00Z"))).toBe("2026-07-16"); // 00:30 EEST
  });

  it("handle the spring-forward night (29 March 2026, 03:00 → 04:00) and the autumn one (25 October 2026)", () => {
    expect(kyivDay(new Date("2026-03-28T21:59:00Z"))).toBe("2026-03-28"); // 23:59 EET
    expect(kyivDay(new Date("2026-03-28T22:00:00Z"))).toBe("2026-03-29"); // 00:00 EET
    expect(kyivDay(new Date("2026-03-29T20:59:00Z"))).toBe("2026-03-29"); // 23:59 EEST, a 23-hour day
    expect(kyivDay(new Date("2026-03-29T21:00:00Z"))).toBe("2026-03-30");
    expect(kyivDay(new Date("2026-10-25T21:59:00Z"))).toBe("2026-10-25"); // 23:59 EET, a 25-hour day
    expect(kyivDay(new Date("2026-10-25T22:00:00Z"))).toBe("2026-10-26");
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("streaks", () => {
  it("count consecutive days, and today not yet done does not break the run", () => {
    const s = computeStreak(["2026-11-20", "2026-11-21", "2026-11-22"], "2026-11-23");
    expect(s).toMatchObject({ current: 3, longest: 3, activeToday: false, graceDays: [] });
    expect(computeStreak(["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"], "2026-11-23")).toMatchObject({ current: 4, activeToday: true });
  });

  it("bridge a day without Internet with a grace day, up to two a month", () => {
    const s = computeStreak(["2026-11-18", "2026-11-19", "2026-11-21", "2026-11-22"], "2026-11-22");
    expect(s).toMatchObject({ current: 4, graceDays: ["2026-11-20"] });
    const twoMisses = computeStreak(["2026-11-10", "2026-11-12", "2026-11-14", "2026-11-15"], "2026-11-15");
    expect(twoMisses).toMatchObject({ current: 4, graceDays: ["2026-11-13", "2026-11-11"] });
    const threeMisses = computeStreak(["2026-11-10", "2026-11-12", "2026-11-14", "2026-11-16"], "2026-11-16");
    expect(threeMisses.current).toBe(1);
    expect(threeMisses.longest).toBe(3);
  });

  it("give each calendar month its own grace days, and respect a configured allowance", () => {
    const acrossMonths = computeStreak(["2026-10-29", "2026-10-31", "2026-11-02", "2026-11-03"], "2026-11-03");
    expect(acrossMonths).toMatchObject({ current: 4, graceDays: ["2026-11-01", "2026-10-30"] });
    expect(computeStreak(["2026-11-18", "2026-11-20"], "2026-11-20", 0).current).toBe(1);
  });

  it("count a lesson done offline late in the evening on the day it was done, across the DST change", () => {
    // Done at 23:40 Kyiv on 28 March (EET), 29 March (the short day) and 30 March (EEST), sent next morning.
    const doneAt = ["2026-03-28T21:40:00Z", "2026-03-29T20:40:00Z", "2026-03-30T20:40:00Z"].map((t) => kyivDay(new Date(t)));
    expect(doneAt).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(computeStreak(doneAt, "2026-03-31").current).toBe(3);
  });

  it("is empty with no activity, and a break longer than the grace ends the run", () => {
    expect(computeStreak([], "2026-11-23")).toEqual({ current: 0, longest: 0, graceDays: [], activeToday: false, bridged: [] });
    expect(computeStreak(["2026-11-01", "2026-11-02"], "2026-11-23").current).toBe(0);
  });

  it("keep, for the history, the missed days grace bridged — not those of a run that broke right after", () => {
    // 3 Nov bridged (run goes on on 4 Nov); 10–12 Nov: two bridged, the third breaks the run, so none of them counts.
    const days = ["2026-11-02", "2026-11-04", "2026-11-05", "2026-11-09", "2026-11-13", "2026-11-14"];
    const s = computeStreak(days, "2026-11-14");
    expect(s.bridged).toEqual(["2026-11-03"]);
    expect(s.current).toBe(2);
  });
});
