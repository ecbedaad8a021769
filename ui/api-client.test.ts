import { describe, expect, it } from "vitest";
import { ApiError, errorText } from "./api-client";

describe("errorText", () => {
  it("says the first field's message, else the error's own, else the fallback", () => {
    const fields = new ApiError(
      400,
      { code: "validation_failed", message: "Перевірте поля.", fields: { name: ["Назва — щонайменше 3 символи."], slug: ["Інше"] } },
      false,
    );
    expect(errorText(fields, "Немає з'єднання.")).toBe("Назва — щонайменше 3 символи.");
    const plain = new ApiError(409, { code: "conflict", message: "Уже вирішено." }, false);
    expect(errorText(plain, "Немає з'єднання.")).toBe("Уже вирішено.");
    expect(errorText(new TypeError("Failed to fetch"), "Немає з'єднання.")).toBe("Немає з'єднання.");
  });
});
