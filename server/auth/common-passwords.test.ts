import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commonPasswordCount, isCommonPassword } from "./common-passwords";
import { PASSWORD_MIN_LENGTH } from "./password";

describe("the common-password list", () => {
  it("holds at least 10,000 passwords, each long enough to pass the length rule on its own", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
    const lines = readFileSync("server/auth/common-passwords.txt", "utf8").split("\n").filter(Boolean);
    expect(lines.filter((line) => [...line].length < PASSWORD_MIN_LENGTH)).toEqual([]);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it("refuses the passwords people choose first, whatever their case or spaces, in Latin and Cyrillic letters", () => {
    for (const password of [
      "password1",
      "Password1",
      "PASSWORD 1",
      "qwertyuiop",
      "12345678",
      "iloveyou",
      "йцукенгшщз",
      "Пароль123",
      "SlavaUkraini",
      "skhodynky",
    ]) {
      expect(isCommonPassword(password), password).toBe(true);
    }
  });

  it("lets through passwords that are not on it", () => {
    for (const password of ["лелека над ставом", "Жовтий трактор у полі 7", "kvitka-i-khmarka", "tri slova dosyt"]) {
      expect(isCommonPassword(password), password).toBe(false);
    }
  });
});
