// `--help` and the README list everything the code offers: every flag, every fault and
// every defect, read from the code's own tables, so a new one cannot go undocumented.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import { CLI_OPTIONS } from "../src/cli-args.js";
import { DEFECT_DESCRIPTIONS, DEFECTS } from "../src/defects.js";
import { FAULT_DESCRIPTIONS, FAULT_KINDS } from "../src/faults.js";
import { OPTION_NAMES, type TestServerOptions } from "../src/options.js";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const README = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");

describe("vbm365-testkit --help", () => {
  const result = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8" });
  const lines = result.stdout.split("\n");
  const lineOf = (start: string) => lines.find((line) => line.trimStart().startsWith(start));

  it("prints the help on stdout and exits 0 without starting a server", () => {
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(lines[0]).toMatch(/^usage: vbm365-testkit \[options\]/);
    expect(result.stdout).not.toMatch(/VBM365_URL=/);
  });

  it.each(Object.keys(CLI_OPTIONS))("lists --%s with its help text", (name) => {
    expect(lineOf(`--${name}`)).toContain(CLI_OPTIONS[name]!.help);
  });

  it("states the defaults: sessions, seed, port, token lifetime, token dates, credentials", () => {
    expect(lineOf("--sessions")).toContain("(default 100)");
    expect(lineOf("--seed")).toContain("(default 1)");
    expect(lineOf("--port")).toContain("(default 0: any free port");
    expect(lineOf("--token-ttl")).toContain("(default 3600)");
    expect(lineOf("--token-dates")).toContain("iso8601 as the vendor's document declares (default)");
    expect(result.stdout).toContain("Log in as testkit-admin / testkit-password.");
  });

  it.each([...DEFECTS])("lists the defect %s with what it does", (defect) => {
    expect(lineOf(`${defect} `)).toContain(DEFECT_DESCRIPTIONS[defect]);
  });

  it.each([...FAULT_KINDS])("lists the fault %s with what the client gets", (kind) => {
    expect(lineOf(`${kind} `)).toContain(FAULT_DESCRIPTIONS[kind]);
  });
});

describe("the README", () => {
  it("names every option of startTestServer, and the list of names is complete", () => {
    expectTypeOf<(typeof OPTION_NAMES)[number]>().toEqualTypeOf<keyof TestServerOptions>();
    for (const name of OPTION_NAMES) expect(README, name).toContain(`\`${name}\``);
  });

  it("names every flag, fault and defect", () => {
    for (const name of Object.keys(CLI_OPTIONS)) expect(README, name).toContain(`--${name}`);
    for (const kind of FAULT_KINDS) expect(README, kind).toContain(`| \`${kind}\` |`);
    for (const defect of DEFECTS) expect(README, defect).toContain(`| \`${defect}\` |`);
  });
});
