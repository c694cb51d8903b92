import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectionOf, serverFromEnv, SettingsError } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "app-support-env-"));
const caFile = join(dir, "ca.pem");
writeFileSync(caFile, "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n");
const mock = { baseUrl: "http://127.0.0.1:4010", token: "mock-token" };

describe("serverFromEnv", () => {
  it("reads the URL, a token, the CA file and the version into one server named default", async () => {
    const server = serverFromEnv({
      VBM365_URL: " https://vbm.example:4443/ ",
      VBM365_TOKEN: "t0ken-1",
      VBM365_CA_FILE: caFile,
      VBM365_API_VERSION: "V7",
    });
    expect(server).toMatchObject({ name: "default", baseUrl: "https://vbm.example:4443", apiVersion: "v7", caFile, tags: {} });
    const connection = await connectionOf(server!);
    expect(connection.options).toMatchObject({ baseUrl: "https://vbm.example:4443", apiVersion: "v7", auth: { token: "t0ken-1" } });
    expect(connection.options.ca).toContain("BEGIN CERTIFICATE");
    expect(connection.secrets).toEqual(["t0ken-1"]);
  });

  it("names no server without a URL, unless the app falls back on the mock; an empty URL is unset", () => {
    expect(serverFromEnv({})).toBeUndefined();
    expect(serverFromEnv({ VBM365_URL: "  " }, { mock })).toMatchObject({ baseUrl: mock.baseUrl, apiVersion: "auto" });
    expect(
      serverFromEnv({ VBM365_URL: "https://from-env.example", VBM365_TOKEN: "t" }, { url: "https://from-flag.example" })?.baseUrl,
    ).toBe("https://from-flag.example");
  });

  it("asks for the password only when the server is used", async () => {
    const asked: string[] = [];
    const server = serverFromEnv(
      { VBM365_URL: "https://vbm.example", VBM365_USERNAME: "admin" },
      {
        askPassword: async (user, url) => {
          asked.push(`${user}@${url}`);
          return "typed-pw";
        },
      },
    );
    expect(asked).toEqual([]);
    const connection = await connectionOf(server!);
    expect(connection.options.auth).toEqual({ username: "admin", password: "typed-pw" });
    expect(asked).toEqual(["admin@https://vbm.example"]);
  });

  it.each([
    [{ VBM365_URL: "vbm.example" }, "VBM365_URL 'vbm.example' is not a URL: use the server root, such as https://vbm.example:4443"],
    [
      { VBM365_URL: "ftp://vbm.example", VBM365_TOKEN: "t" },
      "VBM365_URL 'ftp://vbm.example' must start with https:// (or http://), such as https://vbm.example:4443",
    ],
    [
      { VBM365_URL: "https://admin:s3cret@vbm.example", VBM365_TOKEN: "t" },
      "VBM365_URL must not contain credentials: use VBM365_USERNAME and VBM365_PASSWORD",
    ],
    [
      { VBM365_URL: "https://vbm.example" },
      "no credentials for https://vbm.example: set VBM365_TOKEN, or VBM365_USERNAME and VBM365_PASSWORD",
    ],
    [
      { VBM365_URL: "https://vbm.example", VBM365_PASSWORD: "s3cret" },
      "no credentials for https://vbm.example (VBM365_PASSWORD is set without VBM365_USERNAME): set VBM365_TOKEN, or VBM365_USERNAME and VBM365_PASSWORD",
    ],
    [
      { VBM365_URL: "https://vbm.example", VBM365_USERNAME: "admin" },
      "VBM365_USERNAME is set but VBM365_PASSWORD is not: set VBM365_PASSWORD (or VBM365_TOKEN instead)",
    ],
    [{ VBM365_TOKEN: "s3cret" }, "credentials are set but no server: set VBM365_URL, such as https://vbm.example:4443"],
    [{ VBM365_PASSWORD: "s3cret" }, "credentials are set but no server: set VBM365_URL, such as https://vbm.example:4443"],
    [{ VBM365_API_VERSION: "v9" }, "VBM365_API_VERSION 'v9' is not known: use v6, v7, v8 or auto (the newest the server serves)"],
    [
      { VBM365_URL: "https://vbm.example", VBM365_TOKEN: "t", VBM365_CA_FILE: "/nonexistent/ca.pem" },
      "VBM365_CA_FILE /nonexistent/ca.pem: ENOENT: point it at the PEM file of the CA that signed the server certificate",
    ],
    [
      { VBM365_URL: "https://vbm.example", VBM365_TOKEN: "t", VBM365_CA_FILE: join(dir) },
      `VBM365_CA_FILE ${dir}: EISDIR: point it at the PEM file of the CA that signed the server certificate`,
    ],
  ])("refuses %j with one line naming the variable, never the secret", (env, message) => {
    let error: unknown;
    try {
      serverFromEnv(env, { mock });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toBe(message);
    expect((error as Error).message).not.toContain("s3cret");
  });
});
