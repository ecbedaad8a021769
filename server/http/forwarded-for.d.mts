import type { BlockList } from "node:net";

export type ProxyTrust = { hops: number; list: BlockList };

export function normaliseAddress(value: string | null | undefined): string;
export function parseTrustedProxies(text: string | null | undefined): { ok: true; entries: string[] } | { ok: false; invalid: string };
export function createProxyTrust(options?: { proxies?: string[]; hops?: number }): ProxyTrust;
export function isTrustedHop(trust: ProxyTrust, address: string, position: number): boolean;
export function forwardedForWithPeer(existing: string | string[] | undefined, peer: string | undefined, trust: ProxyTrust): string | undefined;
export function clientAddressFrom(forwardedFor: string | null | undefined, trust: ProxyTrust): string | null;
