import { describe, expect, it } from "vitest";
import { forgetOtherDrafts, isEmptyDraft, localDraftKey, readLocalDraft, writeLocalDraft } from "./local-drafts";

/** A Storage in memory, with the key enumeration `forgetOtherDrafts` walks. */
class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  clear() {
    this.data.clear();
  }
}

const DAY = 24 * 60 * 60 * 1000;
const draft = (savedAt: number, body = "Текст") => ({ revision: savedAt, savedAt, synced: false, content: { body } });

describe("the device's copies of drafts", () => {
  it("are kept per person, form and target, and read back as written", () => {
    const store = new MemoryStorage();
    const key = localDraftKey("u-anna", "reply", "t-1");
    expect(key).toBe("skh:draft:v1:u-anna:reply:t-1");
    expect(writeLocalDraft(key, draft(1000, "Довга відповідь"), store)).toBe(true);
    expect(readLocalDraft(key, store)).toEqual(draft(1000, "Довга відповідь"));
    expect(readLocalDraft(localDraftKey("u-olha", "reply", "t-1"), store)).toBeNull();
    store.setItem(localDraftKey("u-anna", "reply", "t-2"), "{not json");
    expect(readLocalDraft(localDraftKey("u-anna", "reply", "t-2"), store)).toBeNull();
  });

  it("of someone else on a shared browser, and old ones, are forgotten when a form opens", () => {
    const store = new MemoryStorage();
    const now = 100 * DAY;
    writeLocalDraft(localDraftKey("u-anna", "reply", "t-1"), draft(now - DAY), store);
    writeLocalDraft(localDraftKey("u-anna", "thread", "space"), draft(now - 31 * DAY), store);
    writeLocalDraft(localDraftKey("u-olha", "reply", "t-1"), draft(now - DAY), store);
    store.setItem("skh:pending-work", "[]");
    forgetOtherDrafts("u-anna", now, store);
    expect(readLocalDraft(localDraftKey("u-anna", "reply", "t-1"), store)).not.toBeNull();
    expect(readLocalDraft(localDraftKey("u-anna", "thread", "space"), store)).toBeNull();
    expect(readLocalDraft(localDraftKey("u-olha", "reply", "t-1"), store)).toBeNull();
    // Other things on the device (the offline lesson queue) are not touched.
    expect(store.getItem("skh:pending-work")).toBe("[]");
  });

  it("are not kept for an empty form", () => {
    expect(isEmptyDraft({ body: "  \n" })).toBe(true);
    expect(isEmptyDraft({ threadKind: "HARD_CASE", title: "", hardCase: { situation: "", tried: "", question: "" } })).toBe(true);
    expect(isEmptyDraft({ threadKind: "HARD_CASE", title: "", hardCase: { situation: "", tried: "x", question: "" } })).toBe(false);
  });
});
