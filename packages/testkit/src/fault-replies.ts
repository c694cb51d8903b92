// What a replacing fault answers instead of the route: an error status, a 429 with
// Retry-After, a proxy's HTML page, or a 401 as if the token had expired.
import type { ApiContext, ApiRequest } from "./context.js";
import type { FaultSpec } from "./faults.js";
import { errorReply, SERVER_ERROR_MESSAGE, unauthorized, type Reply } from "./reply.js";
import { bearerToken } from "./router.js";

const STATUS_MESSAGES: Record<number, string> = {
  500: SERVER_ERROR_MESSAGE,
  502: "Bad gateway.",
  503: "The service is unavailable.",
  504: "The gateway timed out.",
  429: "Too many requests. Try again later.",
};

function htmlPage(status: number): string {
  const title = `${status} ${status === 200 ? "OK" : status === 502 ? "Bad Gateway" : "Error"}`;
  return `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>The proxy could not reach the backup server.</p><hr><address>nginx</address></body></html>\n`;
}

export function faultReply(fault: Readonly<FaultSpec>, ctx: ApiContext, headers: ApiRequest["headers"]): Reply {
  switch (fault.kind) {
    case "retryAfter":
      return errorReply(429, STATUS_MESSAGES[429]!, { "retry-after": fault.retryAfter ?? "1" });
    case "html": {
      const status = fault.status ?? 502;
      return { status, headers: { "content-type": "text/html; charset=utf-8" }, body: htmlPage(status) };
    }
    case "unauthorized": {
      // As if the token expired: the same token keeps failing afterwards.
      const presented = bearerToken(headers);
      if (presented) ctx.tokens.expire(presented);
      return unauthorized();
    }
    default: {
      const status = fault.status ?? 500;
      const extra: Record<string, string> = fault.retryAfter ? { "retry-after": fault.retryAfter } : {};
      return errorReply(status, STATUS_MESSAGES[status] ?? `Injected fault: HTTP ${status}.`, extra);
    }
  }
}
