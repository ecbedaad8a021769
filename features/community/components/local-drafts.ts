import type { TDraftContent } from "../draft-schemas";

/**
 * The device's copy of a post draft (decision 025), in localStorage under the person's id, the
 * kind of form and its target, so two people on one shared office browser never see each other's
 * text. Written on every change, so a dropped connection or a closed tab loses nothing; the
 * server's copy follows when online.
 */
const PREFIX = "skh:draft:v1:";
/** Device copies older than this are dropped, like the server's (server/jobs/retention.ts). */
const KEEP_MS = 30 * 24 * 60 * 60 * 1000;

export type LocalDraft = {
  revision: number;
  /** When it was written on this device (ms). */
  savedAt: number;
  /** True once the server holds this revision. */
  synced: boolean;
  content: TDraftContent;
};

export function localDraftKey(userId: string, kind: string, target: string): string {
  return `${PREFIX}${userId}:${kind}:${target}`;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Storage refused (private mode, a policy): the server copy still works.
    return null;
  }
}

export function readLocalDraft(key: string, store = storage()): LocalDraft | null {
  try {
    const raw = store?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<LocalDraft>;
    if (typeof parsed.revision !== "number" || typeof parsed.savedAt !== "number" || typeof parsed.content !== "object" || parsed.content === null) return null;
    return { revision: parsed.revision, savedAt: parsed.savedAt, synced: parsed.synced === true, content: parsed.content };
  } catch {
    return null;
  }
}

export function writeLocalDraft(key: string, draft: LocalDraft, store = storage()): boolean {
  try {
    store?.setItem(key, JSON.stringify(draft));
    return store !== null;
  } catch {
    // Full or refused: the server copy is the only one.
    return false;
  }
}

export function removeLocalDraft(key: string, store = storage()): void {
  try {
    store?.removeItem(key);
  } catch {
    // Nothing to remove when storage is refused.
  }
}

/**
 * Removes the device's drafts of anyone but `userId` (someone else signed in on this browser since:
 * their drafts went to the server when they were online) and drafts older than a month.
 */
export function forgetOtherDrafts(userId: string, now = Date.now(), store = storage()): void {
  if (!store) return;
  try {
    const mine = `${PREFIX}${userId}:`;
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) {
      const draft = key.startsWith(mine) ? readLocalDraft(key, store) : null;
      if (!draft || now - draft.savedAt > KEEP_MS) store.removeItem(key);
    }
  } catch {
    // Storage refused: nothing is kept there either.
  }
}

/** True when the form holds nothing worth keeping. */
export function isEmptyDraft(content: TDraftContent): boolean {
  const parts = [content.title, content.body, content.hardCase?.situation, content.hardCase?.tried, content.hardCase?.question];
  return parts.every((p) => !p || !p.trim());
}
