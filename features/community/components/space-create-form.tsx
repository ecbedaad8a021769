"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { callApi, errorText, newKey } from "@/ui/api-client";

export type SpaceFormLabels = { name: string; nameHint: string; description: string; submit: string };

/**
 * Starts a space: a private group (its creator lands on the members page to invite people) or, for
 * admins, a national topic space (they land on the space). The page passes the texts (`labels`);
 * `then` is where to go, `{slug}` replaced by the new one.
 */
export function SpaceCreateForm({
  endpoint,
  labels,
  then,
  descriptionMax,
}: {
  endpoint: "/api/v1/community/groups" | "/api/v1/community/spaces";
  labels: SpaceFormLabels;
  then: string;
  descriptionMax: number;
}) {
  const tc = useT("common");
  const id = useId();
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key] = useState(newKey);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await callApi<{ slug: string }>(
        "POST",
        endpoint,
        { name, description: description.trim() ? description : undefined },
        key,
        tc("offline"),
      );
      router.push(then.replace("{slug}", created.slug));
    } catch (e) {
      setError(errorText(e, tc("offline")));
      setBusy(false);
    }
  };
  return (
    <form ref={keepEarlyInput} method="post" onSubmit={(e) => void submit(e)} className="card grid gap-2">
      <label htmlFor={`${id}-name`} className="font-semibold">
        {labels.name}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {labels.nameHint}
      </p>
      <input
        id={`${id}-name`}
        className="input"
        maxLength={80}
        required
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <label htmlFor={`${id}-description`} className="font-semibold">
        {labels.description}
      </label>
      <textarea
        id={`${id}-description`}
        className="input"
        maxLength={descriptionMax}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="font-semibold text-red-800">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className="btn" disabled={busy || name.trim().length < 3}>
          {labels.submit}
        </button>
      </div>
    </form>
  );
}
