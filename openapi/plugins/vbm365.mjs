// Our Redocly plugin. The v7 and v8 documents are the v6 source plus overlays; what an
// overlay cannot say well is "every path, link and mention of /v6/ becomes /v7/", so
// the `api-version` decorator does that after the overlays ran. The `path-version` rule
// checks the result: every path starts with the version the document says it describes.
const VERSION = /^v\d+$/;
const SOURCE_PREFIX = "/v6/";

/** The decorator: `vbm365/api-version: { version: v7 }` in an `apis` entry. */
function apiVersionDecorator({ version } = {}) {
  if (!VERSION.test(String(version))) {
    throw new Error(`vbm365/api-version needs a version like v7 in redocly.yaml, got ${JSON.stringify(version)}`);
  }
  const prefix = `/${version}/`;
  return {
    Root: {
      leave(root) {
        root.info = { ...root.info, "x-api-version": version };
        root.paths = Object.fromEntries(Object.entries(root.paths ?? {}).map(([path, item]) => [renamePath(path, prefix), item]));
        replaceInStrings(root, prefix);
      },
    },
  };
}

function renamePath(path, prefix) {
  if (!path.startsWith(SOURCE_PREFIX)) {
    throw new Error(`vbm365/api-version: path ${path} does not start with ${SOURCE_PREFIX}; the v6 source must use that prefix`);
  }
  return prefix + path.slice(SOURCE_PREFIX.length);
}

/** Rewrites `/v6/` in every string (descriptions, examples, links) in place. */
function replaceInStrings(node, prefix) {
  if (Array.isArray(node)) {
    node.forEach((child, index) => {
      if (typeof child === "string") node[index] = child.replaceAll(SOURCE_PREFIX, prefix);
      else replaceInStrings(child, prefix);
    });
  } else if (node !== null && typeof node === "object") {
    for (const [key, child] of Object.entries(node)) {
      if (typeof child === "string") node[key] = child.replaceAll(SOURCE_PREFIX, prefix);
      else replaceInStrings(child, prefix);
    }
  }
}

/** The rule: every path starts with `/<info.x-api-version>/`. */
function pathVersionRule() {
  return {
    Root: {
      leave(root, { report, location }) {
        const version = root.info?.["x-api-version"];
        if (!VERSION.test(String(version))) {
          report({ message: "info.x-api-version must name the REST API version, like v6.", location: location.child(["info"]) });
          return;
        }
        for (const path of Object.keys(root.paths ?? {})) {
          if (!path.startsWith(`/${version}/`)) {
            report({
              message: `Path ${path} does not start with /${version}/, the version in info.x-api-version.`,
              location: location.child(["paths", path]).key(),
            });
          }
        }
      },
    },
  };
}

export default function vbm365Plugin() {
  return {
    id: "vbm365",
    decorators: { oas3: { "api-version": apiVersionDecorator } },
    rules: { oas3: { "path-version": pathVersionRule } },
  };
}
