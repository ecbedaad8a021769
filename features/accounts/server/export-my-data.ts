import "server-only";
import { getDb } from "@/server/db/client";
import { recordAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/policy";
import { myDataFileName, type MyData } from "../my-data";
import { getMyData } from "./get-my-data";

/**
 * The person's own data as a file to keep (decision 051): what `getMyData` gathers, as indented
 * JSON, and a line in the audit trail that they took a copy (never what it held).
 */
export async function exportMyData(actor: Actor, now = new Date()): Promise<{ data: MyData; fileName: string; json: string }> {
  const data = await getMyData(actor, now);
  await recordAudit(getDb(), { actorId: actor.id, action: "personal-data.exported", targetType: "User", targetId: actor.id, regionId: actor.regionId });
  return { data, fileName: myDataFileName(now), json: `${JSON.stringify(data, null, 2)}\n` };
}
