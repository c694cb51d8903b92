import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  addVersionSwitch,
  claimedVersions,
  curlSample,
  decorateSpec,
  inlineRedoclyAttribution,
  pageLink,
  readTypeScriptSamples,
  redocOptions,
  resolveRefFor,
  type Sample,
} from "./lib.js";
import { operations, spec, specOf } from "./spec.js";

const samplesDir = new URL("../samples/", import.meta.url).pathname;
const logoSvg = readFileSync(new URL("../assets/logo.svg", import.meta.url), "utf8");
const typeScriptSamples = readTypeScriptSamples(samplesDir);
const find = (operationId: string) => {
  const entry = operations.find(({ operation }) => operation.operationId === operationId);
  if (!entry) throw new Error(`no ${operationId} in the spec`);
  return entry;
};

describe("decorateSpec", () => {
  const decorated = decorateSpec(spec, { typeScriptSamples, logoSvg });

  it("gives every operation of the spec a TypeScript sample from samples/ and a curl sample", () => {
    expect(operations.length).toBeGreaterThan(0);
    for (const { path, method, operation } of operations) {
      const samples = decorated.paths[path][method]["x-codeSamples"] as { lang: string; label: string; source: string }[];
      const file = readFileSync(`${samplesDir}${operation.operationId}.ts`, "utf8");
      expect(samples[0], operation.operationId).toEqual({ lang: "TypeScript", label: "TypeScript", source: `${file.trimEnd()}\n` });
      expect(samples.find((s) => s.label === "curl")?.source, operation.operationId).toMatch(/^curl /);
    }
  });

  it("leaves the input spec untouched and keeps its overview, adding the logo and a samples note", () => {
    expect(JSON.stringify(spec)).not.toContain("x-codeSamples");
    expect(decorated.info.description.startsWith(spec.info.description.trimEnd())).toBe(true);
    expect(decorated.info.description).toContain("## Code samples");
    const logo = decorated.info["x-logo"].url as string;
    expect(Buffer.from(logo.replace("data:image/svg+xml;base64,", ""), "base64").toString()).toBe(logoSvg);
  });

  it("refuses an operation without a TypeScript sample, naming the file to add", () => {
    const withoutStop = new Map(typeScriptSamples);
    withoutStop.delete("RestoreSession_StopAction");
    expect(() => decorateSpec(spec, { typeScriptSamples: withoutStop, logoSvg })).toThrow(
      /RestoreSession_StopAction .* has no TypeScript sample for v6: add samples\/RestoreSession_StopAction\.ts/,
    );
  });

  it("refuses a sample whose operation the spec no longer has", () => {
    const stale = new Map(typeScriptSamples);
    const sample: Sample = { label: "TypeScript", source: "", file: "RestoreSession_Delete.ts" };
    stale.set("RestoreSession_Delete", [sample]);
    expect(() => decorateSpec(spec, { typeScriptSamples: stale, logoSvg })).toThrow(
      /samples\/RestoreSession_Delete\.ts belongs to RestoreSession_Delete, which the v6 spec does not have/,
    );
  });

  it("lists every sample label as a Redoc language, or Redoc would hide that sample", () => {
    const labels = redocOptions(decorated).codeSamples.languages.map((l: { label: string }) => l.label);
    expect(labels).toEqual(["TypeScript", "TypeScript (one page)", "curl"]);
  });
});

describe("curlSample", () => {
  it("sends the bearer token and the example query of the list operation", () => {
    const command = curlSample(spec, find("RestoreSession_GetPage"));
    expect(command).toContain(`"$VBM365_URL/v6/RestoreSessions?startTimeFrom=`);
    expect(command).toContain("limit=30");
    expect(command).toContain(`-H "Authorization: Bearer $VBM365_TOKEN"`);
  });

  it("fills path parameters with the spec's examples and POSTs where the spec says so", () => {
    const stop = find("RestoreSession_StopAction");
    const idParameter = [...(stop.pathItem.parameters ?? []), ...(stop.operation.parameters ?? [])]
      .map(resolveRefFor(spec))
      .find((p: { in: string }) => p.in === "path");
    const command = curlSample(spec, stop);
    expect(command).toMatch(/^curl -sS -X POST /);
    expect(command).toContain(`"$VBM365_URL/v6/RestoreSessions/${idParameter.example}/Stop"`);
  });

  it("logs in with a form body from the environment, without a bearer token", () => {
    const command = curlSample(spec, find("token"));
    expect(command).toContain("-X POST");
    expect(command).toContain("-H 'Content-Type: application/x-www-form-urlencoded'");
    expect(command).toContain(`--data-urlencode "password=$VBM365_PASSWORD"`);
    expect(command).not.toContain("Authorization");
    expect(command).not.toContain("example-password");
  });
});

