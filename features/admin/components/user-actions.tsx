"use client";

import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { useApiMutation } from "@/ui/api";

type Action = "disable" | "enable" | "sign-out-everywhere";

/** `nameGen`: the person's name in the genitive («Дії для Оксани Ткачук»), declined on the server. */
export function UserActions({ userId, nameGen, status }: { userId: string; nameGen: string; status: "ACTIVE" | "DISABLED" }) {
  const t = useT();
  const router = useRouter();
  const mutation = useApiMutation<Action, { status: string }>("POST", (action) => `/api/v1/users/${userId}/${action}`, t("common.offline"), {
    onSuccess: () => router.refresh(),
  });
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
      {mutation.error ? (
        <p role="alert" className="text-red-800">
          {mutation.error.message}
        </p>
      ) : null}
      {mutation.isSuccess ? <p role="status">{t("users.done")}</p> : null}
    </div>
  );
}
