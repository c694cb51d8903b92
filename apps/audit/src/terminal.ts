// Everything that depends on a human at a terminal: colours, the progress line, prompts.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";

type MaybeTty = { isTTY?: boolean };

/** Colours only for a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
export function useColor(stream: MaybeTty, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

const CODES = { red: 31, yellow: 33, green: 32, cyan: 36, grey: 90, bold: 1 } as const;
export function paint(enabled: boolean, color: keyof typeof CODES, text: string): string {
  return enabled ? `\u001b[${CODES[color]}m${text}\u001b[0m` : text;
}

/**
 * A one-line counter on stderr, first drawn after 300 ms (short runs do not flicker) and
 * then at most every 200 ms; silent when stderr is not a terminal.
 */
export function createProgress(stderr: Writable & MaybeTty, wanted = true) {
  const enabled = wanted && stderr.isTTY === true;
  let last = Date.now() + 100;
  let shown = false;
  return {
    update(text: () => string) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      stderr.write(`\r\u001b[2K${text()}`);
    },
    done() {
      if (shown) stderr.write("\r\u001b[2K");
    },
  };
}

/** Asks a yes/no question on the terminal. */
export async function confirm(question: string, input: Readable, output: Writable): Promise<boolean> {
  const rl = createInterface({ input, output, terminal: true });
  try {
    const answer = await new Promise<string>((resolve) => {
      rl.question(question, resolve);
      rl.once("close", () => resolve(""));
    });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Reads a password on the terminal without echoing it. */
export async function promptSecret(question: string, input: Readable & MaybeTty, output: Writable): Promise<string> {
  const rl = createInterface({ input, output, terminal: true });
  // readline echoes through _writeToOutput; swallowing it hides the typed characters.
  const internals = rl as unknown as { _writeToOutput: (text: string) => void };
  output.write(question);
  internals._writeToOutput = () => {};
  try {
    return await new Promise<string>((resolve) => {
      rl.question("", resolve);
      rl.once("close", () => resolve(""));
    });
  } finally {
    rl.close();
    output.write("\n");
  }
}
