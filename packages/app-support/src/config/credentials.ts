// How a server logs in: a token reference, or a user name with a password reference. A
// server's own credentials replace the defaults' as a whole; mixing a server's user name with
// the defaults' token would log in as someone nobody wrote down.
import type { Pair } from "yaml";
import type { CredentialSource } from "../servers.js";
import { configError, type FieldPlace } from "./errors.js";
import { readSecret, readSecretRef, type SecretRef } from "./secret-ref.js";
import type { YamlReader } from "./yaml-reader.js";

export interface CredentialFields {
  token?: SecretRef;
  username?: string;
  password?: SecretRef;
}

export function readCredentialFields(
  reader: YamlReader,
  field: string,
  pairs: Map<string, Pair<unknown, unknown>>,
  resolvePath: (path: string) => string,
): CredentialFields {
  const token = pairs.get("token");
  const username = pairs.get("username");
  const password = pairs.get("password");
  // The password is checked first: a secret written inline is the worst mistake to leave standing.
  const fields: CredentialFields = {
    ...(password ? { password: readSecretRef(reader, `${field}.password`, password.value, resolvePath) } : {}),
    ...(token ? { token: readSecretRef(reader, `${field}.token`, token.value, resolvePath) } : {}),
    ...(username ? { username: reader.string(`${field}.username`, username.value).value } : {}),
  };
  if (token && (username || password))
    throw reader.error(`${field}.token`, token.key, "give either token or username and password, not both");
  if (username && !password)
    throw reader.error(
      `${field}.password`,
      username.key,
      "missing: username needs a password reference, such as { env: NAME }, { file: PATH } or { command: ... }",
    );
  if (password && !username) throw reader.error(`${field}.username`, password.key, "missing: password needs a username");
  return fields;
}

export function credentialsOf(
  place: FieldPlace,
  name: string,
  own: CredentialFields,
  defaults: CredentialFields,
  env: NodeJS.ProcessEnv,
): CredentialSource {
  const chosen = own.token || own.username ? own : defaults;
  if (chosen.token) {
    const ref = chosen.token;
    return { kind: "token", read: () => readSecret(ref, env) };
  }
  if (chosen.username && chosen.password) {
    const ref = chosen.password;
    return { kind: "login", username: chosen.username, readPassword: () => readSecret(ref, env) };
  }
  throw configError(
    place,
    `server '${name}' has no credentials: add a token reference such as { env: NAME }, or a username with a password reference, here or under defaults`,
  );
}
