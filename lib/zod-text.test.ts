import { describe, expect, it } from "vitest";
import { hasForbiddenCharacters, id, linkToken, secret, singleLine, text, toOneLine, TEXT_ERRORS } from "./zod-text";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe("singleLine", () => {
  const name = singleLine().min(2, { error: "errors.nameTooShort" }).max(10);

  it("trims, NFC-normalises and keeps ordinary text", () => {
    expect(name.parse("  Олена  ")).toBe("Олена");
    expect(name.parse("Ire\u0301na")).toBe("Iréna");
    expect(name.parse("О'Брайєн")).toBe("О'Брайєн");
  });

  it("refuses line breaks and tabs as such", () => {
    for (const value of ["Ім'я\nПрізвище", "a\r\nb", "a\tb", "a\u2028b"]) {
      const result = name.safeParse(value);
      expect(result.success, JSON.stringify(value)).toBe(false);
    }
    expect(messages(name.safeParse("Ім'я\nБ"))).toEqual([TEXT_ERRORS.lineBreak]);
  });

  it("refuses control characters, bidi overrides and lone surrogates", () => {
    for (const value of ["a\u0000b", "ab\u0007", "a\u007fb", "a\u0085b", "a\u202eb", "a\u2066b", "a\ud800b", "a\udc00b", "ab\ud83d"]) {
      expect(messages(name.safeParse(value)), JSON.stringify(value)).toEqual([TEXT_ERRORS.forbidden]);
    }
  });

  it("applies limits to the cleaned value", () => {
    expect(name.safeParse("   a   ").success).toBe(false);
    expect(name.safeParse("a".repeat(11)).success).toBe(false);
    expect(name.parse("😀😀")).toBe("😀😀");
  });
});

describe("text", () => {
  const body = text().max(50);

  it("keeps line breaks and tabs, making line ends \\n", () => {
    expect(body.parse("Перший рядок\r\n\tдругий\rтретій")).toBe("Перший рядок\n\tдругий\nтретій");
  });

  it("refuses other control characters and lone surrogates", () => {
    for (const value of ["a\u0000", "a\u001b[31m", "a\u202e", "\ud800"]) {
      expect(body.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
  });

  it("trims unless told not to", () => {
    expect(body.parse("  a  ")).toBe("a");
    expect(text({ trim: false }).parse("  a\n")).toBe("  a\n");
  });
});

describe("ids, tokens and secrets", () => {
  it("ids are ASCII letters, digits, - and _", () => {
    expect(id().parse("clx1y2z3a0000b1c2d3e4f5g6")).toBe("clx1y2z3a0000b1c2d3e4f5g6");
    expect(id().parse("strong-passwords")).toBe("strong-passwords");
    for (const value of ["", "\u0000", "%00", "a b", "ідентифікатор", "a/b", "a".repeat(65)]) {
      expect(id().safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
    expect(id({ max: 5 }).safeParse("abcdef").success).toBe(false);
    expect(id({ required: "errors.organizationRequired" }).safeParse("").error?.issues[0]?.message).toBe("errors.organizationRequired");
  });

  it("link tokens are ASCII", () => {
    const token = linkToken("errors.unsubscribeLink");
    expect(token.parse("abc_DEF-123.xyz")).toBe("abc_DEF-123.xyz");
    expect(messages(token.safeParse("abcdefghij.ї"))).toContain("errors.unsubscribeLink");
  });

  it("secrets are kept as typed but refuse control characters", () => {
    expect(secret().parse("  пароль з пробілами ")).toBe("  пароль з пробілами ");
    expect(secret().safeParse("пароль\u0000").success).toBe(false);
    expect(secret().safeParse("пароль\n").success).toBe(false);
  });
});

describe("toOneLine", () => {
  it("flattens line breaks and controls to single spaces", () => {
    expect(toOneLine("Олена\nВаш пароль скинуто.\r\nУвійдіть тут:\thttp://evil.example", 200)).toBe(
      "Олена Ваш пароль скинуто. Увійдіть тут: http://evil.example",
    );
    expect(toOneLine("a\u0000\u202e\u2028b\ud800", 10)).toBe("a b");
    expect(hasForbiddenCharacters(toOneLine("x\u0007\u0085y", 10))).toBe(false);
  });

  it("cuts to the limit by characters, with an ellipsis", () => {
    expect(toOneLine("абвгдеєжзи", 5)).toBe("абвг…");
    expect([...toOneLine("😀".repeat(10), 4)]).toHaveLength(4);
    expect(toOneLine("коротко", 20)).toBe("коротко");
  });
});
