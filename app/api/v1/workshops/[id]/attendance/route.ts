import { handle } from "@/server/api/handler";
import { workshopEndpoints as e } from "@/features/workshops/endpoints";
import { recordAttendance } from "@/features/workshops/server/record-attendance";

export const POST = handle(e.attendance, async ({ user, params, body }) => ({ body: await recordAttendance(user, params.id, body.attended) }));
