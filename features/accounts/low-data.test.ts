import { describe, expect, it } from "vitest";
import { isLowData } from "./low-data";

describe("low-data mode", () => {
  it("follows the person's choice whatever the browser says", () => {
    expect(isLowData("on", null)).toBe(true);
    expect(isLowData("on", "off")).toBe(true);
    expect(isLowData("off", "on")).toBe(false);
  });
  it("left on auto, follows Save-Data: on (any case, any spaces) and nothing else", () => {
    expect(isLowData("auto", "on")).toBe(true);
    expect(isLowData("auto", " On ")).toBe(true);
    expect(isLowData("auto", null)).toBe(false);
    expect(isLowData("auto", "off")).toBe(false);
    expect(isLowData("auto", "1")).toBe(false);
    expect(isLowData(undefined, "on")).toBe(true);
    expect(isLowData("something else", null)).toBe(false);
  });
});
