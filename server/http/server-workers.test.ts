import { describe, expect, it } from "vitest";
import { serverProcessCount } from "./server-workers.mjs";

const PG = "postgresql://app@db.internal:5432/skhodynky";

describe("how many server processes the production server runs", () => {
  it("runs one per CPU on PostgreSQL unless told otherwise", () => {
    expect(serverProcessCount({ DATABASE_URL: PG }, 2)).toEqual({ ok: true, count: 2 });
    expect(serverProcessCount({ DATABASE_URL: PG, WEB_CONCURRENCY: "auto" }, 4)).toEqual({ ok: true, count: 4 });
    expect(serverProcessCount({ DATABASE_URL: PG, WEB_CONCURRENCY: " 3 " }, 2)).toEqual({ ok: true, count: 3 });
    expect(serverProcessCount({ DATABASE_URL: PG }, 64)).toEqual({ ok: true, count: 32 });
  });

  it("runs exactly one on the embedded database, which allows one process", () => {
    expect(serverProcessCount({}, 8)).toEqual({ ok: true, count: 1 });
    expect(serverProcessCount({ DATABASE_URL: "", WEB_CONCURRENCY: "1" }, 8)).toEqual({ ok: true, count: 1 });
    const refused = serverProcessCount({ WEB_CONCURRENCY: "2" }, 8);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/PostgreSQL \(DATABASE_URL\)/);
  });

  it("says what is wrong with a setting that is not a count", () => {
    for (const bad of ["0", "-1", "1.5", "two", "33"]) {
      const result = serverProcessCount({ DATABASE_URL: PG, WEB_CONCURRENCY: bad }, 2);
      expect(result, bad).toEqual({ ok: false, message: `WEB_CONCURRENCY must be "auto" or a whole number from 1 to 32, not "${bad}".` });
    }
  });
});
