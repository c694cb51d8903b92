// Names people read for the API's codes. Typed against the generated schema, so a value
// the spec adds without a label here fails the build instead of showing up unnamed.
import type { components } from "@vbm365/client";

type Schemas = components["schemas"];
type SessionType = Schemas["RestoreSessionType"];
type ActionType = Exclude<NonNullable<Schemas["RestoreSessionEvent"]["type"]>, "None">;

const SERVICE_LABELS: Record<SessionType, string> = { Vex: "Exchange", Veod: "OneDrive", Vesp: "SharePoint", Vet: "Teams" };
// What a session's restored object is (the mailbox, OneDrive, site or team it restores from).
const OBJECT_KINDS: Record<SessionType, string> = { Vex: "mailbox", Veod: "OneDrive", Vesp: "site", Vet: "team" };
const ACTION_LABELS: Record<ActionType, string> = {
  Restore: "Restore in place",
  Export: "Export",
  Send: "Send",
  Save: "Save",
  View: "View",
};

/** Known action types in the order the report shows them. */
export const ACTION_TYPES = Object.keys(ACTION_LABELS) as ActionType[];
/** Known services in the order the report shows them. */
export const SERVICES = Object.keys(SERVICE_LABELS) as SessionType[];

// Maps, so that a hostile value such as `constructor` finds no Object property.
const services = new Map<string, string>(Object.entries(SERVICE_LABELS));
const kinds = new Map<string, string>(Object.entries(OBJECT_KINDS));
const actions = new Map<string, string>(Object.entries(ACTION_LABELS));

/** "Exchange" for Vex; a value a newer server sends is shown as sent. */
export const serviceLabel = (type: string): string => services.get(type) ?? type;
export const objectKind = (type: string): string => kinds.get(type) ?? "object";
export const actionLabel = (type: string): string => actions.get(type) ?? type;
export const isKnownService = (type: string): boolean => services.has(type);
export const isKnownAction = (type: string): boolean => actions.has(type);
