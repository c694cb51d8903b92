// POST /vN/token: the password and refresh_token grants, from a form body or (as the
// vendor also accepts) a JSON object. A route like the others, open without a bearer token.
// v7's disable_antiforgery_token is accepted and has nothing to switch off here.
import type { ApiContext, ApiRequest, Handled } from "./context.js";
import { errorReply, json, type Reply } from "./reply.js";

// The spec's bounds on the token form (maxLength).
const MAX_CREDENTIAL = 1024;
const MAX_REFRESH_TOKEN = 8192;

const STRING_FIELDS = ["grant_type", "username", "password", "refresh_token"];

interface Fields {
  get(name: string): string | null;
}

/** The request's fields, or the reason the body was refused. */
function tokenFields(request: ApiRequest): Fields | string {
  const contentType = String(request.headers["content-type"] ?? "");
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) return new URLSearchParams(request.body);
  if (!/^application\/json\b/i.test(contentType)) {
    return "The token request must be sent as application/x-www-form-urlencoded or application/json.";
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    return "The token request body is not valid JSON.";
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return "The token request body must be a JSON object.";
  const fields = parsed as Record<string, unknown>;
  // The grant's own fields are strings; others (v7's disable_antiforgery_token: true) pass.
  const wrong = STRING_FIELDS.find((name) => name in fields && typeof fields[name] !== "string");
  if (wrong) return `The token request field "${wrong}" must be a string.`;
  return { get: (name) => (typeof fields[name] === "string" ? fields[name] : null) };
}

function issued(ctx: ApiContext, user: string): Reply {
  return json(200, ctx.tokens.issue(user), { "cache-control": "no-store" });
}

function passwordGrant(ctx: ApiContext, form: Fields): Reply {
  ctx.stats.byGrant.password++;
  const username = form.get("username");
  const password = form.get("password");
  if (!username || !password) return errorReply(400, "The password grant needs username and password.");
  if (username.length > MAX_CREDENTIAL || password.length > MAX_CREDENTIAL) {
    return errorReply(400, `username and password may hold at most ${MAX_CREDENTIAL} characters.`);
  }
  if (username !== ctx.credentials.username || password !== ctx.credentials.password) {
    return errorReply(401, "The user name or password is incorrect.");
  }
  return issued(ctx, username);
}

function refreshGrant(ctx: ApiContext, form: Fields): Reply {
  ctx.stats.byGrant.refresh_token++;
  const refreshToken = form.get("refresh_token");
  if (!refreshToken) return errorReply(400, "The refresh_token grant needs refresh_token.");
  if (refreshToken.length > MAX_REFRESH_TOKEN) {
    return errorReply(400, `refresh_token may hold at most ${MAX_REFRESH_TOKEN} characters.`);
  }
  const user = ctx.tokens.refreshUser(refreshToken);
  if (user === undefined) return errorReply(401, "The refresh token is invalid or has expired.");
  return issued(ctx, user);
}

export function tokenRoute(ctx: ApiContext, request: ApiRequest): Handled {
  const form = tokenFields(request);
  if (typeof form === "string") return { reply: errorReply(400, form) };
  const grant = form.get("grant_type");
  if (grant === "password") return { reply: passwordGrant(ctx, form) };
  if (grant === "refresh_token") return { reply: refreshGrant(ctx, form) };
  if (!grant) return { reply: errorReply(400, "grant_type is required: use password or refresh_token.") };
  return { reply: errorReply(400, `The grant type "${grant}" is not supported: use password or refresh_token.`) };
}
