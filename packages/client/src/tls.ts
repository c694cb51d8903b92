// Extra trusted CAs (`ca`) for servers with their own certificate, such as the usual
// self-signed one on port 4443. Node only: the Node parts load on first use, through the
// package's own `#tls-node` import, which a bundler's `browser` condition maps to
// tls-browser.ts, so a browser bundle never sees undici or `node:tls` (package.json
// `imports`). Certificate checks stay on; there is no switch to turn them off.
import type { Fetch } from "./types.js";

export function fetchTrusting(ca: string): Fetch {
  if (!/-----BEGIN CERTIFICATE-----/.test(ca)) {
    throw new TypeError("ca: expected PEM text (-----BEGIN CERTIFICATE-----), not a file path");
  }
  if (!globalThis.process?.versions?.node) {
    throw new TypeError("ca: Node only; browsers trust the system's CAs");
  }
  let loaded: Promise<Fetch> | undefined;
  return async (request) => {
    loaded ??= import("#tls-node").then((module) => module.nodeFetchTrusting(ca));
    return (await loaded)(request);
  };
}
