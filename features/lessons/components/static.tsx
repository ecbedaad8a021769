import { isLowDataRequest } from "@/features/accounts/server/low-data";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

export function Steps({ children }: { children: ReactNode }) {
  return <ol className="my-4 ml-6 list-decimal space-y-3">{children}</ol>;
}

export function Step({ title, children }: { title: string; children: ReactNode }) {
  return (
    <li>
      <p className="font-semibold">{title}</p>
      <div>{children}</div>
    </li>
  );
}

const CALLOUT_STYLE = {
  tip: "border-green-700 bg-green-50",
  warning: "border-amber-700 bg-amber-50",
  privacy: "border-purple-800 bg-purple-50",
} as const;

export function Callout({ type, title, label, children }: { type: keyof typeof CALLOUT_STYLE; title?: string; label: string; children: ReactNode }) {
  return (
    <aside className={`my-4 rounded-md border-l-4 p-3 ${CALLOUT_STYLE[type]}`} aria-label={title ?? label}>
      <p className="font-semibold">
        {label}
        {title ? `: ${title}` : ""}
      </p>
      <div>{children}</div>
    </aside>
  );
}

export function KeyTerm({ term, definition, children }: { term: string; definition: string; children: ReactNode }) {
  return (
    <dfn title={definition} className="not-italic">
      <span className="font-semibold underline decoration-dotted">{children}</span>
      <span className="sr-only">
        {" "}
        ({term}: {definition})
      </span>
    </dfn>
  );
}

export async function Figure({ src, alt, caption, illustrative }: { src: string; alt: string; caption?: string; illustrative: string }) {
  const image = <img src={src} alt={alt} loading="lazy" decoding="async" className="h-auto max-w-full rounded border border-neutral-300" />;
  return (
    <figure className="my-4">
      {(await isLowDataRequest()) ? <TapToLoad label={(await getTranslations("lesson"))("showImage")}>{image}</TapToLoad> : image}
      <figcaption className="mt-1 text-sm text-muted">
        {caption ? `${caption} ` : ""}({illustrative})
      </figcaption>
    </figure>
  );
}

/**
 * Low-data mode (decision 035): a picture behind a summary the reader opens. A lazy image inside a
 * closed <details> is not fetched until it is opened, so this works without JavaScript.
 */
export function TapToLoad({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="rounded border border-dashed border-neutral-400 p-2">
      <summary className="min-h-6 cursor-pointer font-semibold text-brand-800">{label}</summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}
