import type { MdNode } from "../lessons/compile";

/**
 * Files written into a document (decision 029, "Authored documents"). A file uploaded in the app is
 * named `./f-<storedFileId>.<ext>` in MDX; the extension must match the file's content type. Any
 * other `./name` is a file of content/, copied beside the app's pages at build.
 */
const AUTHORED_FILE = /^\.\/f-([a-z0-9]+)\.(svg|png|jpe?g)$/;

/** The `itemType` of files attached to an authored item (StoredFile, `attachFiles`). */
export const AUTHORED_ITEM_FILES = "authored-item";

/** The content type each extension of an authored file stands for. */
export const AUTHORED_FILE_TYPES = {
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
} as const;

export type AuthoredFileRef = { id: string; contentType: (typeof AUTHORED_FILE_TYPES)[keyof typeof AUTHORED_FILE_TYPES] };

/** `./f-<id>.<ext>` → the stored file's id and the type its extension claims; null for anything else. */
export function authoredFileRef(file: string): AuthoredFileRef | null {
  const match = AUTHORED_FILE.exec(file);
  if (!match) return null;
  return { id: match[1]!, contentType: AUTHORED_FILE_TYPES[match[2] as keyof typeof AUTHORED_FILE_TYPES] };
}

/** The stored file's id of `./f-<id>.<ext>`, or null when the name is not an uploaded file's. */
export function authoredFileId(file: string): string | null {
  return authoredFileRef(file)?.id ?? null;
}

/** Every authored file a text names (`./f-<id>.<ext>` anywhere, in attributes or images), once each, in order. */
export function authoredFileRefs(text: string): (AuthoredFileRef & { file: string })[] {
  const found = new Map<string, AuthoredFileRef & { file: string }>();
  // Bounded by what cannot be part of an address in MDX: quotes, brackets, white space.
  for (const match of text.matchAll(/(?<![\w./-])\.\/f-[a-z0-9]+\.(?:svg|png|jpe?g)(?![\w.-])/g)) {
    const ref = authoredFileRef(match[0]);
    if (ref && !found.has(match[0])) found.set(match[0], { ...ref, file: match[0] });
  }
  return [...found.values()];
}

/**
 * Where a document's `./file` is served: an uploaded file (`./f-<id>.<ext>`) from the app's file
 * route, which checks who may read it each time; a file of content/ from `folder` (e.g.
 * `/lesson-media/<lesson id>`, the public folder the build copies it to). A document without a
 * folder (`null`: a note written in the app) has only uploaded files. Anything else is left alone.
 */
export function mediaPath(folder: string | null, file: string): string {
  const uploaded = authoredFileId(file);
  if (uploaded) return `/api/v1/files/${uploaded}`;
  return folder !== null && file.startsWith("./") ? `${folder}/${file.slice(2)}` : file;
}

/**
 * A remark plugin: Markdown images (`![alt](./file)`) get the same paths as component attributes.
 * Without it a relative image would be read against the page's address (`/lessons/…`), where no
 * file is. (Reference images, `![alt][ref]`, are refused by checkMdx and unused in content/.)
 */
export function markdownImagePaths(folder: string | null) {
  return () => (tree: MdNode) => {
    const visit = (node: MdNode) => {
      if (node.type === "image" && typeof node.url === "string") node.url = mediaPath(folder, node.url);
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

/** `src="./file"` or `screen="./file"` attributes → their served paths (see `mediaPath`). */
export function mediaAttributePaths(body: string, attribute: "src" | "screen", folder: string | null): string {
  const pattern = attribute === "src" ? /\bsrc="(\.\/[\w.-]+)"/g : /\bscreen="(\.\/[\w.-]+)"/g;
  return body.replace(pattern, (_m, file: string) => `${attribute}="${mediaPath(folder, file)}"`);
}
