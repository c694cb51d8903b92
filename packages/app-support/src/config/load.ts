// Reads and checks the fleet configuration file. Every mistake is one ConfigFileError naming
// the file, the line and the field; secrets are only referenced here and read when used.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { ServerSettings } from "../servers.js";
import { parseArchive, type ArchiveSetting } from "./archive.js";
import { credentialsOf, readCredentialFields, type CredentialFields } from "./credentials.js";
import { ConfigFileError } from "./errors.js";
import { apiVersion, duration, serverName, serverUrl, tags } from "./fields.js";
import { YamlReader } from "./yaml-reader.js";

export interface FleetConfig {
  /** The file read. */
  path: string;
  servers: ServerSettings[];
  archive?: ArchiveSetting;
  /** How many servers to ask at once, when the command line does not say. */
  parallel?: number;
}

const TOP_FIELDS = ["servers", "defaults", "archive", "parallel"] as const;
const SHARED_FIELDS = ["apiVersion", "caFile", "timeout", "token", "username", "password"] as const;
const SERVER_FIELDS = ["name", "url", "tags", ...SHARED_FIELDS] as const;

interface Shared {
  apiVersion?: ServerSettings["apiVersion"];
  caFile?: string;
  deadlineMs?: number;
  credentials: CredentialFields;
}

export function loadConfig(path: string, env: NodeJS.ProcessEnv = process.env): FleetConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigFileError(`${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`, "");
  }
  return parseConfig(text, path, env);
}

/** Parses the text of a configuration file; `path` names it in messages and anchors relative paths. */
export function parseConfig(text: string, path: string, env: NodeJS.ProcessEnv = process.env): FleetConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lines.linePos(syntax.pos[0]).line;
    throw new ConfigFileError(`${path}${line ? `:${line}` : ""}: not valid YAML: ${syntax.message.split("\n")[0]}`, "", line);
  }
  const reader = new YamlReader(path, lines);
  const base = dirname(resolve(path));
  const resolvePath = (file: string) => resolve(base, file.replace(/^~(?=\/)/, env.HOME ?? "~"));
  const top = reader.map("", doc.contents, TOP_FIELDS);

  const defaultsNode = top.get("defaults")?.value;
  const defaults =
    defaultsNode === undefined
      ? { credentials: {} }
      : readShared(reader, "defaults", reader.map("defaults", defaultsNode, SHARED_FIELDS), resolvePath);

  const serversPair = top.get("servers");
  if (!serversPair) throw reader.error("servers", doc.contents, "missing: list the servers, each with at least name and url");
  const items = reader.items("servers", serversPair.value);
  if (items.length === 0) throw reader.error("servers", serversPair.value, "is empty: list at least one server");
  const seen = new Map<string, number | undefined>();
  const servers = items.map((node, index) => {
    const server = readServer(reader, `servers[${index}]`, node, defaults, resolvePath, env);
    const key = server.name.toLowerCase();
    if (seen.has(key)) {
      const first = seen.get(key);
      throw reader.error(
        `servers[${index}].name`,
        node,
        `'${server.name}' is already the name of another server${first ? ` (line ${first})` : ""}: names must be unique`,
      );
    }
    seen.set(key, reader.lineOf(node));
    return server;
  });

  const archiveNode = top.get("archive")?.value;
  const parallelNode = top.get("parallel")?.value;
  return {
    path,
    servers,
    ...(archiveNode !== undefined ? { archive: parseArchive(reader.string("archive", archiveNode), resolvePath) } : {}),
    ...(parallelNode !== undefined ? { parallel: reader.integer("parallel", parallelNode, 1, 64) } : {}),
  };
}

function readShared(
  reader: YamlReader,
  field: string,
  pairs: ReturnType<YamlReader["map"]>,
  resolvePath: (path: string) => string,
): Shared {
  const value = (key: string) => pairs.get(key)?.value;
  const version = value("apiVersion");
  const ca = value("caFile");
  const timeout = value("timeout");
  return {
    ...(version !== undefined ? { apiVersion: apiVersion(reader.string(`${field}.apiVersion`, version)) } : {}),
    ...(ca !== undefined ? { caFile: resolvePath(reader.string(`${field}.caFile`, ca).value) } : {}),
    ...(timeout !== undefined ? { deadlineMs: duration(reader.string(`${field}.timeout`, timeout)) } : {}),
    credentials: readCredentialFields(reader, field, pairs, resolvePath),
  };
}

function readServer(
  reader: YamlReader,
  field: string,
  node: unknown,
  defaults: Shared,
  resolvePath: (path: string) => string,
  env: NodeJS.ProcessEnv,
): ServerSettings {
  const pairs = reader.map(field, node, SERVER_FIELDS);
  const nameNode = pairs.get("name");
  if (!nameNode) throw reader.error(`${field}.name`, node, "missing: every server needs a name, such as name: contoso-eu");
  const name = serverName(reader.string(`${field}.name`, nameNode.value));
  const urlNode = pairs.get("url");
  if (!urlNode) throw reader.error(`${field}.url`, node, `missing: give server '${name}' its url, such as https://vbm.example:4443`);
  const own = readShared(reader, field, pairs, resolvePath);
  const deadlineMs = own.deadlineMs ?? defaults.deadlineMs;
  const caFile = own.caFile ?? defaults.caFile;
  return {
    name,
    baseUrl: serverUrl(reader.string(`${field}.url`, urlNode.value)),
    apiVersion: own.apiVersion ?? defaults.apiVersion ?? "auto",
    ...(caFile !== undefined ? { caFile } : {}),
    tags: tags(reader, `${field}.tags`, pairs.get("tags")?.value),
    credentials: credentialsOf(reader.place(field, node), name, own.credentials, defaults.credentials, env),
    ...(deadlineMs !== undefined ? { deadlineMs } : {}),
  };
}
