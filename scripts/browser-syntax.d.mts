export const ECMA_VERSION: 2022;

export type NewerBuiltIn = { name: string; pattern: RegExp; since: string };
export const NEWER_BUILT_INS: NewerBuiltIn[];

export type SourceCheck =
  { ok: true; sourceType: "module" | "script" } | { ok: false; file: string; line: number; column: number; message: string; excerpt: string };
export function checkSource(code: string, name: string): SourceCheck;

export function findNewerBuiltIns(code: string): { name: string; since: string; count: number; excerpt: string }[];
