import { createVbm365Client } from "@vbm365/client";

/** A client whose every request is counted and answered with an empty page: for "refused before any request". */
export function spiedClient() {
  const sent: string[] = [];
  const client = createVbm365Client({
    baseUrl: "http://127.0.0.1:9",
    auth: { token: "spy-token" },
    retry: false,
    fetch: async (input) => {
      const request = input as Request; // the client always passes a Request
      sent.push(`${request.method} ${request.url}`);
      return Response.json({ offset: 0, limit: 1, results: [] });
    },
  });
  return { client, sent };
}
