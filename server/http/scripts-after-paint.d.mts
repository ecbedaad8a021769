import type { ServerResponse } from "node:http";
export function deferScriptTag(tag: string, inner: string): string;
export function dropScriptPreload(tag: string, inner: string): string;
export function loaderScript(nonce: string): string;
export function nonceFromPolicy(policy: unknown): string | null;
export function createPageRewriter(nonce: string): { push(chunk: string): string; end(): string };
export function deferScriptsInHtml<T extends ServerResponse>(res: T): T;
