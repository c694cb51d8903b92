// Where the data cannot answer what the report asks, a note says so: the reader sees the
// limit instead of a silent gap.
import type { ReportNote } from "./types.js";

export interface DataQuality {
  noInitiator: number;
  initiatorIsOrganization: number;
  gatewayHost: number;
  noTime: number;
  unknownAction: number;
  unknownService: number;
}

interface NoteInput {
  actions: number;
  tableLimit: number;
  shown: number;
  withoutSize: number;
  quality: DataQuality;
  servers: { name: string; apiVersion: string }[];
}

const of = (count: number, total: number) => `${count.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} actions`;

export function buildNotes(input: NoteInput): ReportNote[] {
  const { actions, quality } = input;
  const notes: ReportNote[] = [];
  const add = (code: string, count: number, text: string) => {
    if (count > 0) notes.push({ code, count, text });
  };
  if (actions === 0)
    notes.push({
      code: "no-actions",
      count: 0,
      text: "No restore actions match this period and these filters: every chart and table below is empty.",
    });
  const older = input.servers.filter((server) => server.apiVersion !== "v8");
  add(
    "needs-v8",
    older.length,
    `Needs REST API v8: ${older.map((server) => `${server.name} (${server.apiVersion})`).join(", ")} ` +
      "sends no user, site or team ids with its events (VBM365 8 adds them), so its restored objects are matched by the name " +
      "at the start of the source path, and two objects with the same name count as one.",
  );
  add(
    "actions-capped",
    input.actions > input.shown ? input.shown : 0,
    `The action table shows the first ${input.shown.toLocaleString("en-US")} of ${actions.toLocaleString("en-US")} actions; ` +
      "the charts and totals count them all.",
  );
  add(
    "gateway-client-host",
    quality.gatewayHost,
    `${of(quality.gatewayHost, actions)} have a client host that names a gateway (such as "srv0101 (via: 127.0.0.1)"): ` +
      "the request reached the server through that address, so the machine the operator worked at may be another one.",
  );
  add(
    "initiator-is-organization",
    quality.initiatorIsOrganization,
    `${of(quality.initiatorIsOrganization, actions)} name an organization or a domain as initiator rather than a person: ` +
      "in these setups the server does not record which person started the restore.",
  );
  add(
    "no-initiator",
    quality.noInitiator,
    `${of(quality.noInitiator, actions)} have no initiator: they count as "(not given)" among the operators.`,
  );
  add(
    "no-size",
    input.withoutSize,
    `${of(input.withoutSize, actions)} have no item size: the sizes shown are sums of the sizes the server gave.`,
  );
  add(
    "no-time",
    quality.noTime,
    `${of(quality.noTime, actions)} have a start time that cannot be read: they are counted everywhere except in the charts over time.`,
  );
  add(
    "unknown-action-type",
    quality.unknownAction,
    `${of(quality.unknownAction, actions)} have an action type this report does not know (a newer server's): they are shown under the name the server sent.`,
  );
  add(
    "unknown-service",
    quality.unknownService,
    `${of(quality.unknownService, actions)} come from a service this report does not know (a newer server's): they are shown under the code the server sent.`,
  );
  return notes;
}
