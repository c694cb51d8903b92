// The report's filters as predicates. Organizations compare without case (people type
// them); servers, action types and services are codes and compare exactly.
import type { RestoreSession, RestoreSessionEvent } from "@vbm365/client";
import type { ReportSelection } from "./types.js";

export interface CompiledSelection {
  session(server: string, session: RestoreSession): boolean;
  action(event: RestoreSessionEvent): boolean;
}

const anyOf = (values: readonly string[] | undefined, fold = (value: string) => value) => {
  if (!values || values.length === 0) return () => true;
  const wanted = new Set(values.map(fold));
  return (value: string | null | undefined) => value !== null && value !== undefined && wanted.has(fold(value));
};

export function compileSelection(selection: ReportSelection): CompiledSelection {
  const fromMs = selection.from?.getTime();
  const toMs = selection.to?.getTime();
  const server = anyOf(selection.servers);
  const organization = anyOf(selection.organizations, (value) => value.toLowerCase());
  const service = anyOf(selection.services);
  const actionType = anyOf(selection.actionTypes);
  return {
    session(name, session) {
      // The period is the sessions' start, as `vbm365-audit report` and `sessions` select them.
      const started = Date.parse(session.creationTime);
      if (fromMs !== undefined && !(started >= fromMs)) return false;
      if (toMs !== undefined && !(started <= toMs)) return false;
      return server(name) && organization(session.organization) && service(session.type);
    },
    action: (event) => actionType(event.type),
  };
}
