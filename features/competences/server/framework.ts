import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getContentDir } from "@/server/env";
import { ZCompetenceFile, ZFrameworkMeta, type TFramework } from "../framework-schema";
import { checkFramework, type ContentProblem } from "../check-framework";

export const DEFAULT_FRAMEWORK_ID = "digcomp-sw";

export function contentRoot(): string {
  return getContentDir();
}

function frameworkDir(root: string, id: string): string {
  return join(root, "competences", id);
}

export function listFrameworkVersions(id = DEFAULT_FRAMEWORK_ID, root = contentRoot()): number[] {
  const dir = frameworkDir(root, id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => /^v(\d+)$/.exec(name)?.[1])
    .filter((v): v is string => Boolean(v))
    .map(Number)
    .sort((a, b) => a - b);
}

export class FrameworkError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join("\n"));
    this.name = "FrameworkError";
  }
}

/**
 * Reads and validates one framework version; throws FrameworkError listing every problem. content:check
 * passes the lessons' and walkthroughs' ids (`knownResources`) and, for the current version, the
 * competences they teach (`taught`).
 */
export function readFramework(id: string, version: number, root = contentRoot(), knownResources?: Set<string>, taught?: ReadonlySet<string>): TFramework {
  const dir = join(frameworkDir(root, id), `v${version}`);
  const problems: ContentProblem[] = [];
  const metaFile = join(dir, "framework.json");
  const parseJson = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as unknown;
    } catch (error) {
      problems.push({ file, line: 1, field: "(file)", message: error instanceof Error ? error.message : "unreadable" });
      return undefined;
    }
  };
  const metaRaw = parseJson(metaFile);
  const meta = metaRaw === undefined ? undefined : ZFrameworkMeta.safeParse(metaRaw);
  if (meta && !meta.success) {
    for (const issue of meta.error.issues)
      problems.push({ file: metaFile, line: lineOfPath(metaFile, issue.path), field: issue.path.join("."), message: issue.message });
  }
  const competences: TFramework["competences"] = [];
  const sources = new Map<string, string>();
  const competenceDir = join(dir, "competences");
  const files = existsSync(competenceDir)
    ? readdirSync(competenceDir)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];
  for (const name of files) {
    const file = join(competenceDir, name);
    const raw = parseJson(file);
    if (raw === undefined) continue;
    const parsed = ZCompetenceFile.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ file, line: lineOfPath(file, issue.path), field: issue.path.join("."), message: issue.message });
      continue;
    }
    for (const c of parsed.data.competences) sources.set(c.id, file);
    competences.push(...parsed.data.competences);
  }
  if (meta?.success) {
    if (meta.data.id !== id || meta.data.version !== version) {
      problems.push({ file: metaFile, line: 1, field: "version", message: `must be ${id} v${version} to match its folder` });
    }
    problems.push(...checkFramework({ ...meta.data, competences }, { metaFile, sourceOf: (cid) => sources.get(cid) ?? metaFile, knownResources, taught }));
  }
  if (problems.length) throw new FrameworkError(problems);
  return { ...meta!.data!, competences };
}

/** Best effort: the line of the last path segment that names a key or an id in the file. */
function lineOfPath(file: string, path: PropertyKey[]): number {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return 1;
  }
  const key = [...path].reverse().find((p) => typeof p === "string");
  if (typeof key !== "string") return 1;
  const index = text.indexOf(`"${key}"`);
  return index < 0 ? 1 : text.slice(0, index).split("\n").length;
}

const cache = new Map<string, TFramework>();
const latestVersion = new Map<string, number | undefined>();

/** A framework version, validated once per process (content is deployed with the code). */
export function getFramework(version?: number, id = DEFAULT_FRAMEWORK_ID): TFramework {
  const root = contentRoot();
  // The latest version is looked up once per content folder too: pages ask on every request, and listing the folder each time is a few system calls for nothing.
  if (version === undefined && !latestVersion.has(`${root}|${id}`)) latestVersion.set(`${root}|${id}`, listFrameworkVersions(id, root).at(-1));
  const v = version ?? latestVersion.get(`${root}|${id}`);
  if (v === undefined) throw new Error(`No competency framework "${id}" in ${root}`);
  const key = `${root}|${id}|${v}`;
  let fw = cache.get(key);
  if (!fw) {
    fw = readFramework(id, v, root);
    cache.set(key, fw);
  }
  return fw;
}
