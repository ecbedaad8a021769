import { describe, expect, it } from "vitest";
import { findPersonalData } from "@/features/privacy/personal-data";
import { DEMO_INVITING_GROUP, DEMO_KNOWLEDGE_ENTRY, DEMO_THREADS } from "@/tests/factories/demo-community";
import { existsSync } from "node:fs";

describe("the demo community", () => {
  it("holds no client data: the guard finds nothing in any demo title or post", () => {
    for (const thread of DEMO_THREADS) {
      expect(findPersonalData(thread.title), thread.title).toEqual([]);
      for (const post of thread.posts) expect(findPersonalData(post.body), post.body.slice(0, 40)).toEqual([]);
    }
  });

  it("summarises a demo question that has an accepted answer, without client data in the entry or the new group", () => {
    const thread = DEMO_THREADS.find((t) => t.title === DEMO_KNOWLEDGE_ENTRY.threadTitle);
    expect(thread?.kind).toBe("QUESTION");
    expect(thread?.posts.some((p) => p.accepted)).toBe(true);
    for (const text of [DEMO_KNOWLEDGE_ENTRY.title, DEMO_KNOWLEDGE_ENTRY.summary, DEMO_INVITING_GROUP.name, DEMO_INVITING_GROUP.description])
      expect(findPersonalData(text), text).toEqual([]);
  });

  it("links only lessons that exist", () => {
    for (const thread of DEMO_THREADS)
      for (const post of thread.posts)
        for (const [, id] of post.body.matchAll(/\[\[lesson:([a-z0-9-]+)\]\]/g)) expect(existsSync(`content/lessons/${id}`), id).toBe(true);
  });
});
