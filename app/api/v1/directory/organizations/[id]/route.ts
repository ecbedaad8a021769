import { handle } from "@/server/api/handler";
import { directoryEndpoints } from "@/features/directory/endpoints";
import { updateOrganizationSettings } from "@/features/directory/server/create-directory-entries";

export const PATCH = handle(directoryEndpoints.updateOrganization, async ({ user, params, body }) => ({
  body: await updateOrganizationSettings(user, params.id, body),
}));
