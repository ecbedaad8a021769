"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useT } from "@/ui/messages";
import { ApiError } from "@/ui/api-client";
import { callApi, newKey } from "@/ui/api";
import { ScreenMarkPicker } from "./screen-mark-picker";
import { insertIntoTextarea } from "./textarea-insert";

export type ItemFile = { id: string; name: string; kind: string; contentType: string; size: number };

const EXTENSION: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/svg+xml": "svg", "application/pdf": "pdf" };
/** How the text refers to an uploaded file (decision 032): `./f-<id>.<ext>`. */
export const fileReference = (file: Pick<ItemFile, "id" | "contentType">) => `./f-${file.id}.${EXTENSION[file.contentType] ?? "bin"}`;

type Props = {
  itemId: string;
  kind: "lesson" | "walkthrough" | "note";
  files: ItemFile[];
  textareaId: string;
  /** False while the draft is under review: files may not change then. */
  isEditable: boolean;
};

/**
 * The item's files: upload (images up to 2 MB, PDF up to 10 MB — JavaScript sends the raw file),
 * insert an image into the text at the caret, and for a guide place marks on a screen by clicking.
 * A note's PDFs are listed for its readers as attachments.
 */
export function ItemFiles({ itemId, kind, files, textareaId, isEditable }: Props) {
  const t = useT();
  const router = useRouter();
  const inputId = useId();
  const [status, setStatus] = useState("");
  const [isBusy, setBusy] = useState(false);
  const [pickerFor, setPickerFor] = useState<string | null>(null);

  async function upload(file: File) {
    setBusy(true);
    setStatus(t("authoring.files.uploading"));
    try {
      const response = await fetch(`/api/v1/files?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        headers: { "Content-Type": file.type || "application/octet-stream", "Idempotency-Key": newKey() },
        body: file,
        credentials: "same-origin",
      }).catch(() => null);
      if (!response) throw new ApiError(0, { code: "offline", message: t("authoring.files.offline") }, true);
      const data = (await response.json().catch(() => null)) as { id?: string; error?: { message: string } } | null;
      if (!response.ok || !data?.id)
        throw new ApiError(response.status, { code: "upload", message: data?.error?.message ?? t("authoring.files.failed") }, false);
      await callApi("POST", `/api/v1/authoring/items/${itemId}/files`, { fileId: data.id }, newKey(), t("authoring.files.offline"));
      setStatus(t("authoring.files.uploaded", { name: file.name }));
      router.refresh();
    } catch (error) {
      setStatus(error instanceof ApiError ? error.message : t("authoring.files.failed"));
    } finally {
      setBusy(false);
    }
  }

  function insert(file: ItemFile) {
    const area = document.getElementById(textareaId);
    if (!(area instanceof HTMLTextAreaElement)) return;
    const ref = fileReference(file);
    const text =
      kind === "walkthrough"
        ? `screen="${ref}"`
        : `<Figure src="${ref}" alt="${t("authoring.files.altPlaceholder")}" caption="${t("authoring.files.captionPlaceholder")}" />`;
    insertIntoTextarea(area, {
      text,
      placement: kind === "walkthrough" ? "inline" : "block",
      select: kind === "walkthrough" ? undefined : t("authoring.files.altPlaceholder"),
    });
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="grid gap-3">
      <h2 id={`${inputId}-heading`} className="text-lg font-semibold">
        {t("authoring.files.title")}
      </h2>
      <p className="text-sm text-muted">
        {kind === "walkthrough" ? t("authoring.files.hintGuide") : kind === "note" ? t("authoring.files.hintNote") : t("authoring.files.hintLesson")}
      </p>
      {isEditable ? (
        <div className="grid gap-1">
          <label htmlFor={inputId} className="font-semibold">
            {t("authoring.files.choose")}
          </label>
          <input
            id={inputId}
            type="file"
            accept={kind === "note" ? "application/pdf,image/png,image/jpeg,image/svg+xml" : "image/png,image/jpeg,image/svg+xml"}
            disabled={isBusy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void upload(file);
              e.currentTarget.value = "";
            }}
          />
        </div>
      ) : null}
      <p role="status" className="text-sm">
        {status}
      </p>
      {files.length ? (
        <ul className="grid gap-3">
          {files.map((file) => (
            <li key={file.id} className="grid gap-2 rounded border border-neutral-300 p-2">
              <span className="break-all">
                <a href={`/api/v1/files/${file.id}`}>{file.name}</a> · {Math.ceil(file.size / 1024)} KB · <code>{fileReference(file)}</code>
              </span>
              {file.kind === "IMAGE" && isEditable ? (
                <span className="flex flex-wrap gap-2">
                  <button type="button" className="btn-secondary" onClick={() => insert(file)}>
                    {kind === "walkthrough" ? t("authoring.files.insertScreen") : t("authoring.files.insertImage")}
                  </button>
                  {kind === "walkthrough" ? (
                    <button
                      type="button"
                      className="btn-secondary"
                      aria-expanded={pickerFor === file.id}
                      onClick={() => setPickerFor(pickerFor === file.id ? null : file.id)}
                    >
                      {t("authoring.files.placeMarks")}
                    </button>
                  ) : null}
                </span>
              ) : null}
              {pickerFor === file.id ? <ScreenMarkPicker src={`/api/v1/files/${file.id}`} alt={file.name} textareaId={textareaId} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">{t("authoring.files.none")}</p>
      )}
    </section>
  );
}
