import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { getDb } from "../../server/db/client";
import { hashPassword } from "../../server/auth/password";
import type { EndpointSpec } from "../../server/api/endpoint";
import { createDemoWorld } from "../factories/demo-world";
import { callRoute, ORIGIN, signInAs, signOutLocally, type CallOptions } from "./api";

/**
 * Every route handler under app/api/v1, every method, with NUL bytes, bidi overrides, lone
 * surrogates, very long strings and a non-ASCII link token in each parameter, body field and query
 * field in turn. Whatever the input, the answer is a typed 4xx error or a success — never a 500
 * (a 500 would also log, which fails the test on its own). One test file per identity
 * (tests/integration/hostile-input-*.test.ts), so the two test workers share the work.
 */

const ROOT = process.cwd();
const API_DIR = join(ROOT, "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export const NON_ASCII_TOKEN = `cnotauser000000000000000000.${"ї".repeat(43)}`;
const HOSTILE = ["\u0000", "a\u0000b", "\u202eevil.txt", "\ud800", "x\udc00y", "\u0085", "%00", "я".repeat(5000), NON_ASCII_TOKEN];
/** Query strings are percent-encoded on the wire; a lone surrogate cannot be, so its UTF-8 mangling stands in. */
const HOSTILE_QUERY = ["%00", "a%00b", "%E2%80%AE", "%ED%A0%80", "%C2%85", encodeURIComponent("я".repeat(3000)), encodeURIComponent(NON_ASCII_TOKEN)];

type Handler = Parameters<typeof callRoute>[0];
export type Route = { file: string; path: string; method: (typeof METHODS)[number]; handler: Handler; spec?: EndpointSpec; params: string[] };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === "route.ts" ? [join(dir, entry.name)] : [],
  );
}

async function endpointSpecs(): Promise<EndpointSpec[]> {
  const featuresDir = join(ROOT, "features");
  const files = readdirSync(featuresDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(featuresDir, d.name))
        .filter((f) => /(^|-)endpoints\.ts$/.test(f))
        .map((f) => join(featuresDir, d.name, f)),
    );
  const specs: EndpointSpec[] = [];
  for (const file of files) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const group of Object.values(module)) {
      if (!group || typeof group !== "object") continue;
      for (const spec of Object.values(group as Record<string, unknown>)) {
        if (spec && typeof spec === "object" && "method" in spec && "path" in spec) specs.push(spec as EndpointSpec);
      }
    }
  }
  return specs;
}

async function discoverRoutes(): Promise<Route[]> {
  const specs = await endpointSpecs();
  const routes: Route[] = [];
  for (const file of routeFiles(API_DIR).sort()) {
    const segments = relative(join(ROOT, "app"), file).split(sep).slice(0, -1);
    const path = "/" + segments.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");
    const params = segments.filter((s) => s.startsWith("[")).map((s) => s.slice(1, -1));
    const module = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = module[method];
      if (typeof handler !== "function") continue;
      const spec = specs.find((s) => s.method === method && s.path === path);
      routes.push({ file: relative(ROOT, file), path, method, handler: handler as Handler, spec, params });
    }
  }
  return routes;
}

// ---- A well-formed value for a zod schema, and the paths of its string fields. ----

export type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
};
export const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const STRING_CANDIDATES = [
  "cnotanid000000000000000000",
  "strong-passwords",
  "Тестова Особа",
  "a.tester@example.org",
  "2030-01-01",
  "2030-01-01T10:00:00+02:00",
  "UA-99",
  "name,email\nА Б,a@example.org",
  "abcdefghijklmnopqrstuvwxyz0123456789",
];

function isStringy(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type === "string") return true;
  if (def.type === "pipe") return isStringy(def.in!);
  return false;
}

export function sample(schema: z.ZodType): unknown {
  const def = defOf(schema);
  if (isStringy(schema)) return STRING_CANDIDATES.find((c) => schema.safeParse(c).success) ?? "x";
  switch (def.type) {
    case "object":
      return Object.fromEntries(Object.entries(def.shape!).map(([k, v]) => [k, sample(v)]));
    case "array":
      return [sample(def.element!)];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
      return sample(def.innerType!);
    case "pipe":
      return sample(def.in!);
    case "union":
      return sample(def.options![0]!);
    case "enum":
      return Object.values(def.entries!)[0];
    case "literal":
      return def.values![0];
    case "number":
    case "int":
      return [1, 5, 0, 30].find((n) => schema.safeParse(n).success) ?? 1;
    case "boolean":
      return true;
    default:
      return {};
  }
}

function stringPaths(schema: z.ZodType, path: (string | number)[] = []): (string | number)[][] {
  const def = defOf(schema);
  if (isStringy(schema)) return [path];
  switch (def.type) {
    case "object":
      return Object.entries(def.shape!).flatMap(([k, v]) => stringPaths(v, [...path, k]));
    case "array":
      return stringPaths(def.element!, [...path, 0]);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
      return stringPaths(def.innerType!, path);
    case "pipe":
      return stringPaths(def.in!, path);
    case "union":
      return stringPaths(def.options![0]!, path);
    case "enum":
      // Enums are strings on the wire too: a hostile value must be refused, not crash.
      return [path];
    default:
      return [];
  }
}

function withValueAt(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(base) ? [...(base as unknown[])] : { ...(base as Record<string, unknown>) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head!] = withValueAt(copy[head!], rest, value);
  return copy;
}

// ---- The cases for one route. ----

type Case = { label: string; options: CallOptions; url: string };

