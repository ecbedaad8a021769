"use client";

import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { useApiMutation } from "@/ui/api";

type Action = "disable" | "enable" | "sign-out-everywhere" | "reset-second-factor";

/**
 * `nameGen`: the person's name in the genitive («Дії для Оксани Ткачук»), declined on the server.
 * `secondFactorReset`: whether the reader may reset the person's second factor now ("allowed"), after
 * proving their own again ("needsProof", a link to that step), or not at all.
 */
export function UserActions({
  userId,
  nameGen,
  status,
  secondFactorReset = "none",
}: {
  userId: string;
  nameGen: string;
  status: "ACTIVE" | "DISABLED";
  secondFactorReset?: "allowed" | "needsProof" | "none";
}) {
  const t = useT();
  const router = useRouter();
  const mutation = useApiMutation<Action, { status: string }>(
    "POST",
    (action) => (action === "reset-second-factor" ? `/api/v1/users/${userId}/second-factor/reset` : `/api/v1/users/${userId}/${action}`),
    t("common.offline"),
    { onSuccess: () => router.refresh() },
  );
  return (
    <div role="group" aria-label={t("users.actionsFor", { nameGen })} className="flex flex-wrap gap-2">
      {status === "ACTIVE" ? (
        <button type="button" className="btn-danger" disabled={mutation.isPending} onClick={() => mutation.mutate("disable")}>
          {t("users.disable")}
        </button>
      ) : (
        <button type="button" className="btn-secondary" disabled={mutation.isPending} onClick={() => mutation.mutate("enable")}>
          {t("users.enable")}
        </button>
      )}
      <button type="button" className="btn-secondary" disabled={mutation.isPending} onClick={() => mutation.mutate("sign-out-everywhere")}>
        {t("users.signOutEverywhere")}
      </button>
      {secondFactorReset === "allowed" ? (
        <button
          type="button"
          className="btn-secondary"
          disabled={mutation.isPending}
          onClick={() => {
            if (window.confirm(t("users.resetSecondFactorConfirm", { nameGen }))) mutation.mutate("reset-second-factor");
          }}
        >
          {t("users.resetSecondFactor")}
        </button>
      ) : secondFactorReset === "needsProof" ? (
        <a className="self-center" href="/sign-in/second-factor?next=%2Fadmin%2Fusers">
          {t("users.resetSecondFactorProof")}
        </a>
      ) : null}
      {mutation.error ? (
        <p role="alert" className="text-red-800">
          {mutation.error.message}
        </p>
      ) : null}
      {mutation.isSuccess ? <p role="status">{t("users.done")}</p> : null}
    </div>
  );
}
