"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { ApiError, callApi, newKey } from "@/ui/api-client";

type Person = { email: string; label: string };
type Rows = { row: number; field: string; message: string }[];

/** Posts a pairing (one pair or a CSV); a refusal lists what is wrong, row by row. */
function usePairing() {
  const t = useT("pairs");
  const tc = useT("common");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ message: string; rows?: Rows } | null>(null);
  const send = async (path: string, body: unknown) => {
    setBusy(true);
    setDone(null);
    setProblem(null);
    try {
      const result = await callApi<{ created: number }>("POST", path, body, newKey(), tc("offline"));
      setDone(t("created", { count: result.created }));
      router.refresh();
      return true;
    } catch (e) {
      setProblem(e instanceof ApiError ? { message: e.message, rows: e.body.rows } : { message: tc("offline") });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, done, problem, send };
}

function Outcome({ done, problem }: { done: string | null; problem: { message: string; rows?: Rows } | null }) {
  const t = useT("pairs");
  return (
    <>
      <p role="status" className="mt-2">
        {done ?? ""}
      </p>
      {problem ? (
        <div role="alert" className="notice-error mt-2">
          <p className="font-semibold">{problem.message}</p>
          {problem.rows?.length ? (
            <ul className="ml-5 list-disc">
              {problem.rows.map((r, i) => (
                <li key={i}>{t("rowProblem", { row: r.row, field: r.field, message: r.message })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

/** One pair: choose a curator (with their load) and a learner without a curator. */
export function PairForm({ curators, learners }: { curators: Person[]; learners: Person[] }) {
  const t = useT("pairs");
  const id = useId();
  const [curator, setCurator] = useState(curators[0]?.email ?? "");
  const [mentee, setMentee] = useState(learners[0]?.email ?? "");
  const { busy, done, problem, send } = usePairing();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send("/api/v1/mentorships", { curatorEmail: curator, menteeEmail: mentee });
  };
  return (
    <form ref={keepEarlyInput} method="post" onSubmit={submit} className="grid gap-3">
      <div>
        <label htmlFor={`${id}-curator`} className="mb-1 block font-semibold">
          {t("curator")}
        </label>
        <select id={`${id}-curator`} className="input" value={curator} onChange={(e) => setCurator(e.currentTarget.value)}>
          {curators.map((c) => (
            <option key={c.email} value={c.email}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-mentee`} className="mb-1 block font-semibold">
          {t("mentee")}
        </label>
        <select id={`${id}-mentee`} className="input" value={mentee} onChange={(e) => setMentee(e.currentTarget.value)}>
          {learners.map((l) => (
            <option key={l.email} value={l.email}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit" className="btn" disabled={busy || !curator || !mentee}>
          {t("pair")}
        </button>
        <Outcome done={done} problem={problem} />
      </div>
    </form>
  );
}

/** Many pairs from CSV: columns "curator" and "mentee" with e-mail addresses; all or nothing. */
export function PairsImportForm() {
  const t = useT("pairs");
  const id = useId();
  const [csv, setCsv] = useState("");
  const { busy, done, problem, send } = usePairing();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await send("/api/v1/mentorships/import", { csv })) setCsv("");
  };
  return (
    <form ref={keepEarlyInput} method="post" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-file`} className="mb-1 block font-semibold">
        {t("file")}
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".csv,text/csv"
        className="mb-3 block min-h-11"
        onChange={async (e) => {
          const f = e.currentTarget.files?.[0];
          if (f) setCsv(await f.text());
        }}
      />
      <label htmlFor={`${id}-csv`} className="mb-1 block font-semibold">
        {t("csv")}
      </label>
      <textarea id={`${id}-csv`} rows={6} className="input font-mono text-base" value={csv} onChange={(e) => setCsv(e.currentTarget.value)} />
      <button type="submit" className="btn mt-2" disabled={busy || !csv.trim()}>
        {t("import")}
      </button>
      <Outcome done={done} problem={problem} />
    </form>
  );
}

/** Ends a mentorship after a second, explicit press. */
export function EndButton({ mentorshipId, label, confirmLabel }: { mentorshipId: string; label: string; confirmLabel: string }) {
  const tc = useT("common");
  const router = useRouter();
  const [armed, setArmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const end = async () => {
    try {
      await callApi("POST", `/api/v1/mentorships/${mentorshipId}/end`, {}, newKey(), tc("offline"));
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : tc("offline"));
    }
  };
  return (
    <span>
      <button type="button" className={armed ? "btn-danger" : "btn-secondary"} onClick={() => (armed ? void end() : setArmed(true))}>
        {armed ? confirmLabel : label}
      </button>
      {error ? (
        <span role="alert" className="ml-2 font-semibold text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
