// What the checks of one run share: the target, the spec's operations, a request helper,
// and the ids that by-id calls need, read once from the list answers.
import { send, type HttpResponse } from "./http.js";
import { fillPath, listOperations, pathParameters, queryParameters, type OpenApiDocument, type Operation } from "./spec.js";
import type { Target } from "./target.js";

export interface CallOptions {
  path: string;
  query?: Record<string, string>;
  /** false: send no Authorization header; a string: send that token instead. */
  auth?: boolean | string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Call {
  /** `GET /v6/RestoreSessions?limit=5`, for violations; holds no header. */
  request: string;
  res: HttpResponse;
}

/** Why an operation cannot be called: the target lacks data, or the suite lacks a way. */
export class NotCallable extends Error {
  constructor(
    message: string,
    /** true: the suite does not know how to call it (a gap to report as uncovered). */
    readonly uncovered = false,
  ) {
    super(message);
  }
}

export interface ContractContext {
  target: Target;
  operations: Operation[];
  call(op: Operation, options: CallOptions): Promise<Call>;
  /** Values for every path parameter of `op`, from list answers; throws NotCallable. */
  pathValues(op: Operation): Promise<Record<string, string>>;
  /** The items of the list operation one level up, which supplies ids for `op`. */
  sampleItems(listOp: Operation, values: Record<string, string>): Promise<Record<string, unknown>[]>;
}

export function createContext(doc: OpenApiDocument, target: Target): ContractContext {
  const operations = listOperations(doc);
  const listCache = new Map<string, Promise<Record<string, unknown>[]>>();

  async function call(op: Operation, options: CallOptions): Promise<Call> {
    const url = new URL(options.path.replace(/^\//, ""), target.baseUrl.endsWith("/") ? target.baseUrl : `${target.baseUrl}/`);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = { ...options.headers };
    const auth = options.auth ?? op.secured;
    if (auth !== false) headers.authorization = `Bearer ${auth === true ? target.token : auth}`;
    const request = `${op.method} ${url.pathname}${url.search}`;
    target.onRequest?.(op.method, `${url.pathname}${url.search}`);
    const res = await send({ method: op.method, url: url.href, headers, body: options.body }, { ca: target.ca });
    return { request, res };
  }

  /** The GET collection one path segment up that is paged, e.g. `/a/{id}` -> `/a`. */
  function listOperationFor(path: string): Operation | undefined {
    const parent = path.replace(/\/\{[^}]+\}$/, "");
    return operations.find((o) => o.method === "GET" && o.paged && o.path.toLowerCase() === parent.toLowerCase());
  }

  async function sampleItems(listOp: Operation, values: Record<string, string>): Promise<Record<string, unknown>[]> {
    const path = fillPath(listOp.path, values);
    let items = listCache.get(path);
    if (!items) {
      items = (async () => {
        const query: Record<string, string> = queryParameters(listOp).some((p) => p.name === "limit") ? { limit: "50" } : {};
        const { res, request } = await call(listOp, { path, query });
        if (res.status !== 200) throw new NotCallable(`${request} answered ${res.status}, so there are no ids to call with`);
        let body: { results?: unknown };
        try {
          body = JSON.parse(res.text) as { results?: unknown };
        } catch {
          throw new NotCallable(`${request} answered with a body that is not JSON, so there are no ids to call with`);
        }
        return Array.isArray(body?.results) ? (body.results as Record<string, unknown>[]) : [];
      })();
      listCache.set(path, items);
    }
    return items;
  }

  async function pathValues(op: Operation): Promise<Record<string, string>> {
    const values: Record<string, string> = {};
    // Each `{param}` is the id of an item in the collection just above it; fill outer ones first.
    for (const param of pathParameters(op)) {
      const upTo = op.path.slice(0, op.path.indexOf(`{${param.name}}`) + param.name.length + 2);
      const listOp = listOperationFor(upTo);
      if (!listOp) throw new NotCallable(`no paged list operation at ${upTo.replace(/\/\{[^}]+\}$/, "")} supplies {${param.name}}`, true);
      const items = await sampleItems(listOp, values);
      // A write picks a running item when there is one: stopping a stopped session proves little.
      const pick = (op.method !== "GET" && items.find((i) => i.state === "Working")) || items[0];
      if (!pick || typeof pick.id !== "string") {
        throw new NotCallable(`${fillPath(listOp.path, values)} returned no items, so there is no {${param.name}} to call with`);
      }
      values[param.name] = pick.id;
    }
    return values;
  }

  return { target, operations, call, pathValues, sampleItems };
}
