"use client";

import { useState } from "react";
import { useT } from "@/ui/messages";
import { Field } from "@/ui/form";
import { ApiError, callApi, errorText } from "@/ui/api-client";
import { keepEarlyInput } from "@/ui/keep-early-input";
import type { SecondFactorMethods } from "../server/second-factor/second-factor-methods";

type Method = "totp" | "recovery";

/**
 * The second-factor step: a code from the authenticator app, a passkey, or a recovery code. Each
 * form also posts without JavaScript (the server answers 303 to `next`); with it, errors show here.
 * Proofs are never replayed, so they go without an Idempotency-Key.
 */
export function SecondFactorStep({ next, methods }: { next: string; methods: SecondFactorMethods }) {
  const t = useT();
  const [pending, setPending] = useState<Method | "passkey" | null>(null);
  const [problem, setProblem] = useState<{ method: Method | "passkey"; text: string } | null>(null);

  const done = () => window.location.assign(next);

  async function submitCode(method: Method, code: string) {
    setPending(method);
    setProblem(null);
    try {
      await callApi("POST", "/api/v1/session/second-factor", { method, code }, "", t("common.offline"));
      done();
    } catch (error) {
      setProblem({ method, text: errorText(error, t("common.offline")) });
      setPending(null);
    }
  }

  async function proveWithPasskey() {
    setPending("passkey");
    setProblem(null);
    try {
      const { startAuthentication } = await import("@simplewebauthn/browser");
      const optionsJSON = await callApi<Parameters<typeof startAuthentication>[0]["optionsJSON"]>(
        "POST",
        "/api/v1/session/second-factor/passkey-options",
        undefined,
        "",
        t("common.offline"),
      );
      const response = await startAuthentication({ optionsJSON });
      await callApi("POST", "/api/v1/session/second-factor/passkey", { response }, "", t("common.offline"));
      done();
    } catch (error) {
      setProblem({ method: "passkey", text: error instanceof ApiError ? errorText(error, t("common.offline")) : t("secondFactor.passkeyCancelled") });
      setPending(null);
    }
  }

  const codeForm = (method: Method, label: string, hint: string, autoComplete: string) => (
    <form
      ref={keepEarlyInput}
      method="post"
      action="/api/v1/session/second-factor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submitCode(method, String(new FormData(event.currentTarget).get("code") ?? ""));
      }}
    >
      <input type="hidden" name="method" value={method} />
      <input type="hidden" name="next" value={next} />
      {problem?.method === method ? (
        <p role="alert" className="notice-error mb-3">
          {problem.text}
        </p>
      ) : null}
      <Field
        label={label}
        hint={hint}
        name="code"
        autoComplete={autoComplete}
        inputMode={method === "totp" ? "numeric" : "text"}
        spellCheck={false}
        autoCapitalize="off"
        required
        errors={problem?.method === method ? [problem.text] : undefined}
      />
      <button type="submit" className="btn" disabled={pending !== null}>
        {pending === method ? t("secondFactor.checking") : t("secondFactor.confirm")}
      </button>
    </form>
  );

  return (
    <div className="grid max-w-md gap-6">
      {methods.totp ? (
        <section className="card" aria-labelledby="sf-app">
          <h2 id="sf-app" className="mb-3 text-xl font-bold">
            {t("secondFactor.appTitle")}
          </h2>
          {codeForm("totp", t("secondFactor.appCode"), t("secondFactor.appHint"), "one-time-code")}
        </section>
      ) : null}
      {methods.passkey ? (
        <section className="card" aria-labelledby="sf-passkey">
          <h2 id="sf-passkey" className="mb-2 text-xl font-bold">
            {t("secondFactor.passkeyTitle")}
          </h2>
          <p className="mb-3">{t("secondFactor.passkeyLead")}</p>
          {problem?.method === "passkey" ? (
            <p role="alert" className="notice-error mb-3">
              {problem.text}
            </p>
          ) : null}
          <button type="button" className="btn" disabled={pending !== null} onClick={() => void proveWithPasskey()}>
            {pending === "passkey" ? t("secondFactor.checking") : t("secondFactor.usePasskey")}
          </button>
        </section>
      ) : null}
      <details className="card" open={problem?.method === "recovery" || undefined}>
        <summary className="cursor-pointer font-semibold">{t("secondFactor.recoveryTitle")}</summary>
        <div className="mt-3">
          {methods.recoveryCodesLeft > 0 ? (
            codeForm("recovery", t("secondFactor.recoveryCode"), t("secondFactor.recoveryHint", { n: methods.recoveryCodesLeft }), "off")
          ) : (
            <p>{t("secondFactor.noRecoveryCodes")}</p>
          )}
        </div>
      </details>
    </div>
  );
}
