// Bundle budget of the client as a browser bundler really builds it: esbuild with
// `platform: "browser"`, so the `browser` condition of package.json `imports` swaps the
// Node-only TLS module (undici, node:tls) for tls-browser.js, exactly as Vite and esbuild do
// for an app. Nothing of the client is left out; only openapi-fetch, a dependency measured
// by its own authors, is.
//
// The rule beside the number: bytes are won by structure, fewer layers and less work, never
// by folding named steps into one expression. If a readable change needs more, raise the
// budget in the same commit and say why.
//
// Why 7,900 B and not the 5,000 B first aimed for: measured 7,717 B; the limit is that plus
// 2.4%. What the bytes pay for, min+gzip, each measured as the bundle with that feature
// stubbed out (docs/benchmarks.md, "Bundle: what each feature costs"; the rows overlap, so
// they do not add up):
//   retries (Retry-After, backoff, stale socket) ~510   login and refresh ~500
//   apiVersion, "auto" probe, v8-only calls ~480         walk bounds and Vbm365WalkError ~400
//   TLS `ca` check and its lazy loader ~380              streaming body cap ~290
//   error mapping (toClientError) ~210                  typed `api` client's fetch ~210
//   redirect refusal ~180                               encoded-secret redaction ~170
//   deadline raced against GC ~80
// The last raise (from 7,250 B, when the client measured 7,077 B): the one ISO 8601 module
// (fields, ticks, formatting), exported, costs ~580 B more than the date check it replaced,
// and the redaction exported with its wider set of forms ~60 B. Both are exported because
// every package and app reads dates and hides secrets through them: one parser and one
// redaction instead of six and three. Sharing code between paths barely moves the gzip
// figure (gzip already compresses a repeated shape to a few bytes); only dropping a feature
// or its messages would, and those are what users need. Raise with a reason, never trim by
// folding.
const browserBundle = (config) => ({ ...config, format: "esm", platform: "browser" });

export default [
  {
    name: "@vbm365/client in a browser bundle (browser condition; openapi-fetch excluded)",
    path: "dist/index.js",
    limit: "7900 B",
    gzip: true,
    ignore: ["openapi-fetch"],
    modifyEsbuildConfig: browserBundle,
  },
];
