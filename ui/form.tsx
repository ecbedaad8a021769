"use client";

import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import type { ApiError } from "./api";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
  requiredLabel?: string;
};

/** A labelled input whose hint and errors are announced with it (aria-describedby). */
export function Field({ label, name, hint, errors, requiredLabel, ...input }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
        {input.required && requiredLabel ? <span className="sr-only"> ({requiredLabel})</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="mb-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        className="input"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...input}
      />
      {errorId ? (
        <p id={errorId} className="mt-1 font-semibold text-red-800">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** Shown above a form after a failed submit; focus moves to it so screen readers announce it. */
export function FormError({ error, title }: { error: ApiError | null; title: string }) {
  if (!error) return null;
  return (
    <div role="alert" tabIndex={-1} className="notice-error mb-4" ref={(el) => el?.focus()}>
      <p className="font-semibold">{error.body.fields ? title : error.message}</p>
      {error.body.fields ? <p>{error.message}</p> : null}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="notice-ok mb-4">
      {children}
    </div>
  );
}

export function fieldErrors(error: ApiError | null, name: string): string[] | undefined {
  return error?.body.fields?.[name];
}

/** Ukrainian / English as radio buttons, each labelled in its own language. */
export function LanguageRadios({ legend, labels, defaultValue }: { legend: string; labels: Record<"uk" | "en", string>; defaultValue: "uk" | "en" }) {
  return (
    <fieldset className="mb-4">
      <legend className="mb-1 font-semibold">{legend}</legend>
      {(["uk", "en"] as const).map((locale) => (
        <label key={locale} className="mr-6 inline-flex min-h-11 items-center gap-2" lang={locale}>
          <input type="radio" name="locale" value={locale} defaultChecked={defaultValue === locale} className="h-5 w-5" />
          {labels[locale]}
        </label>
      ))}
    </fieldset>
  );
}
