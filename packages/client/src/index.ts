export { createVbm365Client } from "./client.js";
export type { Vbm365Client, Vbm365ClientOptions } from "./client.js";
export { Vbm365ApiError } from "./errors.js";
export type * from "./types.js";
