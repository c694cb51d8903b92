import { describe, expect, it } from "vitest";
import { createVbm365Client, Vbm365ApiError } from "../src/index.js";

function recordingFetch(respond: (request: Request) => Response) {
  const requests: Request[] = [];
  const fetch = async (input: Request) => {
    requests.push(input);
    return respond(input);
  };
  return { requests, fetch: fetch as unknown as typeof globalThis.fetch };
}

const page = { offset: 0, limit: 30, results: [], setId: "00000000-0000-0000-0000-000000000000" };

describe("restoreSessions.list", () => {
  it("sends the bearer token and the filter as query parameters", async () => {
    const { requests, fetch } = recordingFetch(() => Response.json(page));
    const vbm = createVbm365Client({ baseUrl: "https://vbm.example:4443/", auth: { token: "t0ken" }, fetch });

    const result = await vbm.restoreSessions.list({ startTimeFrom: "2022-03-12T15:55:20.8557416Z", limit: 5 });

    expect(result).toEqual(page);
    const sent = new URL(requests[0]!.url);
    expect(sent.origin + sent.pathname).toBe("https://vbm.example:4443/v6/RestoreSessions");
    expect(sent.searchParams.get("startTimeFrom")).toBe("2022-03-12T15:55:20.8557416Z");
    expect(sent.searchParams.get("limit")).toBe("5");
    expect(requests[0]!.headers.get("authorization")).toBe("Bearer t0ken");
  });

  it("turns a non-2xx answer into Vbm365ApiError with the server's message", async () => {
    const { fetch } = recordingFetch(() => Response.json({ message: "Authorization has been denied for this request." }, { status: 401 }));
    const vbm = createVbm365Client({ baseUrl: "https://vbm.example:4443", auth: { token: "t0ken" }, fetch });

    const error = await vbm.restoreSessions.list().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Vbm365ApiError);
    expect(error).toMatchObject({ status: 401, method: "GET", path: "/v6/RestoreSessions" });
    expect((error as Error).message).toContain("Authorization has been denied");
  });
});
