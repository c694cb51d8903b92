// A reported bug, written as the test it should pass: green while the code still gets it
// wrong (the check must fail, with the expected kind of failure), red once it is fixed, so
// whoever fixes it flips it into a normal test.
import { expect } from "vitest";

export async function expectKnownBug(description: string, check: () => unknown | Promise<unknown>, failure?: RegExp) {
  let thrown: unknown;
  try {
    await check();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `fixed? ${description}: make this a normal test`).toBeDefined();
  if (failure) expect(messages(thrown)).toMatch(failure);
}

/** The message of an error and of every `cause` under it (fast-check puts the failure there). */
function messages(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    parts.push(String((current as Error).message ?? current));
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join("\n");
}
