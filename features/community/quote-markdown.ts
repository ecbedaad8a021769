/** Quoting a long post quotes its beginning: the reader can follow the attribution to the rest. */
export const MAX_QUOTE_CHARS = 2000;

/**
 * `text` as a Markdown quotation of post `postId` (decision 025): the marker line the renderer
 * turns into "Quoted from <author>" linked to the post (render-post.ts), then every line behind
 * "> ", and an empty line to write under. Shared by the server (the quote endpoint, `?quote=`) and
 * the Quote button (a selected part).
 */
export function quoteMarkdown(postId: string, text: string): string {
  const trimmed = text.trim();
  const cut = trimmed.length > MAX_QUOTE_CHARS ? `${trimmed.slice(0, MAX_QUOTE_CHARS).trimEnd()}…` : trimmed;
  const lines = cut.split("\n").map((line) => (line.trim() ? `> ${line}` : ">"));
  return `> [quote:${postId}]\n${lines.join("\n")}\n\n`;
}
