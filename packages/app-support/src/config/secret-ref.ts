// Secrets are referenced, never written in the file: an environment variable, a file only
// its owner can read, or a command whose output is the secret (a vault's CLI). A reference
// is read only when its server is used, and every failure names the field and its line.
import { execFile } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { isScalar } from "yaml";
import { configError, type FieldPlace } from "./errors.js";
import type { YamlReader } from "./yaml-reader.js";

export type SecretRef =
  | { kind: "env"; name: string; place: FieldPlace }
  | { kind: "file"; path: string; place: FieldPlace }
  | { kind: "command"; command: string; place: FieldPlace };

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A vault that does not answer in this time is reported rather than waited on. */
export const SECRET_COMMAND_TIMEOUT_MS = 30_000;

export function readSecretRef(reader: YamlReader, field: string, node: unknown, resolvePath: (path: string) => string): SecretRef {
  if (isScalar(node) && node.value !== null) {
    // Never echo it: the value itself is the secret.
    throw reader.error(
      field,
      node,
      `a secret written in the file is refused: reference it instead, with { env: VARIABLE }, { file: PATH } or { command: "vault ..." }`,
    );
  }
  const pairs = reader.map(field, node, ["env", "file", "command"]);
  if (pairs.size !== 1) throw reader.error(field, node, "give exactly one of env, file or command");
  const [kind, pair] = [...pairs][0]!;
  const text = reader.string(`${field}.${kind}`, pair.value);
  if (kind === "env") {
    if (!ENV_NAME.test(text.value))
      throw configError(text.place, `'${text.value.slice(0, 40)}' is not a variable name: use letters, digits and _`);
    return { kind, name: text.value, place: text.place };
  }
  if (kind === "file") return { kind, path: resolvePath(text.value), place: text.place };
  return { kind: "command", command: text.value, place: text.place };
}

/** Reads the secret now; a failure names the field, its line and what to do. */
export async function readSecret(ref: SecretRef, env: NodeJS.ProcessEnv): Promise<string> {
  switch (ref.kind) {
    case "env": {
      const value = env[ref.name];
      if (!value)
        throw configError(
          ref.place,
          `the variable ${ref.name} is ${value === undefined ? "not set" : "empty"}: export it before running, or change the reference`,
        );
      return value;
    }
    case "file":
      return readSecretFile(ref.path, ref.place);
    case "command":
      return runSecretCommand(ref.command, ref.place, env);
  }
}

async function readSecretFile(path: string, place: FieldPlace): Promise<string> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (error) {
    throw configError(place, `${path}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}: check the path`);
  }
  // Like ssh with a private key: a secret others can read is no longer a secret.
  if ((mode & 0o077) !== 0) {
    throw configError(
      place,
      `${path} can be read by group or others (mode ${(mode & 0o777).toString(8).padStart(3, "0")}): run chmod 600 '${path}'`,
    );
  }
  const text = (await readFile(path, "utf8")).replace(/\r?\n$/, "");
  if (text === "") throw configError(place, `${path} is empty: write the secret into it`);
  return text;
}

function runSecretCommand(command: string, place: FieldPlace, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("/bin/sh", ["-c", command], { env, timeout: SECRET_COMMAND_TIMEOUT_MS, maxBuffer: 64 * 1024 }, (error, stdout) => {
      // Its output is the secret, so it is never quoted; its exit status and the command are.
      if (error) {
        const why = error.killed
          ? `did not finish in ${SECRET_COMMAND_TIMEOUT_MS / 1000} s`
          : `exited with status ${String(error.code ?? "unknown")}`;
        reject(configError(place, `the command '${command.slice(0, 80)}' ${why}: run it by hand to see why`));
        return;
      }
      const secret = stdout.replace(/\r?\n$/, "");
      if (secret === "")
        reject(configError(place, `the command '${command.slice(0, 80)}' printed nothing: it must print the secret on stdout`));
      else resolve(secret);
    });
  });
}
