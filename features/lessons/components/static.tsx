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

export function Figure({ src, alt, caption, illustrative }: { src: string; alt: string; caption?: string; illustrative: string }) {
  return (
    <figure className="my-4">
      <img src={src} alt={alt} loading="lazy" decoding="async" className="h-auto max-w-full rounded border border-neutral-300" />
      <figcaption className="mt-1 text-sm text-muted">
        {caption ? `${caption} ` : ""}({illustrative})
      </figcaption>
    </figure>
  );
}
