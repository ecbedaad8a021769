import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { resetEnvCacheForTests } from "../env";
import { proxy } from "../../proxy";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCacheForTests();
});

async function headersFor(vars: Record<string, string>, url: string): Promise<Headers> {
  process.env = { ...saved };
  for (const key of ["APP_URL", "NEXTAUTH_URL"]) delete process.env[key];
  Object.assign(process.env, vars);
  resetEnvCacheForTests();
  return (await proxy(new NextRequest(url))).headers;
}

describe("Strict-Transport-Security", () => {
  it("is sent on every page when APP_URL is https", async () => {
    const headers = await headersFor({ APP_URL: "https://skhodynky.example.org" }, "https://skhodynky.example.org/today");
    expect(headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("is not sent for a plain-HTTP address or without APP_URL, so a demo on http stays reachable", async () => {
    expect((await headersFor({ APP_URL: "http://10.0.0.2:3000" }, "http://10.0.0.2:3000/")).get("strict-transport-security")).toBeNull();
    expect((await headersFor({}, "http://127.0.0.1:3000/")).get("strict-transport-security")).toBeNull();
  });
});
