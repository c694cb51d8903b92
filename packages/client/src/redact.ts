// Secrets out of anything an error shows. A server may echo what it was sent, in the form
// it received it: the raw text, URL-encoded, form-encoded (the token request's body) or in
// base64 (a bearer or basic header, or a token embedded in some other encoded text).

/** Shorter "secrets" (or fragments of them) would scrub ordinary text and prove nothing. */
const MIN_LENGTH = 4;
const MIN_BASE64_FRAGMENT = 6;

/** `value` with every form of every secret replaced by `[redacted]`, at any depth. */
export function redact<T>(value: T, secrets: readonly (string | undefined)[]): T {
  const json = JSON.stringify(value);
  if (json === undefined) return value;
  let text = json;
  for (const form of allForms(secrets)) {
    // The forms as they appear inside JSON text (quotes and backslashes escaped).
    text = text.split(JSON.stringify(form).slice(1, -1)).join("[redacted]");
  }
  return JSON.parse(text) as T;
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

/** Every form of `secret` a server might echo. */
export function secretForms(secret: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2), // form-encoded: spaces as `+`
  ];
  for (const fragment of base64Fragments(secret)) {
    forms.push(fragment, fragment.replace(/\+/g, "-").replace(/\//g, "_")); // base64 and base64url
  }
  return forms;
}

/**
 * The part of the base64 text that depends only on `secret`, for each of the three byte
 * offsets it can start at inside longer encoded text (`Bearer <token>`, `user:password`).
 */
function base64Fragments(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
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