describe("inlineRedoclyAttribution", () => {
  it("replaces Redoc's CDN logo with an inline image", () => {
    const page = "<img src=`https://cdn.redoc.ly/redoc/logo-mini-full.svg`><img src=`https://cdn.redoc.ly/redoc/logo-mini.svg`>";
    const offline = inlineRedoclyAttribution(page);
    expect(offline).not.toContain("cdn.redoc.ly");
    expect(offline.match(/data:image\/svg\+xml;base64,/g)).toHaveLength(2);
  });

  it("fails loudly when Redoc stops using that URL, so a new external request is looked at", () => {
    expect(() => inlineRedoclyAttribution("<html></html>")).toThrow(/no longer references/);
  });
});

describe("samples and API versions", () => {
  const sample = (source: string, versions?: string[]): Sample => ({
    label: "TypeScript",
    source,
    file: "x.ts",
    ...(versions ? { versions } : {}),
  });
  const v8 = specOf("v8");
  // Every v6 operation's sample, claiming every version, plus one for v8's Statistics.
  const allVersions = new Map(
    operations.map(({ operation }) => [operation.operationId as string, [sample(`// ${operation.operationId}\n`)]]),
  );
  const withStatistics = new Map(allVersions).set("RestoreSession_GetRestoreStatistics", [sample("// statistics\n", ["v8"])]);

  it("reads the versions a sample claims, and refuses a malformed claim", () => {
    expect(claimedVersions("// API versions: v7 v8\nconsole.log(1);\n")).toEqual(["v7", "v8"]);
    expect(claimedVersions("// API version: v8\n")).toEqual(["v8"]);
    expect(claimedVersions("console.log(1);\n")).toBeUndefined();
    expect(() => claimedVersions("// API versions: eight\n")).toThrow(/must list API versions like "\/\/ API versions: v7 v8"/);
  });

  it("puts a v8-only sample on the v8 page and keeps it off the v6 page", () => {
    const decoratedV8 = decorateSpec(v8, { typeScriptSamples: withStatistics, logoSvg });
    const statistics = decoratedV8.paths["/v8/RestoreSessions/{restoreSessionId}/Statistics"].get["x-codeSamples"];
    expect(statistics[0]).toEqual({ lang: "TypeScript", label: "TypeScript", source: "// statistics\n" });
    expect(statistics[1].source).toContain(`"$VBM365_URL/v8/RestoreSessions/`);
    const decoratedV6 = decorateSpec(spec, { typeScriptSamples: withStatistics, logoSvg });
    expect(JSON.stringify(decoratedV6)).not.toContain("// statistics");
  });

  it("refuses a v8 operation without a sample for v8, and a sample for all versions of an operation v6 lacks", () => {
    expect(() => decorateSpec(v8, { typeScriptSamples: allVersions, logoSvg })).toThrow(
      /RestoreSession_GetRestoreStatistics \(GET \/v8\/RestoreSessions\/\{restoreSessionId\}\/Statistics\) has no TypeScript sample for v8/,
    );
    const unclaimed = new Map(allVersions).set("RestoreSession_GetRestoreStatistics", [sample("// statistics\n")]);
    expect(() => decorateSpec(spec, { typeScriptSamples: unclaimed, logoSvg })).toThrow(
      /belongs to RestoreSession_GetRestoreStatistics, which the v6 spec does not have: .*"\/\/ API versions:" line/,
    );
  });

  it("names the version's own token path in the samples note", () => {
    const decoratedV8 = decorateSpec(v8, { typeScriptSamples: withStatistics, logoSvg });
    expect(decoratedV8.info.description).toContain("(from `POST /v8/token`;");
  });
});

describe("the version switch", () => {
  it("links every version's page relatively, v6 at the root", () => {
    expect(pageLink("v6", "v8")).toBe("v8/index.html");
    expect(pageLink("v8", "v6")).toBe("../index.html");
    expect(pageLink("v7", "v8")).toBe("../v8/index.html");
  });

  it("goes at the start of the body, the current version marked", () => {
    const page = addVersionSwitch('<html><body class="x"><div id="redoc"></div></body></html>', "v7", ["v6", "v7", "v8"]);
    expect(page).toContain(
      '<body class="x"><nav id="api-version-switch" aria-label="API version"><span>API version</span>' +
        '<a href="../index.html">v6</a><a href="../v7/index.html" aria-current="page">v7</a><a href="../v8/index.html">v8</a>' +
        '<a href="../client/index.html">client</a></nav><div id="redoc">',
    );
    expect(() => addVersionSwitch("<html></html>", "v6", ["v6"])).toThrow(/no <body>/);
  });
});
