"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { Field } from "@/ui/form";
import { ApiError, callApi, errorText } from "@/ui/api-client";
import { keepEarlyInput } from "@/ui/keep-early-input";

type CodesAnswer = { recoveryCodes: string[] | null };

/**
 * Ten recovery codes, shown once: to print or save as a text file. The page reloads (and the codes
 * are gone from it) when the person says they have kept them.
 */
export function RecoveryCodesPanel({ codes }: { codes: string[] }) {
  const t = useT();
  const router = useRouter();
  const text = `${t("security.codesFileTitle")}\n\n${codes.join("\n")}\n\n${t("security.codesFileNote")}\n`;
  return (
    <section className="card recovery-codes" aria-labelledby="recovery-codes-new" role="region">
      <h2 id="recovery-codes-new" className="mb-2 text-xl font-bold" tabIndex={-1} ref={(el) => el?.focus()}>
        {t("security.codesTitle")}
      </h2>
      <p className="mb-3 max-w-prose">{t("security.codesLead")}</p>
      <ol className="mb-4 grid grid-cols-1 gap-1 font-mono text-lg sm:grid-cols-2" aria-label={t("security.codesListLabel")}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="no-print flex flex-wrap gap-3">
        <a className="btn-secondary" download="skhodynky-recovery-codes.txt" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}>
          {t("security.codesDownload")}
        </a>
        <button type="button" className="btn-secondary" onClick={() => window.print()}>
          {t("security.codesPrint")}
        </button>
        <button type="button" className="btn" onClick={() => router.refresh()}>
          {t("security.codesSaved")}
        </button>
      </div>
    </section>
  );
}

/** After a factor is added: the first one shows its recovery codes; otherwise the page reloads with the new list. */
function useAfterEnrol() {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  return {
    codes,
    done: (answer: CodesAnswer) => {
      if (answer.recoveryCodes?.length) setCodes(answer.recoveryCodes);
      else router.refresh();
    },
  };
}

/** Adding an authenticator app: the secret was shown by the page (QR code and text); the app's first code proves it was copied. */
export function TotpEnrolForm({ sealed }: { sealed: string }) {
  const t = useT();
  const after = useAfterEnrol();
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  if (after.codes) return <RecoveryCodesPanel codes={after.codes} />;
  const field = (name: string) => error?.body.fields?.[name];
  return (
    <form
      ref={keepEarlyInput}
      method="post"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPending(true);
        setError(null);
        try {
          after.done(
            await callApi<CodesAnswer>(
              "POST",
              "/api/v1/me/second-factors/totp",
              { sealed, code: String(form.get("code") ?? ""), label: String(form.get("label") ?? "") },
              "",
              t("common.offline"),
            ),
          );
        } catch (caught) {
          setError(caught instanceof ApiError ? caught : new ApiError(0, { code: "offline", message: t("common.offline") }, true));
        } finally {
          setPending(false);
        }
      }}
    >
      {error && !error.body.fields ? (
        <p role="alert" className="notice-error mb-3">
          {error.message}
        </p>
      ) : null}
      <Field
        label={t("security.appLabel")}
        hint={t("security.labelHint")}
        name="label"
        defaultValue={t("security.appLabelDefault")}
        maxLength={60}
        errors={field("label")}
      />
      <Field label={t("security.appCode")} name="code" inputMode="numeric" autoComplete="one-time-code" spellCheck={false} required errors={field("code")} />
      <button type="submit" className="btn" disabled={pending}>
        {pending ? t("common.saving") : t("security.appAdd")}
      </button>
    </form>
  );
}

/** Adding a passkey: the browser makes it (fingerprint, face, the device's PIN, or a security key) and the server keeps its public key. */
export function PasskeyEnrolForm() {
  const t = useT();
  const after = useAfterEnrol();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (after.codes) return <RecoveryCodesPanel codes={after.codes} />;
  return (
    <form
      ref={keepEarlyInput}
      method="post"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const label = String(new FormData(event.currentTarget).get("label") ?? "");
        setPending(true);
        setProblem(null);
        try {
          const { browserSupportsWebAuthn, startRegistration } = await import("@simplewebauthn/browser");
          if (!browserSupportsWebAuthn()) throw new Error("unsupported");
          const optionsJSON = await callApi<Parameters<typeof startRegistration>[0]["optionsJSON"]>(
            "POST",
            "/api/v1/me/second-factors/passkey-options",
            undefined,
            "",
            t("common.offline"),
          );
          const response = await startRegistration({ optionsJSON });
          after.done(await callApi<CodesAnswer>("POST", "/api/v1/me/second-factors/passkey", { label, response }, "", t("common.offline")));
        } catch (caught) {
          setProblem(
            caught instanceof ApiError
              ? errorText(caught, t("common.offline"))
              : caught instanceof Error && caught.message === "unsupported"
                ? t("security.passkeyUnsupported")
                : t("security.passkeyCancelled"),
          );
        } finally {
          setPending(false);
        }
      }}
    >
      {problem ? (
        <p role="alert" className="notice-error mb-3">
          {problem}
        </p>
      ) : null}
      <Field label={t("security.passkeyLabel")} hint={t("security.labelHint")} name="label" defaultValue={t("security.passkeyLabelDefault")} maxLength={60} />
      <button type="submit" className="btn" disabled={pending}>
        {pending ? t("common.saving") : t("security.passkeyAdd")}
      </button>
    </form>
  );
}

/** Removes one factor (the server refuses an admin's or methodologist's last one and says why). */
export function RemoveFactorButton({ id, label }: { id: string; label: string }) {
  const t = useT();
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="mt-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={async () => {
          if (!window.confirm(t("security.removeConfirm", { label }))) return;
          setPending(true);
          setProblem(null);
          try {
            await callApi("DELETE", `/api/v1/me/second-factors/${id}`, undefined, "", t("common.offline"));
            router.refresh();
          } catch (caught) {
            setProblem(errorText(caught, t("common.offline")));
          } finally {
            setPending(false);
          }
        }}
      >
        {t("security.remove")}
        <span className="sr-only"> {label}</span>
      </button>
      {problem ? (
        <p role="alert" className="mt-2 font-semibold text-red-800">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** Ten new recovery codes; the old ones stop working. */
export function RegenerateCodesButton() {
  const t = useT();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (codes) return <RecoveryCodesPanel codes={codes} />;
  return (
    <div>
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={async () => {
          if (!window.confirm(t("security.regenerateConfirm"))) return;
          setPending(true);
          setProblem(null);
          try {
            const answer = await callApi<CodesAnswer>("POST", "/api/v1/me/recovery-codes", undefined, "", t("common.offline"));
            setCodes(answer.recoveryCodes ?? []);
          } catch (caught) {
            setProblem(errorText(caught, t("common.offline")));
          } finally {
            setPending(false);
          }
        }}
      >
        {t("security.regenerate")}
      </button>
      {problem ? (
        <p role="alert" className="mt-2 font-semibold text-red-800">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
