import { handle } from "@/server/api/handler";
import { directoryEndpoints } from "@/features/directory/endpoints";
import { createOrganization } from "@/features/directory/server/create-directory-entries";

export const POST = handle(directoryEndpoints.createOrganization, async ({ user, body }) => {
  return { status: 201, body: await createOrganization(user, body) };
});
