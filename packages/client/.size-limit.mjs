// Bundle budgets of the client's own code, min+gzip, as a browser bundler sees it: ESM, with
// openapi-fetch left out (it is measured by its own authors) and the Node-only TLS module,
// which loads through a dynamic import only when `ca` is set, measured on its own.
const esm = (config) => ({ ...config, format: "esm", platform: "browser" });

export default [
  {
    name: "@vbm365/client, browser path (openapi-fetch and the Node-only TLS module excluded)",
    path: "dist/index.js",
    limit: "4 kB",
    gzip: true,
    ignore: ["openapi-fetch", "./tls-node.js"],
    modifyEsbuildConfig: esm,
  },
  {
    name: "Node-only TLS module, loaded when `ca` is set (undici excluded)",
    path: "dist/tls-node.js",
    limit: "1 kB",
    gzip: true,
    ignore: ["undici", "node:tls"],
    modifyEsbuildConfig: (config) => ({ ...config, format: "esm", platform: "node" }),
  },
];
