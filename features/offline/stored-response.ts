/**
 * A response as the device keeps it (decision 036): the body as read, without the transfer headers
 * of the original (its compression and length no longer apply), and when it was kept. Used by the
 * service worker and by the pages that save things for offline.
 */
export function storableResponse(body: string | Blob, response: Response, now = new Date()): Response {
  const headers = new Headers(response.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  headers.set("x-skh-stored-at", now.toISOString());
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
