"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { ApiError, callApi, newKey } from "@/ui/api-client";
import { PostForm } from "./post-form";

type Props = {
  postId: string;
  helpfulCount: number;
  markedHelpful: boolean;
  canMarkHelpful: boolean;
  canAccept: boolean;
  canDelete: boolean;
  /** The text to edit, when the reader may edit the post. */
  editableBody: string | null;
};

/** A post's buttons: helpful (another's post), accept as the answer, remove one's own. */
export function PostActions({ postId, helpfulCount, markedHelpful, canMarkHelpful, canAccept, canDelete, editableBody }: Props) {
  const t = useT("community");
  const tc = useT("common");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const run = async (method: string, path: string, body: unknown, key: string) => {
    setBusy(true);
    setError(null);
    try {
      await callApi(method, path, body, key, tc("offline"));
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : tc("offline"));
    } finally {
      setBusy(false);
    }
  };
  if (editing && editableBody !== null) return <PostForm mode="edit" postId={postId} initialBody={editableBody} onDone={() => setEditing(false)} />;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
      {canMarkHelpful ? (
        <button
          type="button"
          className="btn-secondary"
          aria-pressed={markedHelpful}
          disabled={busy}
          onClick={() => void run("PUT", `/api/v1/community/posts/${postId}/helpful`, { helpful: !markedHelpful }, "")}
        >
          {t("helpful")} ({helpfulCount})
        </button>
      ) : (
        <span>{t("helpfulCount", { count: helpfulCount })}</span>
      )}
      {canAccept ? (
        <button type="button" className="btn" disabled={busy} onClick={() => void run("POST", `/api/v1/community/posts/${postId}/accept`, undefined, newKey())}>
          {t("accept")}
        </button>
      ) : null}
      {editableBody !== null ? (
        <button type="button" className="btn-secondary" onClick={() => setEditing(true)}>
          {t("edit")}
        </button>
      ) : null}
      {canDelete ? (
        <button
          type="button"
          className="btn-danger"
          disabled={busy}
          onClick={() => void run("DELETE", `/api/v1/community/posts/${postId}`, undefined, newKey())}
        >
          {t("delete")}
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
