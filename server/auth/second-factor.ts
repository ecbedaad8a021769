// No "server-only" here, like password.ts: the end-to-end factory (a plain Node module) enrols test people with it.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import { getAuthSecret } from "../env";

/**
 * Second-factor primitives (decision 052): the box TOTP secrets are kept in, TOTP codes (RFC 6238:
 * 6 digits, 30 s, SHA-1, as every authenticator app reads them), recovery codes, and the mark a
 * session gets when it proves the factor. What a person may do with them lives in
 * features/accounts/server/second-factor/.
 */

/** Issuer shown in authenticator apps beside the account's e-mail. */
export const TOTP_ISSUER = "Сходинки";
/** Codes one step either side of now are accepted: a phone clock a little off still works. */
const TOTP_TOLERANCE_SECONDS = 30;
const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: a code read off paper is typed right. 31 symbols × 10 = about 49.5 bits. */
const RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const RECOVERY_CODE_LENGTH = 10;

function boxKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", getAuthSecret(), "skhodynky-second-factor", purpose, 32));
}

/**
 * Encrypts a value (AES-256-GCM, a key derived from AUTH_SECRET for this purpose): TOTP secrets at
 * rest, and the secret of an enrolment in progress while it travels through the browser.
 */
export function sealValue(plain: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", boxKey(purpose), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1.${iv.toString("base64url")}.${sealed.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}`;
}

/** Opens what `sealValue` sealed for the same purpose; null when it was altered or sealed otherwise. */
export function openValue(sealed: string, purpose: string): string | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== "v1" || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", boxKey(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export const TOTP_SECRET_PURPOSE = "totp-secret";

/** A new shared secret (160 bits, base32) for an authenticator app. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountName, secret, period: TOTP_PERIOD_SECONDS, digits: 6 });
}

/** Digits only: people type codes with spaces ("123 456") as the apps show them. */
export function normaliseTotpCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}

/**
 * The 30-second step the code belongs to when it is right for `secret` now (± one step), else null.
 * The caller accepts a step only once (a compare-and-set on the factor's `lastStep`).
 */
export async function totpStep(secret: string, codeInput: string, now = Date.now()): Promise<number | null> {
  const code = normaliseTotpCode(codeInput);
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: TOTP_TOLERANCE_SECONDS, period: TOTP_PERIOD_SECONDS });
  return result.valid ? Math.floor(epoch / TOTP_PERIOD_SECONDS) + result.delta : null;
}

/** Ten new recovery codes, shown once as "xxxxx-xxxxx". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    let code = "";
    for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** What is kept of a recovery code: a SHA-256 of it without case, spaces or dashes (the code has ~50 random bits). */
export function hashRecoveryCode(input: string): string {
  return createHash("sha256").update(input.toLowerCase().replace(/[\s-]/g, "")).digest("hex");
}
