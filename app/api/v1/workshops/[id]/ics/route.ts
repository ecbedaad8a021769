import { handle } from "@/server/api/handler";
import { workshopEndpoints as e } from "@/features/workshops/endpoints";
import { getWorkshopIcs } from "@/features/workshops/server/workshop-ics";

export const GET = handle(e.ics, async ({ user, params, locale, req }) => {
  const { content, name } = await getWorkshopIcs(user, params.id, locale, req.nextUrl.origin);
  return { file: { content, type: "text/calendar; charset=utf-8", name } };
});
