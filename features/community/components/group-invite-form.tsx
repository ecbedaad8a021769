"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { ApiError, callApi, newKey } from "@/ui/api-client";

type Props = { slug: string; people: { id: string; name: string; organizationName: string }[] };

/** The owner picks a person they may invite (the server offers only those) and sends the invitation. */
export function GroupInviteForm({ slug, people }: Props) {
  const t = useT("communityGroups");
  const tc = useT("common");
  const id = useId();
  const router = useRouter();
  const [userId, setUserId] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSent(false);
    try {
      await callApi("POST", `/api/v1/community/groups/${slug}/invitations`, { userId }, newKey(), tc("offline"));
      setUserId("");
      setSent(true);
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : tc("offline"));
    } finally {
      setBusy(false);
    }
  };
  // The status stays mounted (and in place) when no one is left to invite, so "Invitation sent." is read out.
  return (
    <div className="grid gap-2">
      {people.length === 0 ? (
        <p>{t("noInvitees")}</p>
      ) : (
        <form ref={keepEarlyInput} method="post" onSubmit={(e) => void submit(e)} className="grid gap-2">
          <label htmlFor={`${id}-person`} className="font-semibold">
            {t("invitePerson")}
          </label>
          <select id={`${id}-person`} className="input" value={userId} onChange={(e) => setUserId(e.currentTarget.value)}>
            <option value="">{t("choose")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} · {p.organizationName}
              </option>
            ))}
          </select>
          {error ? (
            <p role="alert" className="font-semibold text-red-800">
              {error}
            </p>
          ) : null}
          <div>
            <button type="submit" className="btn" disabled={busy || !userId}>
              {t("invite")}
            </button>
          </div>
        </form>
      )}
      <p role="status" className="text-sm font-semibold text-green-800">
        {sent ? t("invited") : ""}
      </p>
    </div>
  );
}
