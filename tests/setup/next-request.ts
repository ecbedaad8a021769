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

/**
 * `after()` from next/server needs Next's request scope too. Tests queue the work instead, as Next
 * does until the response is sent, and run it with runAfterResponseTasks().
 */
const afterTasks: Array<() => unknown> = [];

export async function runAfterResponseTasks(): Promise<void> {
  while (afterTasks.length) await afterTasks.shift()!();
}

/** How many tasks wait for "after the response" (tests that check nothing ran before answering). */
export function pendingAfterResponseTasks(): number {
  return afterTasks.length;
}

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: (() => unknown) | Promise<unknown>) => {
    afterTasks.push(typeof task === "function" ? task : () => task);
  },
}));
