import type { IncomingMessage, ServerResponse } from "node:http";
export type BrotliAsset = { br: Buffer; type: string };
export function precompressStatic(staticDir: string, urlPrefix?: string): Map<string, BrotliAsset>;
export function acceptsBrotli(header: string | string[] | undefined): boolean;
export function serveBrotliStatic(
  req: IncomingMessage,
  res: ServerResponse,
  assets: Map<string, BrotliAsset>,
  securityHeaders: readonly { key: string; value: string }[],
): boolean;
