export { createVbm365Client } from "./client.js";
export type { Auth, RestoreSessionsApi, RetryOptions, Vbm365Client, Vbm365ClientOptions } from "./client.js";
export { Vbm365ApiError, Vbm365NetworkError, Vbm365TimeoutError, Vbm365ValidationError } from "./errors.js";
export type * from "./types.js";
