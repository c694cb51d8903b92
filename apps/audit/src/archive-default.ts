// Where the archive is when neither --archive VALUE nor VBM365_ARCHIVE says: the `archive:`
// setting of the configuration file (the fleet's file, so one file names the servers and the
// archive they are synced into), else "" (the archive package's ./vbm365-archive.db).
import { ConfigFileError, loadConfig, locateConfig } from "@vbm365/app-support";
import type { CliContext } from "./context.js";
import { UsageError } from "./errors.js";

type Values = Record<string, string | boolean | string[] | undefined>;

/** The order: --archive VALUE, VBM365_ARCHIVE, the configuration file's `archive:`, ./vbm365-archive.db. */
export function resolveArchiveSetting(values: Values, ctx: CliContext): string {
  const flag = values.archive;
  if (typeof flag === "string" && flag !== "") return flag;
  if (ctx.env.VBM365_ARCHIVE) return ctx.env.VBM365_ARCHIVE;
  return configuredArchive(values, ctx) ?? "";
}

function configuredArchive(values: Values, ctx: CliContext): string | undefined {
  try {
    const located = locateConfig({ flag: values.config as string | undefined, env: ctx.env });
    const archive = located ? loadConfig(located.path, ctx.env).archive : undefined;
    if (archive === undefined) return undefined;
    // A relative path in the file is resolved against the file's folder by the config reader.
    return archive.kind === "sqlite" ? archive.path : archive.url;
  } catch (error) {
    if (error instanceof ConfigFileError) throw new UsageError(error.message);
    throw error;
  }
}
