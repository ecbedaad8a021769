// Types of scripts/client-message-keys.mjs for its test.
export const KEYS_FILE: string;
export function scanSource(
  source: string,
  file?: string,
): { keys: Map<string, Set<string>>; whole: Set<string>; anyNamespace: Set<string>; problems: string[] };
export function collectClientMessageKeys(root?: string): { keys: Record<string, string[] | "*">; problems: string[] };
export function serialise(keys: Record<string, string[] | "*">): string;
