import { vi } from "vitest";

/**
 * Route handlers read cookies through next/headers, which only works inside Next's request scope.
 * Tests run handlers directly, so next/headers is replaced by a jar the test helpers fill
 * (tests/helpers/api.ts). The jar records what a handler sets, like a browser would.
 */
type Jar = Map<string, string>;
const state: { jar: Jar; headers: Headers } = { jar: new Map(), headers: new Headers() };

export function testCookieJar(): Jar {
  return state.jar;
}
export function setTestRequestHeaders(headers: Headers): void {
  state.headers = headers;
}

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (state.jar.has(name) ? { name, value: state.jar.get(name)! } : undefined),
    getAll: () => [...state.jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => state.jar.has(name),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (options?.maxAge === 0 || value === "") state.jar.delete(name);
      else state.jar.set(name, value);
    },
    delete: (name: string) => state.jar.delete(name),
  }),
  headers: async () => state.headers,
}));
