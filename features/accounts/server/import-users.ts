import "server-only";
import Papa from "papaparse";
import { getDb, type Role } from "@/server/db/client";
import { authorize, grantableRoles, organizationsWhere, type Actor } from "@/server/authz/policy";
import { ZEmail, ZPersonName, type TImportRowError, type TInvitationCreate } from "../schemas";
import { singleLine, TEXT_ERRORS } from "@/lib/zod-text";
import { createInvitations, findEmailsInvitedOutOfReach } from "./create-invitations";

export const MAX_IMPORT_ROWS = 2000;

const HEADER_ALIASES: Record<string, "name" | "email" | "organization" | "roles" | "position" | "language"> = {
  name: "name",
  "ім'я": "name",
  піб: "name",
  email: "email",
  "e-mail": "email",
  "ел. пошта": "email",
  "електронна пошта": "email",
  organization: "organization",
  organisation: "organization",
  організація: "organization",
  roles: "roles",
  ролі: "roles",
  position: "position",
  посада: "position",
  language: "language",
  мова: "language",
};

const ROLE_ALIASES: Record<string, Role> = {
  learner: "LEARNER",
  учасник: "LEARNER",
  слухач: "LEARNER",
  curator: "CURATOR",
  куратор: "CURATOR",
  methodologist: "METHODOLOGIST",
  методист: "METHODOLOGIST",
  admin: "ADMIN",
  адміністратор: "ADMIN",
};

type ImportRow = TInvitationCreate & { line: number };
type Parsed = { rows: ImportRow[]; errors: TImportRowError[] };

/**
 * Reads "name, email, organization, roles" (plus optional position and language) and reports every
 * problem by row and field. Pure apart from the organization lookup, so it is tested directly.
 */
export function parseImportCsv(csv: string, organizations: { id: string; name: string; hromadas?: string[] }[], actor: Actor): Parsed {
  const grantable = grantableRoles(actor);
  const errors: TImportRowError[] = [];
  const result = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? h.trim().toLowerCase(),
  });
  const fields = result.meta.fields ?? [];
  for (const required of ["name", "email", "organization", "roles"]) {
    if (!fields.includes(required)) errors.push({ row: 1, field: required, message: "errors.csvMissingColumn" });
  }
  if (errors.length) return { rows: [], errors };
  if (result.data.length === 0) return { rows: [], errors: [{ row: 1, field: "_", message: "errors.csvEmpty" }] };
  if (result.data.length > MAX_IMPORT_ROWS) {
    return { rows: [], errors: [{ row: 1, field: "_", message: "errors.csvTooManyRows" }] };
  }
  // Names are unique within a hromada only: a name shared by two hromadas must be written as the
  // list shows it, "Name (Hromada)".
  const orgsByName = new Map<string, string[]>();
  for (const o of organizations) {
    for (const key of [o.name, ...(o.hromadas ?? []).map((h) => `${o.name} (${h})`)]) {
      const k = key.trim().toLowerCase();
      const ids = orgsByName.get(k) ?? [];
      if (!ids.includes(o.id)) orgsByName.set(k, [...ids, o.id]);
    }
  }
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];

  result.data.forEach((raw, index) => {
    const row = index + 2; // line 1 is the header
    const before = errors.length;
    const name = ZPersonName.safeParse(raw.name ?? "");
    if (!name.success) errors.push({ row, field: "name", message: name.error.issues[0]?.message ?? "errors.nameTooShort" });
    // Positions longer than the limit are cut, as before; line breaks and control characters are refused.
    const position = singleLine().safeParse(raw.position ?? "");
    if (!position.success) errors.push({ row, field: "position", message: position.error.issues[0]?.message ?? TEXT_ERRORS.forbidden });
    const email = ZEmail.safeParse(raw.email ?? "");
    if (!email.success) errors.push({ row, field: "email", message: "errors.emailInvalid" });
    else if (seen.has(email.data)) errors.push({ row, field: "email", message: "errors.csvDuplicateEmail" });
    else seen.set(email.data, row);
    const matches = orgsByName.get((raw.organization ?? "").trim().toLowerCase()) ?? [];
    const organizationId = matches.length === 1 ? matches[0] : undefined;
    if (matches.length > 1) errors.push({ row, field: "organization", message: "errors.organizationAmbiguous" });
    else if (!organizationId) errors.push({ row, field: "organization", message: "errors.organizationNotFound" });
    const roleNames = (raw.roles ?? "")
      .split(/[;|,]/)
      .map((r) => r.trim().toLowerCase())
      .filter(Boolean);
    const roles = [...new Set(roleNames.map((r) => ROLE_ALIASES[r]))];
    if (roles.length === 0 || roles.some((r) => r === undefined)) {
      errors.push({ row, field: "roles", message: "errors.csvUnknownRole" });
    } else if (roles.some((r) => !grantable.includes(r as Role))) {
      errors.push({ row, field: "roles", message: "errors.roleNotGrantable" });
    }
    const language = (raw.language ?? "").trim().toLowerCase();
    if (language && language !== "uk" && language !== "en") errors.push({ row, field: "language", message: "errors.csvUnknownLanguage" });
    if (errors.length === before && name.success && email.success && position.success && organizationId) {
      rows.push({
        line: row,
        name: name.data,
        email: email.data,
        organizationId,
        roles: roles as Role[],
        position: [...position.data].slice(0, 120).join(""),
        locale: language === "en" ? "en" : "uk",
      });
    }
  });
  return { rows, errors };
}

export type ImportOutcome = { ok: true; invited: number } | { ok: false; errors: TImportRowError[] };

/** All or nothing: any bad row means no invitation is created and the report lists every problem. */
export async function importUsers(actor: Actor, csv: string): Promise<ImportOutcome> {
  authorize(actor, "invite:users");
  const db = getDb();
  const organizations = (
    await db.organization.findMany({ where: organizationsWhere(actor), select: { id: true, name: true, hromada: { select: { nameUk: true, nameEn: true } } } })
  ).map((o) => ({ id: o.id, name: o.name, hromadas: [o.hromada.nameUk, o.hromada.nameEn] }));
  const parsed = parseImportCsv(csv, organizations, actor);
  const existing = await db.user.findMany({
    where: { email: { in: parsed.rows.map((r) => r.email) } },
    select: { email: true },
  });
  const taken = new Set(existing.map((u) => u.email));
  const outOfReach = await findEmailsInvitedOutOfReach(
    db,
    actor,
    parsed.rows.map((r) => r.email),
  );
  for (const r of parsed.rows) {
    if (taken.has(r.email)) parsed.errors.push({ row: r.line, field: "email", message: "errors.emailTaken" });
    else if (outOfReach.has(r.email)) parsed.errors.push({ row: r.line, field: "email", message: "errors.invitationPendingElsewhere" });
  }
  if (parsed.errors.length > 0) {
    return { ok: false, errors: parsed.errors.sort((a, b) => a.row - b.row) };
  }
  const invitations = await createInvitations(
    actor,
    parsed.rows.map(({ line: _line, ...row }) => row),
  );
  return { ok: true, invited: invitations.length };
}
