// What `#tls-node` is in a browser bundle (package.json `imports`, `browser` condition): the
// Node-only TLS module is never seen by a bundler, so no undici or `node:` module reaches a
// page. Reached only by a browser-condition bundle that runs in Node (`fetchTrusting` refuses
// `ca` in a browser before it gets here), so the message says which build to use instead.
import type { Fetch } from "./types.js";

export function nodeFetchTrusting(_ca: string): Fetch {
  throw new TypeError("ca: this is @vbm365/client's browser build (`browser` condition); bundle for Node to use ca");
}
