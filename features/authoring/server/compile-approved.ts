import "server-only";
import { getDb } from "@/server/db/client";
import type { MdxKind } from "../allowlist";
import { compileChecked, type CompiledDocument } from "../compile-checked";
import { isCheckedMdx, type CheckedMdxOf } from "../safe-mdx";

/**
 * The compiler's revision, the first part of every key: raise it when features/lessons/compile.ts
 * or features/walkthroughs/compile.ts start producing different code, and published versions
 * compile once more under new keys instead of serving code of the old pipeline.
 */
export const COMPILER_REVISION = "v1";
/** A published version's name as the authoring workflow gives it (e.g. an item id and its number). */
const VERSION_KEY = /^[A-Za-z0-9._:@-]{1,120}$/;

/** A compiled document as stored: what a page renders (`code`) and the rest of the result (`data`). */
export type CompiledContentDto<K extends MdxKind = MdxKind> = {
  key: string;
  kind: K;
  versionKey: string;
  code: string;
  data: Omit<Extract<CompiledDocument, { kind: K }>["compiled"], "code">;
  compiledAt: Date;
};

export const compiledContentKey = (kind: MdxKind, versionKey: string, contentHash: string) => `${COMPILER_REVISION}/${kind}/${versionKey}/${contentHash}`;

/** Compiles of this process under way, by key: a second caller waits for the first instead of compiling again. */
const inFlight = new Map<string, Promise<CompiledContentDto>>();

/**
 * Compiles a checked document once per published version and keeps the result in the database,
 * where every app server reads it (decision 028): pages never compile per request. Takes only a
 * CheckedMdx (see checkMdx): the kind must match and checkMdx must have issued it, or it throws
 * before anything is compiled. Concurrent calls for the same version, on one server or several,
 * compile at most once per server and store one row.
 */
export async function compileApproved<K extends MdxKind>(kind: K, document: CheckedMdxOf<K>, versionKey: string): Promise<CompiledContentDto<K>> {
  if (!isCheckedMdx(document) || document.kind !== kind) throw new Error("compileApproved takes only a document that checkMdx passed, of the same kind");
  if (!VERSION_KEY.test(versionKey)) throw new Error("compileApproved: a version key is 1–120 letters, digits and . _ : @ -");
  const key = compiledContentKey(kind, versionKey, document.contentHash);
  const stored = await findCompiledContent(key);
  if (stored) return stored as CompiledContentDto<K>;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = compileAndStore(key, document, versionKey).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return (await pending) as CompiledContentDto<K>;
}

/**
 * One server's compile and store, without the in-process sharing above (exported for the race
 * test that stands in for several servers): the insert does nothing when another server stored
 * the key first, and every caller returns the one stored row.
 */
export async function compileAndStore(key: string, document: CheckedMdxOf<MdxKind>, versionKey: string): Promise<CompiledContentDto> {
  const { compiled } = await compileChecked(document);
  const { code, ...data } = compiled;
  await getDb().$executeRaw`
    INSERT INTO "CompiledContent" ("key", "kind", "versionKey", "contentHash", "code", "data")
    VALUES (${key}, ${document.kind}, ${versionKey}, ${document.contentHash}, ${code}, ${JSON.stringify(data)}::jsonb)
    ON CONFLICT ("key") DO NOTHING`;
  const stored = await findCompiledContent(key);
  if (!stored) throw new Error("compiled content vanished right after it was stored");
  return stored;
}

/** The stored compile of a key, or null: what a page of an authored item reads. */
export async function findCompiledContent(key: string): Promise<CompiledContentDto | null> {
  const row = await getDb().compiledContent.findUnique({ where: { key } });
  if (!row) return null;
  return {
    key: row.key,
    kind: row.kind as MdxKind,
    versionKey: row.versionKey,
    code: row.code,
    data: row.data as CompiledContentDto["data"],
    compiledAt: row.compiledAt,
  };
}
