// undici's own fetch with an Agent that trusts the usual roots plus `ca`. undici's fetch is
// used rather than Node's global one, because a dispatcher from another undici version
// than Node's bundled one is not guaranteed to work with it.
import { rootCertificates } from "node:tls";
import { Agent, fetch as undiciFetch } from "undici";
import type { Fetch } from "./types.js";

export function nodeFetchTrusting(ca: string): Fetch {
  const dispatcher = new Agent({ connect: { ca: [...rootCertificates, ca] } });
  return async (request) => {
    const body = request.body === null ? undefined : await request.arrayBuffer();
    const answer = await undiciFetch(request.url, {
      method: request.method,
      headers: [...request.headers],
      body,
      signal: request.signal,
      redirect: request.redirect,
      dispatcher,
    });
    // Hand back this realm's Response, which openapi-fetch and its middleware expect.
    const noBody = [101, 204, 205, 304].includes(answer.status);
    return new Response(noBody ? null : (answer.body as ReadableStream<Uint8Array> | null), {
      status: answer.status,
      statusText: answer.statusText,
      headers: [...answer.headers],
    });
  };
}
