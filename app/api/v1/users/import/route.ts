import { handle } from "@/server/api/handler";
import { rowsRejected } from "@/server/api/rows-rejected";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { importUsers } from "@/features/accounts/server/import-users";

export const POST = handle({ ...accountEndpoints.importUsers, permission: "invite:users" }, async ({ user, body, locale }) => {
  const outcome = await importUsers(user, body.csv);
  if (!outcome.ok) return rowsRejected(locale, "import_rejected", "errors.csvRejected", outcome.errors);
  return { status: 201, body: { invited: outcome.invited } };
});
