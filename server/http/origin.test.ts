import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { resetEnvCacheForTests } from "../env";
import { AppError } from "../errors";
import { allowedOrigins, assertSameOrigin, requestOrigin } from "./origin";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCacheForTests();
});

function configure(vars: Record<string, string>) {
  process.env = { ...saved };
  for (const key of ["APP_URL", "NEXTAUTH_URL", "ALLOWED_ORIGINS", "PORT"]) delete process.env[key];
  Object.assign(process.env, vars);
  resetEnvCacheForTests();
}

/**
 * A request as `next start` hands it to a route: the URL is built on the listening hostname
 * (always "localhost"), the Host header says where the browser really went.
 */
function request(host: string, headers: Record<string, string> = {}, proto = "http") {
  return new NextRequest("http://localhost:3000/api/v1/me", {
    method: "POST",
    headers: { host, "x-forwarded-proto": proto, ...headers },
  });
}

function refusal(req: NextRequest): unknown {
  try {
    assertSameOrigin(req);
    return null;
  } catch (error) {
    return error;
  }
}

describe("the origin rule without APP_URL: the address the browser used", () => {
  it.each([
    ["127.0.0.1:3000", "http://127.0.0.1:3000"],
    ["localhost:3000", "http://localhost:3000"],
    ["192.168.10.24:3201", "http://192.168.10.24:3201"],
    ["[::1]:3000", "http://[::1]:3000"],
    ["skhodynky.office.lan", "http://skhodynky.office.lan"],
  ])("accepts a write from %s", (host, origin) => {
    configure({});
    expect(refusal(request(host, { origin }))).toBeNull();
  });

  it("takes the scheme from X-Forwarded-Proto and drops default ports", () => {
    configure({});
    expect(requestOrigin(request("app.example.org:443", {}, "https"))).toBe("https://app.example.org");
    expect(refusal(request("app.example.org", { origin: "https://app.example.org" }, "https"))).toBeNull();
    expect(refusal(request("app.example.org", { origin: "http://app.example.org" }, "https"))).toBeInstanceOf(AppError);
  });

  it("refuses another site, another port of the same host, and an unreadable Host", () => {
    configure({});
    for (const [host, origin] of [
      ["127.0.0.1:3000", "https://evil.example"],
      ["127.0.0.1:3000", "http://127.0.0.1:3001"],
      ["127.0.0.1:3000", "null"],
      ["evil.example/@127.0.0.1:3000", "http://evil.example"],
    ]) {
      const error = refusal(request(host!, { origin: origin! }));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(403);
    }
  });

  it("without Origin, falls back to Fetch Metadata", () => {
    configure({});
    expect(refusal(request("127.0.0.1:3000", { "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(refusal(request("127.0.0.1:3000", {}))).toBeNull();
    expect(refusal(request("127.0.0.1:3000", { "sec-fetch-site": "cross-site" }))).toBeInstanceOf(AppError);
    expect(refusal(request("127.0.0.1:3000", { "sec-fetch-site": "same-site" }))).toBeInstanceOf(AppError);
  });
});

describe("the origin rule with APP_URL: that address and ALLOWED_ORIGINS only", () => {
  it("accepts APP_URL's origin whatever Host the proxy passed on", () => {
    configure({ APP_URL: "https://skhodynky.example.org" });
    expect(refusal(request("10.0.0.7:3000", { origin: "https://skhodynky.example.org" }))).toBeNull();
  });

  it("refuses the address the browser used when it is not the configured one", () => {
    configure({ APP_URL: "https://skhodynky.example.org" });
    expect(refusal(request("127.0.0.1:3000", { origin: "http://127.0.0.1:3000" }))).toBeInstanceOf(AppError);
  });

  it("adds ALLOWED_ORIGINS", () => {
    configure({ APP_URL: "https://skhodynky.example.org", ALLOWED_ORIGINS: "http://10.0.0.2:3000,https://old.example.org" });
    const req = request("10.0.0.2:3000", { origin: "http://10.0.0.2:3000" });
    expect(allowedOrigins(req)).toEqual(["https://skhodynky.example.org", "http://10.0.0.2:3000", "https://old.example.org"]);
    expect(refusal(req)).toBeNull();
    expect(refusal(request("10.0.0.2:3000", { origin: "http://10.0.0.3:3000" }))).toBeInstanceOf(AppError);
  });
});
