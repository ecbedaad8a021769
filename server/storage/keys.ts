import { randomBytes } from "node:crypto";

/**
 * Keys are made by the app, never from a file's name: lower-case letters and digits in segments
 * joined by "/", "-" or "_". No "." at all, so no ".." and no hidden or temporary names, and no
 * leading "/", so a key can never name a place outside the storage's folder or bucket prefix.
 */
const KEY = /^[a-z0-9]+(?:[/_-][a-z0-9]+)*$/;
export const MAX_KEY_LENGTH = 200;

export function isValidKey(key: string): boolean {
  return key.length <= MAX_KEY_LENGTH && KEY.test(key);
}

export function assertValidKey(key: string): void {
  if (!isValidKey(key)) throw new Error("Invalid storage key");
}

/** A fresh key for an upload: month folder and 128 random bits ("files/2026-12/3k…"). */
export function newFileKey(now = new Date()): string {
  const month = now.toISOString().slice(0, 7);
  return `files/${month}/${randomBytes(16).toString("hex")}`;
}
