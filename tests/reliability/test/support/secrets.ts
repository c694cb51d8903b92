// Looking for secrets in everything a user or a log could see, and counting the looks.
import { inspect } from "node:util";
import { expect } from "vitest";

export class SecretProbe {
  probes = 0;
  constructor(private readonly secrets: () => Iterable<string>) {}

  /** One look: `text` (labelled for the failure message) holds none of the secrets. */
  check(label: string, text: string): void {
    this.probes++;
    for (const secret of this.secrets()) {
      expect(text.includes(secret), `${label} contains the secret ${secret.slice(0, 4)}…:\n${text.slice(0, 2000)}`).toBe(false);
    }
  }

  /** Every way an error is shown: message, toString(), JSON, util.inspect (hidden fields, any depth), stack, down the `cause` chain. */
  checkError(label: string, error: unknown): void {
    expect(error, `${label}: expected an error`).toBeInstanceOf(Error);
    let current = error;
    for (let depth = 0; current && depth < 8; depth++) {
      const where = `${label} (cause depth ${depth})`;
      const item = current as Error;
      this.check(`${where} message`, String(item.message));
      this.check(`${where} toString()`, String(item));
      this.check(`${where} JSON`, JSON.stringify(item) ?? "");
      this.check(`${where} stack`, String(item.stack));
      this.check(`${where} inspect`, inspect(item, { depth: Infinity, showHidden: true, getters: true }));
      current = (item as { cause?: unknown }).cause;
    }
  }
}

export const SECRET_PASSWORD = "Pw-7c1f-UNIQUE-passw0rd-e29b";
export const SECRET_TOKEN = "Tk-3f9a-UNIQUE-static-token-41d7";
