import { describe, expect, it } from "vitest";
import type { ServerSettings } from "../src/index.js";

describe("ServerSettings", () => {
  it("reads a token lazily, only when asked", async () => {
    let reads = 0;
    const server: ServerSettings = {
      name: "default",
      baseUrl: "https://vbm.example:4443",
      apiVersion: "auto",
      tags: {},
      credentials: { kind: "token", read: async () => `t${++reads}` },
    };
    expect(reads).toBe(0);
    expect(server.credentials.kind === "token" && (await server.credentials.read())).toBe("t1");
  });
});
