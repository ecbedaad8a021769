import { handle } from "@/server/api/handler";
import { workshopEndpoints as e } from "@/features/workshops/endpoints";
import { announceWorkshop } from "@/features/workshops/server/announce-workshop";

export const POST = handle({ ...e.announce, permission: "announce:workshops" }, async ({ user, body }) => ({
  status: 201,
  body: await announceWorkshop(user, body),
}));
