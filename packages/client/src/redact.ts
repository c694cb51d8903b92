// Secrets out of anything shown: the client's errors, and the apps' output and logs. A server
// may echo what it was sent, in the form it received it: the raw text, URL-encoded (either
// case of hex digits), form-encoded (the token request's body), JSON-escaped, or in base64
// (a bearer or basic header, or a token embedded in some other encoded text).

/** What a secret is replaced by, wherever it was found. */
export const REDACTED = "[redacted]";

/** Shorter "secrets" (or fragments of them) would scrub ordinary text and prove nothing. */
const MIN_LENGTH = 4;
const MIN_BASE64_FRAGMENT = 6;

/** `text` with every form of every secret (see `secretForms`) replaced by `[redacted]`; secrets under 4 characters are left alone. */
export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  return replaceForms(text, allForms(secrets));
}

/** `value` with every form of every secret replaced by `[redacted]`, at any depth of its JSON. */
export function redact<T>(value: T, secrets: readonly (string | undefined)[]): T {
  const json = JSON.stringify(value);
  if (json === undefined) return value;
  // The forms as they appear inside JSON text (quotes and backslashes escaped).
  return JSON.parse(
    replaceForms(
      json,
      allForms(secrets).map((form) => JSON.stringify(form).slice(1, -1)),
    ),
  ) as T;
}

function replaceForms(text: string, forms: readonly string[]): string {
  let result = text;
  for (const form of forms) result = result.split(form).join(REDACTED);
  return result;
}

function allForms(secrets: readonly (string | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined || secret.length < MIN_LENGTH) continue;
    for (const form of secretForms(secret)) forms.add(form);
  }
  // Longest first, so a form that contains another is replaced whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Every form of `secret` a server or library might echo, base64 ones at each alignment inside longer encoded text. */
export function secretForms(secret: string): string[] {
  const percent = encodeURIComponent(secret);
  const textForms = [
    secret,
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (percentEscape) => percentEscape.toLowerCase()),
    new URLSearchParams({ s: secret }).toString().slice(2), // form-encoded: spaces as `+`
    JSON.stringify(secret).slice(1, -1),
  ];
  const forms = new Set(textForms);
  // A server that base64-encodes what it received encodes it in the form it received.
  for (const fragment of textForms.flatMap(base64Fragments)) {
    forms.add(fragment).add(fragment.replace(/\+/g, "-").replace(/\//g, "_")); // base64 and base64url
  }
  return [...forms];
}

/**
 * The part of the base64 text that depends only on `text`, for each of the three byte
 * offsets it can start at inside longer encoded text (`Bearer <token>`, `user:password`).
 */
function base64Fragments(text: string): string[] {
  const bytes = new TextEncoder().encode(text);
  const fragments: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const padded = new Uint8Array(shift + bytes.length);
    padded.set(bytes, shift);
    const encoded = btoa(String.fromCharCode(...padded));
    // Characters are 6 bits each: skip those mixed with the padding before and after.
    const first = Math.ceil((shift * 8) / 6);
    const end = Math.floor(((shift + bytes.length) * 8) / 6);
    const fragment = encoded.slice(first, end);
    if (fragment.length >= MIN_BASE64_FRAGMENT) fragments.push(fragment);
  }
  return fragments;
}
