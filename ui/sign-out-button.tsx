"use client";

import { useT } from "@/ui/messages";
import { useApiMutation } from "./api";

export function SignOutButton() {
  const t = useT("common");
  const mutation = useApiMutation<undefined, { ok: true }>("POST", "/api/v1/session/sign-out", t("offline"), {
    onSuccess: () => window.location.assign("/sign-in"),
  });
  return (
    <button type="button" className="btn-secondary min-h-10 px-3 py-1" disabled={mutation.isPending} onClick={() => mutation.mutate(undefined)}>
      {t("signOut")}
    </button>
  );
}
