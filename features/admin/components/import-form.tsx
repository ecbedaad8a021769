"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { useApiMutation } from "@/ui/api";
import { FormError, Notice } from "@/ui/form";

const MAX_FILE_BYTES = 900_000;

export function ImportForm() {
  const t = useT();
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState("");
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const mutation = useApiMutation<{ csv: string }, { invited: number }>("POST", "/api/v1/users/import", t("common.offline"), {
    onSuccess: () => router.refresh(),
  });
  const rows = mutation.error?.body.rows;
  return (
    <form
      ref={keepEarlyInput}
      method="post"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ csv: text });
      }}
    >
      {mutation.isSuccess ? <Notice>{t("import.success", { count: mutation.data.invited })}</Notice> : null}
      {rows ? null : <FormError error={mutation.error} title={t("common.errorSummary")} />}
      <div className="mb-4">
        <label htmlFor={`${id}-file`} className="mb-1 block font-semibold">
          {t("import.file")}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          className="block min-h-11"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            setFileProblem(null);
            if (!file) return;
            if (file.size > MAX_FILE_BYTES) return setFileProblem(t("import.fileTooLarge"));
            setText(await file.text());
          }}
        />
        {fileProblem ? (
          <p role="alert" className="mt-1 font-semibold text-red-800">
            {fileProblem}
          </p>
        ) : null}
      </div>
      <div className="mb-4">
        <label htmlFor={`${id}-text`} className="mb-1 block font-semibold">
          {t("import.text")} ({t("import.orPaste")})
        </label>
        <textarea id={`${id}-text`} name="csv" rows={8} className="input font-mono text-base" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="submit" className="btn" disabled={mutation.isPending || !text.trim()}>
        {mutation.isPending ? t("common.sending") : t("import.submit")}
      </button>
      {rows ? (
        <div role="alert" className="mt-6">
          <p className="notice-error mb-3 font-semibold">{t("import.rejected")}</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("import.row")}</th>
                <th scope="col">{t("import.field")}</th>
                <th scope="col">{t("import.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td>{r.row}</td>
                  <td>{r.field}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </form>
  );
}
