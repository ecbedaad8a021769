import { handle } from "@/server/api/handler";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { importUsers } from "@/features/accounts/server/import-users";
import { grantableRoles } from "@/server/authz/policy";
import { translateError } from "@/server/i18n";

export const POST = handle({ ...accountEndpoints.importUsers, permission: "read:users" }, async ({ user, body, locale }) => {
  const outcome = await importUsers({ ...user, grantable: grantableRoles(user) }, body.csv);
  if (!outcome.ok) {
    const errors = outcome.errors.map((e) => ({ ...e, message: translateError(locale, e.message) }));
    return { status: 422, body: { error: { code: "import_rejected", message: translateError(locale, "errors.csvRejected"), rows: errors } } };
  }
  return { status: 201, body: { invited: outcome.invited } };
});
