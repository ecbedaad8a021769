import "server-only";
import { forbidden, notFound } from "next/navigation";
import { AppError } from "@/server/errors";

/**
 * Awaits a feature read for a page. The feature function decides access; its 404 and 403 become
 * the app's not-found and forbidden pages (real 404/403 statuses), so pages never re-check policy.
 */
export async function loadForPage<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    if (error instanceof AppError && error.status === 403) forbidden();
    throw error;
  }
}
