import { test, expect } from "../fixtures/test";

/**
 * Stored files through the real server (decision 029): the route's own Content-Security-Policy
 * must reach the browser (proxy.ts leaves these responses alone), with nosniff, the disposition
 * and private caching; a learner is answered 404.
 */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#036"/></svg>`;
/** As stored: sanitized, and given the size its viewBox implies (an image of it must not collapse). */
const STORED = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4" width="4" height="4"><rect width="4" height="4" fill="#036"/></svg>`;

test("an uploaded SVG is served with its own strict policy, only to those who may read it", async ({ page, factory, signIn, browser }) => {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const methodologist = await factory.person({ roles: ["METHODOLOGIST"] });
  await signIn(methodologist);
  const uploaded = await page.request.post(`/api/v1/files?name=${encodeURIComponent("схема входу.svg")}`, {
    data: Buffer.from(SVG),
    headers: { "content-type": "image/svg+xml", origin },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const { url } = (await uploaded.json()) as { url: string };

  const served = await page.request.get(url);
  expect(served.status()).toBe(200);
  const headers = served.headers();
  expect(headers["content-type"]).toBe("image/svg+xml");
  expect(headers["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-disposition"]).toMatch(/^inline; filename="[^"]*\.svg"; filename\*=UTF-8''/);
  expect(headers["cache-control"]).toBe("private, no-cache");
  expect(headers["etag"]).toMatch(/^"[0-9a-f]{64}"$/);
  expect(await served.text()).toBe(STORED);

  const learner = await factory.person({ roles: ["LEARNER"] });
  const other = await browser.newContext({ baseURL: origin });
  const otherPage = await other.newPage();
  await signIn(learner, otherPage);
  expect((await otherPage.request.get(url)).status()).toBe(404);
  await other.close();
});
