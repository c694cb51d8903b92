// Removes secrets from anything printed, in every form a server or library may echo them:
// raw, URL-encoded, form-encoded, JSON-escaped and base64 (at any position in a longer
// base64 text), plus bearer headers and token fields whose value we never saw.

const MASK = "***";
// Shorter fragments would also match ordinary text.
const MIN_FORM_LENGTH = 6;

function formEncoded(secret: string): string {
  return new URLSearchParams({ s: secret }).toString().slice(2);
}

/**
 * The base64 characters that depend on the secret alone, for each of the three byte
 * positions it can start at inside a longer encoded text: the characters at either end
 * also carry bits of the neighbouring bytes, so they are left out.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const cores: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const text = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
    const core = text.slice(Math.ceil((shift * 8) / 6), Math.floor(((shift + bytes.length) * 8) / 6));
    cores.push(core, core.replaceAll("+", "-").replaceAll("/", "_"));
  }
  return cores;
}

/** Every printable form of one secret, longest first so a longer form is replaced whole. */
export function secretForms(secret: string): string[] {
  const percent = encodeURIComponent(secret);
  const textForms = [
    secret,
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    formEncoded(secret),
    JSON.stringify(secret).slice(1, -1),
  ];
  // A server that base64-encodes what it received encodes the form-encoded password.
  const forms = new Set([...textForms, ...textForms.flatMap(base64Cores)]);
  return [...forms].filter((form) => form.length >= MIN_FORM_LENGTH || form === secret).sort((a, b) => b.length - a.length);
}

// A run of base64 that may hide a header or a form body we never saw the secret of (the
// bearer token a login returned, for one).
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const SECRET_SHAPED = /bearer\s|access_token|refresh_token|password=|authorization:/i;

function hidesSecret(run: string): boolean {
  const decoded = Buffer.from(run.replaceAll("-", "+").replaceAll("_", "/"), "base64").toString("latin1");
  return SECRET_SHAPED.test(decoded);
}

/** Removes every secret from text before it is printed. */
export function scrub(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (const form of secretForms(secret)) result = result.split(form).join(MASK);
  }
  return result
    .replace(/(Bearer(?:\s|%20|\+)+)[^\s"',}&]+/gi, `$1${MASK}`)
    .replace(/((?:password|access_token|refresh_token)["']?\s*[=:]\s*["']?)[^&\s"',}]+/gi, `$1${MASK}`)
    .replace(BASE64_RUN, (run) => (hidesSecret(run) ? MASK : run));
}
