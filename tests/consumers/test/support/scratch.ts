// The scratch projects, as the global setup made them, for the test files.
import { inject } from "vitest";
import type { Scratch } from "./paths.js";

declare module "vitest" {
  export interface ProvidedContext {
    scratch: Scratch;
  }
}

export const scratch = (): Scratch => inject("scratch");
