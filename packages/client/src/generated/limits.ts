// GENERATED FILE: do not edit by hand.
// Source: openapi/ (bundled to openapi/dist/openapi.json) by scripts/generate.mjs.
// Regenerate with `pnpm generate` after changing the spec, and commit the result.

/** Items per page (`limit`): the spec's bounds and the server's default when none is sent. */
export const PAGE_SIZE = { min: 1, max: 10000, default: 30 } as const;

/** `offset`: items skipped before a page (int32). */
export const OFFSET = { min: 0, max: 2147483647 } as const;

/** Ids (`format: uuid`, at most 36 characters): the textual UUID form, any case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
