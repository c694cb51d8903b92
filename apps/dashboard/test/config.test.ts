// Settings from the environment: defaults, and one clear line for each bad value.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SettingsError } from "@vbm365/app-support";
import { settingsFromEnv } from "../src/server/config.js";

const accessToken = "a".repeat(16) + "B".repeat(16);

describe("settingsFromEnv", () => {
  it("defaults to loopback, port 4030, the local mock with a dummy token, Stop off", async () => {
    const settings = await settingsFromEnv({});
    expect(settings).toMatchObject({ host: "127.0.0.1", port: 4030, allowStop: false, allowedHosts: [] });
    expect(settings.accessToken).toBeUndefined();
    expect(settings.target.url).toBe("http://127.0.0.1:4010");
    expect("token" in settings.target.auth).toBe(true);
  });

  it("takes a token, or a user name and password, and a CA file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vbm365-dashboard-"));
    writeFileSync(join(dir, "ca.pem"), "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n");
    const withToken = await settingsFromEnv({
      VBM365_URL: "https://vbm.example:4443/",
      VBM365_TOKEN: "t0k",
      VBM365_CA_FILE: join(dir, "ca.pem"),
      PORT: "5000",
      HOST: "0.0.0.0",
      DASHBOARD_ALLOW_STOP: "1",
      DASHBOARD_ACCESS_TOKEN: accessToken,
      DASHBOARD_ALLOWED_HOSTS: " dash.example.com, dash:8443 ",
    });
    expect(withToken).toMatchObject({
      host: "0.0.0.0",
      port: 5000,
      allowStop: true,
      accessToken,
      allowedHosts: ["dash.example.com", "dash:8443"],
      target: { url: "https://vbm.example:4443", auth: { token: "t0k" } },
    });
    expect(withToken.target.ca).toContain("BEGIN CERTIFICATE");
    const withLogin = await settingsFromEnv({ VBM365_URL: "https://vbm.example:4443", VBM365_USERNAME: "admin", VBM365_PASSWORD: "pw" });
    expect(withLogin.target.auth).toEqual({ username: "admin", password: "pw" });
  });

  it.each([
    [{ VBM365_URL: "https://vbm.example:4443" }, /no credentials for https:\/\/vbm.example:4443: set VBM365_TOKEN/],
    [{ VBM365_USERNAME: "admin" }, /credentials are set but no server: set VBM365_URL/],
    [{ VBM365_URL: "https://vbm.example", VBM365_USERNAME: "admin" }, /VBM365_USERNAME is set but VBM365_PASSWORD is not/],
    [{ VBM365_URL: "vbm.example" }, /VBM365_URL 'vbm.example' is not a URL/],
    [{ VBM365_URL: "ftp://vbm.example", VBM365_TOKEN: "t" }, /must start with https:\/\/ \(or http:\/\/\)/],
    [{ VBM365_URL: "https://admin:s3cret@vbm.example", VBM365_TOKEN: "t" }, /VBM365_URL must not contain credentials/],
    [{ PORT: "80a" }, /PORT must be a number from 0 to 65535/],
    [{ PORT: "70000" }, /PORT must be a number/],
    [{ DASHBOARD_ALLOW_STOP: "yes" }, /DASHBOARD_ALLOW_STOP must be 1 or 0/],
    [{ VBM365_API_VERSION: "v9" }, /VBM365_API_VERSION 'v9' is not known: use v6, v7, v8 or auto/],
    [
      { VBM365_URL: "https://vbm.example", VBM365_TOKEN: "t", VBM365_CA_FILE: "/nonexistent/ca.pem" },
      /VBM365_CA_FILE \/nonexistent\/ca.pem: ENOENT/,
    ],
    [{ HOST: "0.0.0.0" }, /HOST 0.0.0.0 is beyond loopback: set DASHBOARD_ACCESS_TOKEN/],
    [{ HOST: "192.168.1.20", DASHBOARD_ACCESS_TOKEN: "short-token" }, /DASHBOARD_ACCESS_TOKEN must be at least 32 printable characters/],
    [
      { DASHBOARD_ACCESS_TOKEN: `${accessToken} with spaces` },
      /DASHBOARD_ACCESS_TOKEN must be at least 32 printable characters without spaces/,
    ],
    [{ DASHBOARD_ALLOWED_HOSTS: "dash.example.com,evil.example/path" }, /DASHBOARD_ALLOWED_HOSTS: "evil.example\/path" is not a host name/],
  ])("refuses %j with a message naming it", async (env, message) => {
    await expect(settingsFromEnv(env)).rejects.toThrow(SettingsError);
    await expect(settingsFromEnv(env)).rejects.toThrow(message);
  });

  it("speaks the newest API version the server serves unless VBM365_API_VERSION pins one", async () => {
    expect((await settingsFromEnv({})).target.apiVersion).toBe("auto");
    expect((await settingsFromEnv({ VBM365_API_VERSION: " v7 " })).target.apiVersion).toBe("v7");
    const login = { VBM365_URL: "https://vbm.example", VBM365_USERNAME: "admin", VBM365_PASSWORD: "pw" };
    expect((await settingsFromEnv({ ...login, VBM365_API_VERSION: "v6" })).target.apiVersion).toBe("v6");
    expect((await settingsFromEnv({ ...login, VBM365_TOKEN: undefined })).target.apiVersion).toBe("auto");
  });

  it("never repeats a secret in its messages", async () => {
    const messages: string[] = [];
    const envs = [
      { VBM365_URL: "https://admin:s3cret@vbm.example", VBM365_TOKEN: "t" },
      { VBM365_PASSWORD: "s3cret" },
      { DASHBOARD_ACCESS_TOKEN: "s3cret" },
    ];
    for (const env of envs) {
      try {
        await settingsFromEnv(env);
      } catch (error) {
        messages.push((error as Error).message);
      }
    }
    expect(messages).toHaveLength(3);
    expect(messages.join("\n")).not.toContain("s3cret");
  });
});
