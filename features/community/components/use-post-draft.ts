"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { callApi } from "@/ui/api-client";
import type { DraftKind, TDraftContent, TDraftView } from "../draft-schemas";
import { forgetOtherDrafts, isEmptyDraft, localDraftKey, readLocalDraft, removeLocalDraft, writeLocalDraft, type LocalDraft } from "./local-drafts";

/** Wait this long after the last keystroke before sending the draft to the server. */
const SAVE_DELAY_MS = 1200;

export type DraftStatus =
  | { state: "idle" }
  | { state: "saving" }
  /** The server holds the text as of `at`. */
  | { state: "server"; at: number }
  /** Only this device holds the newest text (offline, or the server refused it). */
  | { state: "local"; at: number }
  /** A draft was put back into the form; `at` is when it was written. */
  | { state: "restored"; at: number };

type Options = {
  /** Whose drafts (null: keep none — a form outside a `CommunityComposer`). */
  userId: string | null;
  kind: DraftKind;
  target: string;
  /** The form's fields now. */
  content: TDraftContent;
  /** Puts a kept draft back into the form; called at most once, only while the form is untouched. */
  onRestore: (content: TDraftContent) => void;
};

const draftPath = (kind: DraftKind, target: string) => `/api/v1/community/drafts/${kind}/${encodeURIComponent(target)}`;

/**
 * Keeps a post form's text as it is typed (decision 025): on the device at once, on the server a
 * moment after typing stops (and again when the connection returns), with a revision that only
 * grows so a late save never overwrites newer text. On opening, the newer of the device's and the
 * server's copies comes back. `settle()` before publishing, `clear()` after (the server deletes its
 * copy in the publishing transaction).
 */
export function usePostDraft({ userId, kind, target, content, onRestore }: Options) {
  const [status, setStatus] = useState<DraftStatus>({ state: "idle" });
  const key = userId ? localDraftKey(userId, kind, target) : null;
  const revision = useRef(0);
  const pending = useRef<LocalDraft | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const serverHasDraft = useRef(false);
  const loaded = useRef(false);
  const touched = useRef(false);
  const lastJson = useRef(JSON.stringify(content));
  const restore = useRef(onRestore);
  useEffect(() => {
    restore.current = onRestore;
  });

  /** Sends the newest unsent text; `quiet` keeps the status as it is (a restored draft being sent). */
  const sync = useCallback(
    async (quiet = false): Promise<void> => {
      const draft = pending.current;
      if (!draft || !key) return;
      if (inflight.current) await inflight.current.catch(() => undefined);
      if (pending.current !== draft) return;
      if (typeof navigator !== "undefined" && navigator.onLine === false) {
        if (!quiet) setStatus({ state: "local", at: draft.savedAt });
        return;
      }
      if (!quiet) setStatus({ state: "saving" });
      const request = callApi<{ revision: number; updatedAt: string; applied: boolean }>(
        "PUT",
        draftPath(kind, target),
        { revision: draft.revision, content: draft.content },
        "",
        "offline",
      ).then(
        (saved) => {
          serverHasDraft.current = true;
          // Another tab or device saved newer text meanwhile: continue above its revision.
          if (saved.revision > revision.current) revision.current = saved.revision;
          if (pending.current === draft) {
            pending.current = null;
            writeLocalDraft(key, { ...draft, synced: true });
          }
          if (!quiet) setStatus({ state: "server", at: Date.now() });
        },
        () => {
          if (!quiet) setStatus({ state: "local", at: draft.savedAt });
        },
      );
      inflight.current = request;
      await request;
      if (inflight.current === request) inflight.current = null;
    },
    [key, kind, target],
  );

  // Opening the form: forget other people's copies on this device, then bring back the newest draft.
  useEffect(() => {
    if (!userId || !key) return;
    let cancelled = false;
    forgetOtherDrafts(userId);
    const local = readLocalDraft(key);
    const fromServer = callApi<{ draft: TDraftView | null }>("GET", draftPath(kind, target), undefined, "", "offline").then(
      (r) => r.draft,
      () => null,
    );
    void fromServer.then((server) => {
      if (cancelled) return;
      serverHasDraft.current = server !== null;
      revision.current = Math.max(revision.current, local?.revision ?? 0, server?.revision ?? 0);
      const newest =
        server && (!local || server.revision >= local.revision)
          ? { ...server, at: Date.parse(server.updatedAt) }
          : local
            ? { ...local, at: local.savedAt }
            : null;
      loaded.current = true;
      if (!newest || touched.current || isEmptyDraft(newest.content)) return;
      if (JSON.stringify(newest.content) !== lastJson.current) {
        lastJson.current = JSON.stringify(newest.content);
        restore.current(newest.content);
      }
      setStatus({ state: "restored", at: newest.at });
      // Written on this device while offline and never sent: send it now.
      if (local && !local.synced && (!server || local.revision > server.revision)) {
        pending.current = local;
        void sync(true);
      }
    });
    const online = () => void sync();
    window.addEventListener("online", online);
    return () => {
      cancelled = true;
      window.removeEventListener("online", online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [userId, key, kind, target, sync]);

  // Every change: the device's copy at once, the server's after a pause in typing.
  useEffect(() => {
    if (!key) return;
    const json = JSON.stringify(content);
    if (json === lastJson.current) return;
    lastJson.current = json;
    if (!loaded.current) touched.current = true;
    if (timer.current) clearTimeout(timer.current);
    // Never below a revision seen: the device's clock may be behind another device's.
    const rev = Math.max(Date.now(), revision.current + 1);
    revision.current = rev;
    if (isEmptyDraft(content)) {
      pending.current = null;
      removeLocalDraft(key);
      if (serverHasDraft.current) {
        serverHasDraft.current = false;
        void callApi("DELETE", `${draftPath(kind, target)}?upTo=${rev}`, undefined, "", "offline").catch(() => undefined);
      }
      return;
    }
    const draft: LocalDraft = { revision: rev, savedAt: Date.now(), synced: false, content };
    pending.current = draft;
    writeLocalDraft(key, draft);
    // Offline, say at once that the device has it; online, wait for a pause in typing.
    if (typeof navigator !== "undefined" && navigator.onLine === false) void sync();
    else timer.current = setTimeout(() => void sync(), SAVE_DELAY_MS);
  }, [content, key, kind, target, sync]);

  /** Before publishing: stop the pending save and wait for one on its way, so it cannot land after the post. */
  const settle = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    await inflight.current?.catch(() => undefined);
  }, []);

  /** After publishing: the device's copy goes (the server's went with the post). */
  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    pending.current = null;
    serverHasDraft.current = false;
    if (key) removeLocalDraft(key);
    setStatus({ state: "idle" });
  }, [key]);

  // An emptied form keeps nothing, so it says nothing.
  return { status: isEmptyDraft(content) ? ({ state: "idle" } as const) : status, settle, clear };
}
