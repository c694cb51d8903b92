// Settings from the environment: defaults, and one clear line for each bad value.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, settingsFromEnv } from "../src/server/config.js";

const accessToken = "a".repeat(16) + "B".repeat(16);

describe("settingsFromEnv", () => {
  it("defaults to loopback, port 4030, the local mock with a dummy token, Stop off", () => {
    const settings = settingsFromEnv({});
    expect(settings).toMatchObject({ host: "127.0.0.1", port: 4030, allowStop: false, allowedHosts: [] });
    expect(settings.accessToken).toBeUndefined();
    expect(settings.target.url).toBe("http://127.0.0.1:4010");
    expect("token" in settings.target.auth).toBe(true);
  });

  it("takes a token, or a user name and password, and a CA file", () => {
    const dir = mkdtempSync(join(tmpdir(), "vbm365-dashboard-"));
    writeFileSync(join(dir, "ca.pem"), "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n");
    const withToken = settingsFromEnv({ VBM365_URL: "https://vbm.example:4443/", VBM365_TOKEN: "t0k", VBM365_CA_FILE: join(dir, "ca.pem"), PORT: "5000", HOST: "0.0.0.0", DASHBOARD_ALLOW_STOP: "1", DASHBOARD_ACCESS_TOKEN: accessToken, DASHBOARD_ALLOWED_HOSTS: " dash.example.com, dash:8443 " });
    expect(withToken).toMatchObject({ host: "0.0.0.0", port: 5000, allowStop: true, accessToken, allowedHosts: ["dash.example.com", "dash:8443"], target: { url: "https://vbm.example:4443", auth: { token: "t0k" } } });
    expect(withToken.target.ca).toContain("BEGIN CERTIFICATE");
    const withLogin = settingsFromEnv({ VBM365_URL: "https://vbm.example:4443", VBM365_USERNAME: "admin", VBM365_PASSWORD: "pw" });
    expect(withLogin.target.auth).toEqual({ username: "admin", password: "pw" });
  });

  it.each([
    [{ VBM365_URL: "https://vbm.example:4443" }, /No credentials for https:\/\/vbm.example:4443: set VBM365_TOKEN/],
    [{ VBM365_USERNAME: "admin" }, /Set both VBM365_USERNAME and VBM365_PASSWORD/],
    [{ VBM365_URL: "vbm.example" }, /VBM365_URL is not a URL/],
    [{ VBM365_URL: "ftp://vbm.example", VBM365_TOKEN: "t" }, /must start with http:\/\/ or https:\/\//],
    [{ VBM365_URL: "https://admin:s3cret@vbm.example", VBM365_TOKEN: "t" }, /must not hold a user name or password/],
    [{ PORT: "80a" }, /PORT must be a number from 0 to 65535/],
    [{ PORT: "70000" }, /PORT must be a number/],
    [{ DASHBOARD_ALLOW_STOP: "yes" }, /DASHBOARD_ALLOW_STOP must be 1 or 0/],
    [{ VBM365_API_VERSION: "v9" }, /VBM365_API_VERSION must be one of auto, v6, v7, v8 \(default auto\), not "v9"/],
    [{ VBM365_CA_FILE: "/nonexistent/ca.pem" }, /VBM365_CA_FILE \/nonexistent\/ca.pem cannot be read \(ENOENT\)/],
    [{ HOST: "0.0.0.0" }, /HOST 0.0.0.0 is beyond loopback: set DASHBOARD_ACCESS_TOKEN/],
    [{ HOST: "192.168.1.20", DASHBOARD_ACCESS_TOKEN: "short-token" }, /DASHBOARD_ACCESS_TOKEN must be at least 32 printable characters/],
    [{ DASHBOARD_ACCESS_TOKEN: `${accessToken} with spaces` }, /DASHBOARD_ACCESS_TOKEN must be at least 32 printable characters without spaces/],
    [{ DASHBOARD_ALLOWED_HOSTS: "dash.example.com,evil.example/path" }, /DASHBOARD_ALLOWED_HOSTS: "evil.example\/path" is not a host name/],
  ])("refuses %j with a message naming it", (env, message) => {
    expect(() => settingsFromEnv(env)).toThrow(ConfigError);
    expect(() => settingsFromEnv(env)).toThrow(message);
  });

  it("speaks the newest API version the server serves unless VBM365_API_VERSION pins one", () => {
    expect(settingsFromEnv({}).target.apiVersion).toBe("auto");
    expect(settingsFromEnv({ VBM365_API_VERSION: " v7 " }).target.apiVersion).toBe("v7");
    const login = { VBM365_URL: "https://vbm.example", VBM365_USERNAME: "admin", VBM365_PASSWORD: "pw" };
    expect(settingsFromEnv({ ...login, VBM365_API_VERSION: "v6" }).target.apiVersion).toBe("v6");
    expect(settingsFromEnv({ ...login, VBM365_TOKEN: undefined }).target.apiVersion).toBe("auto");
  });

  it("never repeats a secret in its messages", () => {
    const messages: string[] = [];
    const envs = [{ VBM365_URL: "https://admin:s3cret@vbm.example", VBM365_TOKEN: "t" }, { VBM365_PASSWORD: "s3cret" }, { DASHBOARD_ACCESS_TOKEN: "s3cret" }];
    for (const env of envs) {
      try {
        settingsFromEnv(env);
      } catch (error) {
        messages.push((error as Error).message);
      }
    }
    expect(messages).toHaveLength(3);
    expect(messages.join("\n")).not.toContain("s3cret");
  });
});
