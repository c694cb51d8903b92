import { describe, expect, it } from "vitest";
import { answerProblem } from "../src/index.js";

const session = {
  id: "8f1c0c1e-0000-4000-8000-000000000001",
  type: "Vex",
  creationTime: "2022-03-12T15:55:20.8557416Z",
  state: "Stopped",
  result: "Success",
  endTime: null,
};

describe("answerProblem", () => {
  it("passes an answer the spec describes, unknown enum values and null where the spec allows it included", () => {
    expect(answerProblem(session, "RestoreSession")).toBeUndefined();
    expect(answerProblem({ ...session, state: "Hibernating" }, "RestoreSession")).toBeUndefined();
  });

  it.each([
    [7, { field: undefined, found: "a number", expected: "an object" }],
    [
      { ...session, type: undefined },
      { field: "type", found: "missing", expected: "a string" },
    ],
    [
      { ...session, creationTime: "2022-02-30T00:00:00Z" },
      { field: "creationTime", found: "a string", expected: "a date-time" },
    ],
    [
      { ...session, endTime: 5 },
      { field: "endTime", found: "a number", expected: "a date-time or null or nothing" },
    ],
    [
      { ...session, eTag: 1.5 },
      { field: "eTag", found: "a number", expected: "a whole number or nothing" },
    ],
  ])("names the first field that differs from the spec in %j, without repeating it", (value, problem) => {
    expect(answerProblem(value, "RestoreSession")).toEqual(problem);
  });

  it("checks v8's statistics counts and lists", () => {
    const counts = { totalItemsCount: 3, restoredItemsCount: 1, failedItemsCount: 1, skippedItemsCount: 1, items: [] };
    expect(answerProblem(counts, "RestoreStatistics")).toBeUndefined();
    expect(answerProblem({ ...counts, failedItemsCount: "1" }, "RestoreStatistics")).toEqual({
      field: "failedItemsCount",
      found: "a string",
      expected: "a whole number",
    });
    expect(answerProblem({ ...counts, items: {} }, "RestoreStatistics")).toEqual({
      field: "items",
      found: "an object",
      expected: "a list",
    });
  });
});
