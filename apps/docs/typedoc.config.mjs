// The client reference: TypeDoc pages of every export of @vbm365/client (its main entry and
// `@vbm365/client/facts`), from their TSDoc comments, built into dist/client/ beside the REST
// reference. An export without a doc comment fails the build (`notDocumented`, with warnings
// as errors), so the reference can never silently leave one out.
import { OptionDefaults } from "typedoc";

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  name: "@vbm365/client",
  entryPoints: ["../../packages/client/src/index.ts", "../../packages/client/src/generated/facts.ts"],
  tsconfig: "../../packages/client/tsconfig.json",
  out: "dist/client",
  readme: "none",
  excludePrivate: true,
  excludeInternal: true,
  // No links to a source host: the site works offline.
  disableSources: true,
  githubPages: false,
  // A page without an icon makes the browser ask for /favicon.ico, which the site does not have.
  favicon: "assets/logo.svg",
  // openapi-typescript writes the spec's descriptions as `@description` (and `@constant`).
  blockTags: [...OptionDefaults.blockTags, "@description", "@constant"],
  validation: { notExported: false, invalidLink: true, notDocumented: true },
  // Every export and every member written by hand; the generated schema's inner properties
  // (request parts, response headers) carry the spec's descriptions where the spec has one.
  requiredToBeDocumented: [
    "Enum",
    "EnumMember",
    "Variable",
    "Function",
    "Class",
    "Interface",
    "TypeAlias",
    "Method",
    "Accessor",
    "Constructor",
  ],
  treatWarningsAsErrors: true,
  navigationLinks: { "REST API reference": "../index.html" },
};
