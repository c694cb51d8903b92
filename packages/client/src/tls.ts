// Extra trusted CAs (`ca`) for servers with their own certificate, such as the usual
// self-signed one on port 4443. Node only: the Node parts load on first use, so a browser
// bundle never pulls them in. Certificate checks stay on; there is no switch to turn them off.
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
    loaded ??= import("./tls-node.js").then((module) => module.nodeFetchTrusting(ca));
    return (await loaded)(request);
  };
}
