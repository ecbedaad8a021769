// Which address a request came from, and which proxies may say so. Plain JavaScript so that
// scripts/serve.mjs (run by node with no TypeScript step) and the app apply one rule.
import { BlockList, isIP } from "node:net";

/**
 * A bare IP address from an X-Forwarded-For entry or a socket: ports and brackets removed,
 * IPv4-mapped IPv6 (`::ffff:10.0.0.1`) written as IPv4, IPv6 in lower case.
 * Anything that is not an address comes back trimmed and cut to 64 characters.
 */
export function normaliseAddress(value) {
  let text = String(value ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(text);
  if (mapped) text = mapped[1];
  return isIP(text) === 6 ? text.toLowerCase() : text.slice(0, 64);
}

/**
 * Reads TRUSTED_PROXIES: comma-separated IPv4/IPv6 addresses or CIDR ranges.
 * Returns the entries, or the first entry that is neither.
 */
export function parseTrustedProxies(text) {
  const entries = String(text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const version = isIP(normaliseAddress(address));
    const max = version === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= max);
    if (!version || !prefixOk || extra !== undefined) return { ok: false, invalid: entry };
  }
  return { ok: true, entries };
}

/** The trust rule: the nearest `hops` entries are proxies, and so is any address in `proxies`. */
export function createProxyTrust({ proxies = [], hops = 0 } = {}) {
  const list = new BlockList();
  for (const entry of proxies) {
    const [raw, prefix] = entry.split("/");
    const address = normaliseAddress(raw);
    const type = isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return { hops, list };
}

/** Whether the entry `position` places from the right of X-Forwarded-For (0 = the socket peer) is a proxy. */
export function isTrustedHop(trust, address, position) {
  if (position < trust.hops) return true;
  const version = isIP(address);
  return version !== 0 && trust.list.check(address, version === 4 ? "ipv4" : "ipv6");
}

/**
 * The X-Forwarded-For value the app should see: the socket peer is always the last entry. A peer
 * that is a trusted proxy keeps what it forwarded before itself; anyone else's header is dropped,
 * because a client may write whatever it likes there.
 */
export function forwardedForWithPeer(existing, peer, trust) {
  const address = normaliseAddress(peer);
  if (!address) return existing || undefined;
  const before = Array.isArray(existing) ? existing.join(",") : existing;
  return isTrustedHop(trust, address, 0) && before?.trim() ? `${before}, ${address}` : address;
}

/**
 * The client's address: walk X-Forwarded-For from the right (the socket peer, as scripts/serve.mjs
 * puts it) past trusted proxies; the first address not trusted is the client. When every entry is
 * trusted, the leftmost is the best anyone knows. Null without the header.
 */
export function clientAddressFrom(forwardedFor, trust) {
  const hops = String(forwardedFor ?? "")
    .split(",")
    .map(normaliseAddress)
    .filter(Boolean);
  for (let position = 0; position < hops.length; position++) {
    const address = hops[hops.length - 1 - position];
    if (!isTrustedHop(trust, address, position)) return address;
  }
  return hops[0] ?? null;
}
