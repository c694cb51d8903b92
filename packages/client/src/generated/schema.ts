// GENERATED FILE: do not edit by hand.
// Source: the v6 types of ./v6.ts, under the name every import used before the versions.
// Regenerate with `pnpm generate` after changing the spec, and commit the result.
export type * from "./v6.js";
