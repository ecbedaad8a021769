import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCacheForTests } from "../env";
import { clientIp } from "./client-ip";
import { createProxyTrust, forwardedForWithPeer, normaliseAddress, parseTrustedProxies } from "../http/forwarded-for.mjs";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCacheForTests();
});

function configure(vars: { TRUSTED_PROXIES?: string; TRUSTED_PROXY_HOPS?: string }) {
  process.env = { ...saved };
  delete process.env.TRUSTED_PROXIES;
  delete process.env.TRUSTED_PROXY_HOPS;
  Object.assign(process.env, vars);
  resetEnvCacheForTests();
}

const ip = (forwardedFor: string | undefined, extra: Record<string, string> = {}) =>
  clientIp(new Headers({ ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }), ...extra }));

// X-Forwarded-For as scripts/serve.mjs hands it on: the socket peer is always the last entry.
describe("clientIp", () => {
  const cases: Array<{ name: string; env: { TRUSTED_PROXIES?: string; TRUSTED_PROXY_HOPS?: string }; xff: string | undefined; expected: string }> = [
    { name: "no proxies: the socket peer, whatever the client wrote before it", env: {}, xff: "1.1.1.1, 203.0.113.7", expected: "203.0.113.7" },
    { name: "no proxies: a rotated client-written hop changes nothing", env: {}, xff: "9.9.9.9, 203.0.113.7", expected: "203.0.113.7" },
    { name: "no proxies: a single peer", env: {}, xff: "203.0.113.7", expected: "203.0.113.7" },
    { name: "a trusted proxy: the client it saw", env: { TRUSTED_PROXIES: "10.0.0.5" }, xff: "198.51.100.4, 10.0.0.5", expected: "198.51.100.4" },
    {
      name: "a trusted proxy: hops the client wrote before its own address are ignored",
      env: { TRUSTED_PROXIES: "10.0.0.5" },
      xff: "6.6.6.6, 198.51.100.4, 10.0.0.5",
      expected: "198.51.100.4",
    },
    {
      name: "a peer outside TRUSTED_PROXIES is the client even when it forwards",
      env: { TRUSTED_PROXIES: "10.0.0.5" },
      xff: "198.51.100.4, 10.0.0.6",
      expected: "10.0.0.6",
    },
    { name: "CIDR range: two proxies inside it", env: { TRUSTED_PROXIES: "10.0.0.0/8" }, xff: "198.51.100.4, 10.1.2.3, 10.0.0.5", expected: "198.51.100.4" },
    { name: "CIDR range: an address just outside", env: { TRUSTED_PROXIES: "192.168.1.0/24" }, xff: "198.51.100.4, 192.168.2.1", expected: "192.168.2.1" },
    { name: "several entries, IPv4 and IPv6", env: { TRUSTED_PROXIES: "10.0.0.0/8, fd00::/8" }, xff: "2001:db8::42, fd12:3456::1", expected: "2001:db8::42" },
    { name: "IPv6 written in capitals and brackets with a port", env: {}, xff: "[2001:DB8::42]:51234", expected: "2001:db8::42" },
    {
      name: "an IPv4-mapped IPv6 peer matches an IPv4 proxy entry",
      env: { TRUSTED_PROXIES: "127.0.0.1" },
      xff: "198.51.100.4, ::ffff:127.0.0.1",
      expected: "198.51.100.4",
    },
    { name: "an IPv4-mapped IPv6 client is written as IPv4", env: {}, xff: "::ffff:198.51.100.4", expected: "198.51.100.4" },
    { name: "hop count: one proxy in front", env: { TRUSTED_PROXY_HOPS: "1" }, xff: "6.6.6.6, 198.51.100.4, 10.0.0.5", expected: "198.51.100.4" },
    { name: "hop count: two proxies in front", env: { TRUSTED_PROXY_HOPS: "2" }, xff: "6.6.6.6, 198.51.100.4, 10.9.9.9, 10.0.0.5", expected: "198.51.100.4" },
    { name: "every entry trusted: the farthest one known", env: { TRUSTED_PROXY_HOPS: "3" }, xff: "198.51.100.4, 10.0.0.5", expected: "198.51.100.4" },
    { name: "an IPv4 entry with a port", env: {}, xff: "203.0.113.7:4431", expected: "203.0.113.7" },
    { name: "no header at all", env: {}, xff: undefined, expected: "local" },
  ];

  for (const c of cases) {
    it(c.name, () => {
      configure(c.env);
      expect(ip(c.xff)).toBe(c.expected);
    });
  }

  it("does not believe X-Real-IP", () => {
    configure({});
    expect(ip("203.0.113.7", { "x-real-ip": "1.2.3.4" })).toBe("203.0.113.7");
    expect(ip(undefined, { "x-real-ip": "1.2.3.4" })).toBe("local");
  });

  it("gives one answer however a client rotates the header, without trusted proxies", () => {
    configure({});
    const answers = new Set(Array.from({ length: 20 }, (_, i) => ip(`10.${i}.0.1, 172.16.${i}.9, 203.0.113.7`)));
    expect([...answers]).toEqual(["203.0.113.7"]);
  });

  it("reads the plain object headers next-auth hands to authorize()", () => {
    configure({ TRUSTED_PROXIES: "10.0.0.5" });
    expect(clientIp({ "x-forwarded-for": "198.51.100.4, 10.0.0.5" })).toBe("198.51.100.4");
  });
});

describe("the X-Forwarded-For scripts/serve.mjs hands to Next", () => {
  it("replaces what an untrusted peer sent with the peer alone", () => {
    const trust = createProxyTrust({ proxies: ["10.0.0.5"] });
    expect(forwardedForWithPeer("1.2.3.4", "203.0.113.7", trust)).toBe("203.0.113.7");
    expect(forwardedForWithPeer(undefined, "::ffff:203.0.113.7", trust)).toBe("203.0.113.7");
  });

  it("appends a trusted proxy to what it forwarded", () => {
    expect(forwardedForWithPeer("198.51.100.4", "10.0.0.5", createProxyTrust({ proxies: ["10.0.0.0/24"] }))).toBe("198.51.100.4, 10.0.0.5");
    expect(forwardedForWithPeer("198.51.100.4", "10.0.0.5", createProxyTrust({ hops: 1 }))).toBe("198.51.100.4, 10.0.0.5");
    expect(forwardedForWithPeer(undefined, "10.0.0.5", createProxyTrust({ hops: 1 }))).toBe("10.0.0.5");
  });
});

describe("TRUSTED_PROXIES parsing", () => {
  it("accepts addresses and ranges of both families", () => {
    expect(parseTrustedProxies(" 10.0.0.1, 10.0.0.0/8 ,::1, fd00::/8")).toEqual({ ok: true, entries: ["10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"] });
  });

  it.each(["10.0.0.0/33", "fd00::/129", "proxy.internal", "10.0.0.1/8/2", "10.0.0/8"])("refuses %s", (entry) => {
    expect(parseTrustedProxies(`10.0.0.1, ${entry}`)).toEqual({ ok: false, invalid: entry });
  });

  it("normalises addresses", () => {
    expect(normaliseAddress(" ::FFFF:10.0.0.1 ")).toBe("10.0.0.1");
    expect(normaliseAddress("[::1]:80")).toBe("::1");
  });
});
