import { chmodSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigFileError, locateConfig, parseConfig, type ServerSettings } from "../src/index.js";

const FILE = "/etc/vbm365/vbm365.config.yaml";

const GOOD = `# two customers
defaults:
  apiVersion: auto
  username: CORP\\svc-audit
  password: { env: VBM_PASSWORD }
archive: ./archive.sqlite
parallel: 8
servers:
  - name: contoso-eu
    url: https://vbm-eu.contoso.example:4443/
    tags: { customer: contoso, region: eu }
    caFile: ca/contoso.pem
    timeout: 90s
  - name: fabrikam
    url: https://vbm.fabrikam.example:4443
    apiVersion: v7
    token: { command: "printf fab-token" }
`;

function errorOf(text: string, env: NodeJS.ProcessEnv = {}): ConfigFileError {
  try {
    parseConfig(text, FILE, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return error as ConfigFileError;
  }
  throw new Error("the configuration was accepted");
}

async function secretOf(server: ServerSettings): Promise<string> {
  return server.credentials.kind === "token" ? server.credentials.read() : server.credentials.readPassword();
}

describe("the fleet configuration file", () => {
  it("reads servers, defaults, tags, the archive and relative paths", async () => {
    const config = parseConfig(GOOD, FILE, { VBM_PASSWORD: "pw-from-env" });
    expect(config.parallel).toBe(8);
    expect(config.archive).toEqual({ kind: "sqlite", path: "/etc/vbm365/archive.sqlite" });
    const [contoso, fabrikam] = config.servers as [ServerSettings, ServerSettings];
    expect(contoso).toMatchObject({
      name: "contoso-eu",
      baseUrl: "https://vbm-eu.contoso.example:4443",
      apiVersion: "auto",
      caFile: "/etc/vbm365/ca/contoso.pem",
      tags: { customer: "contoso", region: "eu" },
      deadlineMs: 90_000,
    });
    expect(contoso.credentials).toMatchObject({ kind: "login", username: "CORP\\svc-audit" });
    expect(await secretOf(contoso)).toBe("pw-from-env");
    expect(fabrikam).toMatchObject({ apiVersion: "v7", tags: {} });
    expect(await secretOf(fabrikam)).toBe("fab-token");
  });

  it("takes a postgres archive URL and refuses one with a password", () => {
    const base = "servers:\n  - { name: a, url: 'https://a.example:4443', token: { env: T } }\n";
    expect(parseConfig(`archive: postgres://audit@db.example:5432/vbm\n${base}`, FILE).archive).toEqual({
      kind: "postgres",
      url: "postgres://audit@db.example:5432/vbm",
    });
    const error = errorOf(`archive: postgres://audit:hunter22@db.example/vbm\n${base}`);
    expect(error.message).toBe(
      `${FILE}:1: archive - a password in the archive URL is refused: drop it from the URL and set PGPASSWORD or use ~/.pgpass`,
    );
    expect(error.message).not.toContain("hunter22");
  });

  it.each([
    [
      "an unknown field",
      "servers:\n  - name: a\n    url: https://a.example:4443\n    pasword: { env: P }\n",
      4,
      "servers[0].pasword - unknown field 'pasword': the fields here are name, url, tags, apiVersion, caFile, timeout, token, username, password",
    ],
    [
      "a duplicate name",
      "defaults: { token: { env: T } }\nservers:\n  - { name: a, url: 'https://a.example:4443' }\n  - { name: A, url: 'https://b.example:4443' }\n",
      4,
      "servers[1].name - 'A' is already the name of another server (line 3): names must be unique",
    ],
    [
      "an inline password",
      "servers:\n  - name: a\n    url: https://a.example:4443\n    username: admin\n    password: Secr3t-Pa55\n",
      5,
      'servers[0].password - a secret written in the file is refused: reference it instead, with { env: VARIABLE }, { file: PATH } or { command: "vault ..." }',
    ],
    [
      "an inline token",
      "servers:\n  - name: a\n    url: https://a.example:4443\n    token: eyJhbGciOi\n",
      4,
      'servers[0].token - a secret written in the file is refused: reference it instead, with { env: VARIABLE }, { file: PATH } or { command: "vault ..." }',
    ],
    [
      "a bad URL",
      "servers:\n  - name: a\n    url: vbm.example:4443\n    token: { env: T }\n",
      3,
      "servers[0].url - 'vbm.example:4443' must start with https:// (or http://), such as https://vbm.example:4443",
    ],
    [
      "a URL that is no URL",
      "servers:\n  - name: a\n    url: not a url\n    token: { env: T }\n",
      3,
      "servers[0].url - 'not a url' is not a URL: use the server root, such as https://vbm.example:4443",
    ],
    [
      "credentials in the URL",
      "servers:\n  - name: a\n    url: https://admin:pw@a.example\n    token: { env: T }\n",
      3,
      "servers[0].url - must not contain credentials: use the username and password fields (a password reference) instead",
    ],
    [
      "an unknown API version",
      "servers:\n  - name: a\n    url: https://a.example\n    apiVersion: v9\n    token: { env: T }\n",
      4,
      "servers[0].apiVersion - 'v9' is not known: use v6, v7, v8 or auto (the newest the server serves)",
    ],
    [
      "a URL with a query",
      "servers:\n  - name: a\n    url: https://a.example/?x=1\n    token: { env: T }\n",
      3,
      "servers[0].url - 'https://a.example/?x=1' must be the server root, without ?query or #fragment",
    ],
    [
      "a timeout too short",
      "servers:\n  - name: a\n    url: https://a.example\n    timeout: 50ms\n    token: { env: T }\n",
      4,
      "servers[0].timeout - '50ms' is too short: use from 100ms to 24h, such as 30s, 5m or 1h",
    ],
    [
      "a timeout that is no duration",
      "servers:\n  - name: a\n    url: https://a.example\n    timeout: soon\n    token: { env: T }\n",
      4,
      "servers[0].timeout - 'soon' is not a duration: use a number and a unit (w, d, h, m, s, ms), such as 90m, 24h, 7d or 1h30m",
    ],
    [
      "a server without credentials",
      "servers:\n  - name: a\n    url: https://a.example\n",
      2,
      "servers[0] - server 'a' has no credentials: add a token reference such as { env: NAME }, or a username with a password reference, here or under defaults",
    ],
    [
      "a missing url",
      "servers:\n  - name: a\n    token: { env: T }\n",
      2,
      "servers[0].url - missing: give server 'a' its url, such as https://vbm.example:4443",
    ],
    ["broken YAML", "servers:\n  - name: a\n   url: [\n", 3, undefined],
  ])("refuses %s with one line naming the line and the field", (_, text, line, message) => {
    const error = errorOf(text);
    expect(error.line).toBe(line);
    expect(error.message.split("\n")).toHaveLength(1);
    if (message) expect(error.message).toBe(`${FILE}:${line}: ${message}`);
    expect(error.message).not.toMatch(/Secr3t|eyJhbGciOi/);
  });

  it("names a variable that is not set when the server is used", async () => {
    const config = parseConfig("servers:\n  - name: a\n    url: https://a.example\n    token: { env: CONTOSO_TOKEN }\n", FILE, {});
    await expect(secretOf(config.servers[0]!)).rejects.toThrow(
      `${FILE}:4: servers[0].token.env - the variable CONTOSO_TOKEN is not set: export it before running, or change the reference`,
    );
  });

  it("refuses a secret file others can read, with the chmod that fixes it, and reads it once private", async () => {
    const folder = mkdtempSync(join(tmpdir(), "vbm365-config-"));
    const secretFile = join(folder, "contoso.pw");
    writeFileSync(secretFile, "pw-in-file\n");
    chmodSync(secretFile, 0o644);
    const config = parseConfig(
      "servers:\n  - name: a\n    url: https://a.example\n    username: u\n    password: { file: contoso.pw }\n",
      join(folder, "vbm365.config.yaml"),
      {},
    );
    await expect(secretOf(config.servers[0]!)).rejects.toThrow(
      `servers[0].password.file - ${secretFile} can be read by group or others (mode 644): run chmod 600 '${secretFile}'`,
    );
    chmodSync(secretFile, 0o600);
    expect(await secretOf(config.servers[0]!)).toBe("pw-in-file");
  });

  it("says when a secret command fails, without printing what it wrote", async () => {
    const config = parseConfig(
      "servers:\n  - name: a\n    url: https://a.example\n    token: { command: 'echo leaked-out; exit 3' }\n",
      FILE,
      {},
    );
    const failure = secretOf(config.servers[0]!);
    await expect(failure).rejects.toThrow("the command 'echo leaked-out; exit 3' exited with status 3: run it by hand to see why");
  });
});

describe("finding the configuration file", () => {
  it("prefers --config, then VBM365_CONFIG, then the current folder, then the user folder", () => {
    const root = mkdtempSync(join(tmpdir(), "vbm365-locate-"));
    const cwd = join(root, "work");
    const xdg = join(root, "xdg");
    mkdirSync(join(xdg, "vbm365"), { recursive: true });
    mkdirSync(cwd);
    writeFileSync(join(xdg, "vbm365", "config.yaml"), "");
    const env = { XDG_CONFIG_HOME: xdg };
    expect(locateConfig({ env, cwd })).toEqual({ path: join(xdg, "vbm365", "config.yaml"), source: "user folder" });
    writeFileSync(join(cwd, "vbm365.config.yaml"), "");
    expect(locateConfig({ env, cwd })?.source).toBe("current folder");
    writeFileSync(join(root, "other.yaml"), "");
    expect(locateConfig({ env: { ...env, VBM365_CONFIG: "../other.yaml" }, cwd })).toEqual({
      path: join(root, "other.yaml"),
      source: "VBM365_CONFIG",
    });
    expect(locateConfig({ flag: "vbm365.config.yaml", env: { ...env, VBM365_CONFIG: "../other.yaml" }, cwd })?.source).toBe("--config");
    expect(() => locateConfig({ flag: "missing.yaml", env, cwd })).toThrow(
      "--config missing.yaml: no such file: check the path, or create it (see 'Fleet' in the README)",
    );
    expect(locateConfig({ env: {}, cwd: root, home: join(root, "nohome") })).toBeUndefined();
  });
});
