// Removes secrets from anything printed. The secrets the CLI holds go through the client's
// one redaction, in every form a server or library may echo them; on top of that, bearer
// headers, token fields and base64 runs hiding either are masked even when the CLI never
// saw the secret (the bearer token a login returned, for one).
import { REDACTED, redactText } from "@vbm365/client";

// A run of base64 that may hide a header or a form body.
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const SECRET_SHAPED = /bearer\s|access_token|refresh_token|password=|authorization:/i;

function hidesSecret(run: string): boolean {
  const decoded = Buffer.from(run.replaceAll("-", "+").replaceAll("_", "/"), "base64").toString("latin1");
  return SECRET_SHAPED.test(decoded);
}

/** Removes every secret from text before it is printed. */
export function scrub(text: string, secrets: readonly string[]): string {
  return redactText(text, secrets)
    .replace(/(Bearer(?:\s|%20|\+)+)[^\s"',}&]+/gi, `$1${REDACTED}`)
    .replace(/((?:password|access_token|refresh_token)["']?\s*[=:]\s*["']?)[^&\s"',}]+/gi, `$1${REDACTED}`)
    .replace(BASE64_RUN, (run) => (hidesSecret(run) ? REDACTED : run));
}
