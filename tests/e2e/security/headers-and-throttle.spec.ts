import { test, expect } from "../fixtures/test";

test("pages carry a nonce-based CSP and the other security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  expect(response.status()).toBe(200);
  const csp = response.headers()["content-security-policy"] ?? "";
  const scriptSrc =
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(scriptSrc).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  // Every inline script Next renders carries the nonce of this response.
  const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1];
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
  expect(scripts.length).toBeGreaterThan(0);
  for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
});

test("sign-in answers 429 after 10 failures for one account from one address", async ({ request, factory }) => {
  // An account of its own: the throttle it trips must not lock anyone another test signs in as.
  const target = await factory.person({ roles: ["METHODOLOGIST"] });
  const attempt = async () => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    return request.post("/api/auth/callback/credentials", {
      form: { email: target.email, password: "not-the-password", csrfToken, json: "true" },
      headers: { origin: new URL(test.info().project.use.baseURL!).origin },
      maxRedirects: 0,
    });
  };
  for (let i = 0; i < 10; i++) {
    const res = await attempt();
    expect(res.status()).toBe(401);
  }
  const refused = await attempt();
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
});

test("the API refuses cross-site writes and bad input without a 500", async ({ request, factory }) => {
  const learner = await factory.person({ roles: ["LEARNER"] });
  const crossSite = await request.post("/api/v1/password-reset", {
    data: { email: learner.email },
    headers: { origin: "https://attacker.example" },
  });
  expect(crossSite.status()).toBe(403);
  const malformed = await request.post("/api/v1/password-reset", {
    data: "{not json",
    headers: { "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(400);
  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
});
