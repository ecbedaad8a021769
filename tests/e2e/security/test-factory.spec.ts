import { test, expect } from "../fixtures/test";

// The factory that makes each test's people lives beside the e2e server, never in the app
// (decision 019): without this run's secret it is not there, and the app knows nothing of it.
test("the test factory answers only to this run's secret, and the app has no such route", async ({ request }) => {
  const factory = `http://127.0.0.1:${process.env.E2E_FACTORY_PORT}`;
  const withoutSecret = await request.post(`${factory}/place`, { data: {} });
  expect(withoutSecret.status()).toBe(404);
  const wrongSecret = await request.post(`${factory}/place`, { data: {}, headers: { "x-e2e-factory-secret": "0".repeat(48) } });
  expect(wrongSecret.status()).toBe(404);
  const withSecret = await request.post(`${factory}/place`, { data: {}, headers: { "x-e2e-factory-secret": process.env.E2E_FACTORY_SECRET! } });
  expect(withSecret.status()).toBe(200);

  for (const path of ["/place", "/person", "/api/test/person", "/api/v1/test/person"]) {
    const onTheApp = await request.post(path, { data: { organizationId: "x", roles: ["ADMIN"] } });
    expect(onTheApp.status(), path).toBe(404);
  }
});
