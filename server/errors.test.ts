import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./errors";

/**
 * What counts as "the database is not there right now" (503 with Retry-After) rather than a fault
 * (500): the shapes Prisma, its PostgreSQL adapter and pg give an outage, as the fault run of
 * bench/fault-restart.ts met them.
 */
describe("an unavailable database", () => {
  it("is recognised in the shapes an outage takes", () => {
    const shapes: unknown[] = [
      { code: "P1001", message: "Can't reach database server at 127.0.0.1:5432" },
      // A connection ended by a restart, as Prisma's adapter reports it (P2010, SQLSTATE in the driver's error).
      { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "57P01", kind: "postgres" } } } },
      { code: "P2010", meta: { driverAdapterError: { cause: { code: "57P03" } } } },
      { name: "Error", message: "Client has encountered a connection error and is not queryable" },
      { message: "terminating connection due to administrator command" },
      { message: "the database system is shutting down" },
      { message: "the database system is starting up" },
      { message: "the database system is in recovery mode" },
      // Every connection busy: Prisma could not start the transaction in time.
      { code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." },
      { code: "08006" },
      { code: "53300", message: "sorry, too many clients already" },
      new Error("outer", { cause: { code: "ECONNRESET" } }),
    ];
    for (const shape of shapes) expect(isDatabaseUnavailable(shape), JSON.stringify(shape)).toBe(true);
  });

  it("is not a refused write, a bad query or an ordinary failure", () => {
    const shapes: unknown[] = [
      { code: "P2002", message: "Unique constraint failed" },
      { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "23505" } } } },
      { code: "42P01", message: 'relation "Nope" does not exist' },
      new Error("something else"),
      null,
      "text",
    ];
    for (const shape of shapes) expect(isDatabaseUnavailable(shape), JSON.stringify(shape)).toBe(false);
  });

  it("does not loop on an error that is its own cause", () => {
    const looping: { message: string; cause?: unknown } = { message: "x" };
    looping.cause = looping;
    expect(isDatabaseUnavailable(looping)).toBe(false);
  });
});
