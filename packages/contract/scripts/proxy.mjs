#!/usr/bin/env node
// `pnpm mock:proxy --upstream URL`: Prism in front of a real server. Every request and
// answer passing through is checked against the bundled spec; with --errors Prism turns a
// violation into an error answer instead of only a `sl-violations` header.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { readCommandLine, usageError } from "./command-line.mjs";
import { bundleYamlPath } from "@vbm365/openapi";

const require = createRequire(import.meta.url);
const prismBin = require.resolve("@stoplight/prism-cli/dist/index.js");

const usage = "usage: pnpm mock:proxy --upstream https://vbm.example:4443 [--port 4010] [--host 127.0.0.1] [--no-errors]";

function fail(message) {
  usageError("mock:proxy", usage, message);
}

const values = readCommandLine("mock:proxy", usage, {
  upstream: { type: "string" },
  port: { type: "string", default: process.env.MOCK_PROXY_PORT ?? "4010" },
  host: { type: "string", default: "127.0.0.1" },
  "no-errors": { type: "boolean", default: false },
});
const upstream = values.upstream ?? process.env.VBM365_URL;
if (!upstream) fail("give the server to check with --upstream URL (or set VBM365_URL)");
let upstreamUrl;
try {
  upstreamUrl = new URL(upstream);
} catch {
  fail(`--upstream "${upstream}" is not a URL`);
}
if (!["http:", "https:"].includes(upstreamUrl.protocol)) fail(`--upstream must be http:// or https://, not ${upstreamUrl.protocol}`);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port "${values.port}" is not a port number`);

const args = ["proxy", bundleYamlPath, upstreamUrl.href, "-h", values.host, "-p", String(port)];
if (!values["no-errors"]) args.push("--errors");
// A self-signed upstream: trust the same CA file every other tool reads.
const env = { ...process.env };
if (process.env.VBM365_CA_FILE) env.NODE_EXTRA_CA_CERTS = process.env.VBM365_CA_FILE;

console.error(`mock:proxy: http://${values.host}:${port} -> ${upstreamUrl.origin}, answers validated against ${bundleYamlPath}`);
const child = spawn(process.execPath, [prismBin, ...args], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