function casesFor(route: Route): Case[] {
  const cases: Case[] = [];
  const paramSample = Object.fromEntries(route.params.map((p) => [p, p === "action" ? "disable" : "cnotanid000000000000000000"]));
  if (route.spec?.params) Object.assign(paramSample, sample(route.spec.params) as Record<string, string>);
  const hasBody = route.method !== "GET" && route.method !== "DELETE";
  const bodySample = route.spec?.body ? sample(route.spec.body) : hasBody ? {} : undefined;
  const querySample = route.spec?.query ? (sample(route.spec.query) as Record<string, string>) : {};
  const url = (query: Record<string, string>, raw?: [string, string]) => {
    const parts = Object.entries(query)
      .filter(([k]) => !raw || k !== raw[0])
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
    if (raw) parts.push(`${raw[0]}=${raw[1]}`);
    return `${route.path}${parts.length ? `?${parts.join("&")}` : ""}`;
  };
  const base = (overrides: Partial<CallOptions> = {}): CallOptions => ({
    method: route.method,
    params: paramSample,
    ...(bodySample !== undefined ? { body: bodySample } : {}),
    ...overrides,
  });

  cases.push({ label: "well-formed", options: base(), url: url(querySample) });
  for (const value of HOSTILE) {
    for (const name of route.params)
      cases.push({
        label: `param ${name}=${JSON.stringify(value.slice(0, 12))}`,
        options: base({ params: { ...paramSample, [name]: value } }),
        url: url(querySample),
      });
    for (const path of route.spec?.body ? stringPaths(route.spec.body) : []) {
      cases.push({
        label: `body ${path.join(".")}=${JSON.stringify(value.slice(0, 12))}`,
        options: base({ body: withValueAt(bodySample, path, value) }),
        url: url(querySample),
      });
    }
    if (hasBody && !route.spec?.body)
      cases.push({ label: `body ${JSON.stringify(value.slice(0, 12))}`, options: base({ body: { value } }), url: url(querySample) });
  }
  const queryKeys = route.spec?.query ? stringPaths(route.spec.query).map((p) => String(p[0])) : ["id", "q"];
  for (const value of HOSTILE_QUERY) {
    for (const key of queryKeys) cases.push({ label: `query ${key}=${value.slice(0, 12)}`, options: base(), url: url(querySample, [key, value]) });
  }
  if (route.spec?.acceptsForm) {
    const fields = route.spec.body ? stringPaths(route.spec.body).map((p) => String(p[0])) : [];
    for (const value of HOSTILE_QUERY) {
      const form = [...fields.map((f) => `${f}=${value}`), `next=%2F.%2F%2Fevil.example${value}`].join("&");
      cases.push({
        label: `form ${value.slice(0, 12)}`,
        options: { method: route.method, params: paramSample, rawBody: form, headers: { "content-type": "application/x-www-form-urlencoded" } },
        url: url(querySample),
      });
    }
    // Well-formed fields with a `next` that normalises to another site: the redirect stays home.
    const good = route.spec.body ? Object.entries(sample(route.spec.body) as Record<string, unknown>).filter(([, v]) => typeof v === "string") : [];
    for (const next of ["/.//evil.example/x", "/..//evil.example/x", "/%2e//evil.example/x", "/\\evil.example"]) {
      const form = [...good.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`), `next=${encodeURIComponent(next)}`].join("&");
      cases.push({
        label: `form next=${next}`,
        options: { method: route.method, params: paramSample, rawBody: form, headers: { "content-type": "application/x-www-form-urlencoded" } },
        url: url(querySample),
      });
    }
  }
  return cases;
}

export const ROUTES = await discoverRoutes();

/** The demo world, then every route with every hostile case, signed in as `identity` (null: signed out). */
export function everyRouteRefusesHostileInputAs(identity: string | null): void {
  beforeAll(async () => {
    await createDemoWorld(getDb(), { passwordHash: await hashPassword("not-used-here") });
  });

  describe(`hostile input never gets a 500 as ${identity ?? "a signed-out visitor"}`, () => {
    it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))("%s", async (_name, route) => {
      let redirects = 0;
      for (const testCase of casesFor(route)) {
        // A fresh session each time: some cases sign out, end every session or disable accounts.
        if (identity) await signInAs(identity);
        else signOutLocally();
        const res = await callRoute(route.handler, testCase.url, testCase.options);
        const where = `${route.method} ${testCase.url.slice(0, 120)} (${testCase.label}) → ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status >= 400 && testCase.label.startsWith("form ")) {
          // A failed HTML form gets a page that says what went wrong (server/api/handler.ts formErrorPage).
          expect(res.headers.get("content-type"), where).toBe("text/html; charset=utf-8");
          expect(String(res.json), where).toMatch(/<p role="alert">[^<]+<\/p>/);
        } else if (res.status >= 400) {
          expect(res.json.error?.code, where).toEqual(expect.any(String));
          expect(res.json.error?.message, where).toEqual(expect.any(String));
        }
        if (res.status === 303) {
          redirects += 1;
          expect(res.headers.get("location"), where).toMatch(/^\/(?![/\\])/);
          expect(new URL(res.headers.get("location")!, ORIGIN).origin, where).toBe(ORIGIN);
        }
      }
      // Form posts that succeed answer 303: the sign-out and language forms do for anyone.
      if (route.path === "/api/v1/session/sign-out" || route.path === "/api/v1/locale") expect(redirects).toBeGreaterThan(0);
      // Re-enable anyone a case disabled, so the next route starts from the same world.
      await getDb().user.updateMany({ where: { status: "DISABLED" }, data: { status: "ACTIVE" } });
    });
  });
}
