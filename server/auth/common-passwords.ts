import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The passwords people choose most (server/auth/common-passwords.txt, written by
 * scripts/common-passwords.ts; decision 047): a new password on that list is refused, as ASVS 6.2.4
 * and NIST SP 800-63B ask, whatever its length. Compared without case, and also with spaces taken
 * out, so "Password 1" is refused as "password1" is. Read on the first check, kept afterwards.
 */
let common: Set<string> | undefined;

export const normalisePassword = (password: string) => password.normalize("NFKC").toLocaleLowerCase("uk-UA");

export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    readFileSync(join(process.cwd(), "server", "auth", "common-passwords.txt"), "utf8")
      .split("\n")
      .filter(Boolean),
  );
  const normal = normalisePassword(password);
  return common.has(normal) || common.has(normal.replace(/\s+/g, ""));
}

/** How many passwords the list holds (the README and the tests quote it). */
export function commonPasswordCount(): number {
  isCommonPassword("");
  return common!.size;
}
