/** The `title:` of a lesson's or guide's frontmatter, read without evaluating anything (for lists while a draft may not parse). */
export function frontmatterTitle(text: string): string | null {
  const head = /^---\n([\s\S]*?)\n---/.exec(text.replace(/\r\n?/g, "\n"))?.[1] ?? "";
  const raw = /^title:\s*(.+?)\s*$/m.exec(head)?.[1];
  if (!raw) return null;
  const unquoted = /^"(.*)"$/.exec(raw)?.[1] ?? /^'(.*)'$/.exec(raw)?.[1] ?? raw;
  return unquoted.trim() || null;
}
