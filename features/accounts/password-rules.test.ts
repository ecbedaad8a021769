import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/auth/password";
import { ZPassword } from "./schemas";

const errorOf = (password: string) => ZPassword.safeParse(password).error?.issues.map((i) => i.message) ?? [];

describe("a new password (ASVS 6.2, NIST SP 800-63B)", () => {
  it("needs 8 characters, allows up to 128, and asks for no particular kinds of characters", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(PASSWORD_MAX_LENGTH).toBeGreaterThanOrEqual(64);
    expect(errorOf("лелека7")).toEqual(["errors.passwordTooShort"]);
    expect(errorOf("лелекалі")).toEqual([]);
    expect(errorOf("всі маленькі літери без цифр")).toEqual([]);
    expect(errorOf("я".repeat(64))).toEqual([]);
    expect(errorOf("я".repeat(PASSWORD_MAX_LENGTH))).toEqual([]);
    expect(errorOf("я".repeat(PASSWORD_MAX_LENGTH + 1))).toEqual(["errors.passwordTooLong"]);
  });

  it("is refused when it is a common one, with its own message", () => {
    expect(errorOf("Password123")).toEqual(["errors.passwordCommon"]);
    expect(errorOf("йцукенгшщз")).toEqual(["errors.passwordCommon"]);
  });
});
