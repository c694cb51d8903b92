// Checks what VBM365 sends before the dashboard counts or shows it. A page such as
// `{"results":"nope"}` must be an error on the page, not an empty or odd table. Only the
// fields the dashboard reads are checked, with the types of the generated schema.
import type { RestoreSession, RestoreSessionEvent, RestoreStatistics } from "@vbm365/client";

export class UnexpectedAnswer extends Error {
  override name = "UnexpectedAnswer";
}

type Field = "string" | "optional string" | "nullable string" | "date" | "optional number" | "count" | "list" | "optional list";

const sessionFields: Record<string, Field> = {
  id: "string",
  type: "string",
  state: "string",
  result: "string",
  creationTime: "date",
  endTime: "nullable string",
  name: "optional string",
  organization: "optional string",
  initiatedBy: "optional string",
  details: "optional string",
  scopeName: "optional string",
  clientHost: "optional string",
};

const eventFields: Record<string, Field> = {
  id: "string",
  status: "string",
  itemName: "optional string",
  itemType: "optional string",
  title: "optional string",
  source: "optional string",
  target: "optional string",
  itemSizeBytes: "optional number",
};

// v8's Statistics: the counts are shown, the lists are counted (their entries are left open by the spec).
const statisticsFields: Record<string, Field> = {
  totalItemsCount: "count",
  restoredItemsCount: "count",
  failedItemsCount: "count",
  skippedItemsCount: "count",
  items: "list",
  warnings: "optional list",
  errors: "optional list",
};

export function checkSession(value: unknown): RestoreSession {
  checkFields("restore session", value, sessionFields);
  return value as RestoreSession;
}

export function checkEvent(value: unknown): RestoreSessionEvent {
  checkFields("session event", value, eventFields);
  return value as RestoreSessionEvent;
}

export function checkStatistics(value: unknown): RestoreStatistics {
  checkFields("statistics answer", value, statisticsFields);
  return value as RestoreStatistics;
}

function checkFields(what: string, value: unknown, fields: Record<string, Field>): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UnexpectedAnswer(`The VBM365 server sent an answer that is not a ${what} (${describe(value)}).`);
  }
  for (const [name, kind] of Object.entries(fields)) {
    const field = Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
    if (!fits(field, kind)) {
      throw new UnexpectedAnswer(`The VBM365 server sent a ${what} whose "${name}" is ${describe(field)}, not ${kindLabels[kind]}.`);
    }
  }
}

const kindLabels: Record<Field, string> = {
  string: "a string",
  "optional string": "a string or nothing",
  "nullable string": "a string or null",
  date: "a date",
  "optional number": "a number or nothing",
  count: "a whole number of 0 or more",
  list: "a list",
  "optional list": "a list or nothing",
};

function fits(value: unknown, kind: Field): boolean {
  switch (kind) {
    case "string":
      return typeof value === "string";
    case "date":
      return typeof value === "string" && !Number.isNaN(Date.parse(value));
    case "optional string":
      return value === undefined || typeof value === "string";
    case "nullable string":
      return value === undefined || value === null || typeof value === "string";
    case "optional number":
      return value === undefined || (typeof value === "number" && Number.isFinite(value));
    case "count":
      return Number.isSafeInteger(value) && (value as number) >= 0;
    case "list":
      return Array.isArray(value);
    case "optional list":
      return value === undefined || value === null || Array.isArray(value);
  }
}

// Says what was there without repeating it: server data is not echoed into messages.
function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
