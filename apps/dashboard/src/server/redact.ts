// Masks secrets in text bound for the dashboard's log. A server that echoes what it was sent
// can put a secret back in another form: the password URL- or form-encoded (from the token
// request's body), the bearer token in base64 (inside a Basic header or an encoded blob).
// Each form is masked, base64 at each of its three alignments inside a longer encoding.

const mask = "***";

export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  const forms = secrets.flatMap((secret) => (secret ? secretForms(secret) : []));
  // Longest first, so a short form never leaves a longer one half masked.
  forms.sort((a, b) => b.length - a.length);
  return forms.reduce((out, form) => out.split(form).join(mask), text);
}

export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]);
  for (const form of base64Forms(secret)) {
    forms.add(form);
    forms.add(form.replace(/\+/g, "-").replace(/\//g, "_")); // base64url
  }
  // Under 4 characters a form would mask ordinary text.
  return [...forms].filter((form) => form.length >= 4);
}

/**
 * The base64 characters that depend on the secret alone, for each of the three byte offsets
 * at which it can sit inside a longer encoded text. Character i covers bits [6i, 6i + 6).
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  return [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
    const first = Math.ceil((8 * shift) / 6);
    const end = Math.floor((8 * (shift + bytes.length)) / 6);
    return encoded.slice(first, end);
  });
}
