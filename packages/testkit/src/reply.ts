// Replies as values: what a route answers, before the delivery layer decides how (and
// whether) it reaches the client. Errors a handler throws map to their status here.

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export const JSON_TYPE = "application/json; charset=utf-8";
export const UNAUTHORIZED_MESSAGE = "Authorization has been denied for this request.";
/** What the vendor's server says on a 500, whatever went wrong. */
export const SERVER_ERROR_MESSAGE = "An error has occurred.";

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

/** A 200 whose JSON text is already made (cached sessions, assembled pages). */
export function jsonText(body: string): Reply {
  return { status: 200, headers: { "content-type": JSON_TYPE }, body };
}

export function errorReply(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return json(status, { message }, headers);
}

export function unauthorized(): Reply {
  return errorReply(401, UNAUTHORIZED_MESSAGE, { "www-authenticate": 'Bearer realm="vbm365-testkit"' });
}

export function methodNotAllowed(method: string, allow: string): Reply {
  return errorReply(405, `The requested resource does not support http method '${method}'.`, { allow });
}

export function notFoundPath(path: string): Reply {
  return errorReply(404, `No HTTP resource was found that matches the request URI '${path}'.`);
}

/** A 400: a parameter the client sent is wrong; the message says which and how. */
export class BadRequest extends Error {}

/** A 404 for an id that names nothing. */
export class NotFound extends Error {}

/** A 500, as a server that crashes on the input would answer (the offsetDate500 defect). */
export class ServerFault extends Error {}

/** The reply for an error thrown by a handler, or undefined when it is a bug of ours. */
export function replyForError(error: unknown): Reply | undefined {
  if (error instanceof BadRequest) return errorReply(400, error.message);
  if (error instanceof NotFound) return errorReply(404, error.message);
  if (error instanceof ServerFault) return errorReply(500, SERVER_ERROR_MESSAGE);
  return undefined;
}
