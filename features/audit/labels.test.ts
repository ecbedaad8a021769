import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/server/audit/actions";
import { MESSAGES } from "@/server/i18n";
import { auditActionLabel, auditDetailText, auditTargetLabel } from "./labels";

describe("the audit trail's words", () => {
  it("name every action in both languages", () => {
    for (const locale of ["uk", "en"] as const) {
      for (const action of AUDIT_ACTIONS) expect(auditActionLabel(locale, action), `${locale} ${action}`).not.toBe(action);
    }
  });

  it("name every area the admins' filter groups actions by", () => {
    const areas = new Set(AUDIT_ACTIONS.map((action) => action.split(".")[0]!));
    for (const locale of ["uk", "en"] as const) expect(Object.keys(MESSAGES[locale].audit.areas).sort()).toEqual([...areas].sort());
  });

  it("have the same names for targets, detail and values in both languages", () => {
    const { uk, en } = { uk: MESSAGES.uk.audit, en: MESSAGES.en.audit };
    for (const part of ["targets", "detailKeys", "values", "areas"] as const) expect(Object.keys(en[part]).sort()).toEqual(Object.keys(uk[part]).sort());
  });

  it("show codes without words as they are stored", () => {
    expect(auditActionLabel("uk", "legacy.something")).toBe("legacy.something");
    expect(auditDetailText("en", [{ key: "newKey", value: "NEW_VALUE" }])).toBe("newKey: NEW_VALUE");
    expect(auditTargetLabel("en", { targetType: "Widget", targetId: "w1", targetPerson: null })).toBe("Widget w1");
  });

  it("put codes into words: statuses, outcomes, roles, yes and no", () => {
    const detail = [
      { key: "from", value: "ACTIVE" },
      { key: "to", value: "DISABLED" },
      { key: "sessionsEnded", value: true },
      { key: "roles", value: "LEARNER,CURATOR" },
      { key: "publishOn", value: null },
    ];
    expect(auditDetailText("uk", detail)).toBe("Від: активний; До: вимкнений; Сеанси завершено: так; Ролі: Слухач, Цифровий куратор; publishOn: —");
    expect(auditTargetLabel("uk", { targetType: "account", targetId: "unknown", targetPerson: null })).toBe("Обліковий запис: немає такого облікового запису");
    expect(auditTargetLabel("en", { targetType: "User", targetId: "u1", targetPerson: { name: "Olena", email: "o@example.org" } })).toBe(
      "Account: Olena (o@example.org)",
    );
  });
});
