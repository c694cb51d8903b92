// `--archive` alone means "the archive VBM365_ARCHIVE names, else ./vbm365-archive.db";
// `--archive FILE|URL` or `--archive=FILE|URL` names one. parseArgs knows no optional
// values, so a bare --archive (last, or followed by another option or a session id)
// becomes `--archive=` before parsing.
import { UUID_PATTERN } from "@vbm365/client";

export function bareArchiveFlag(args: readonly string[]): string[] {
  return args.map((arg, index) => {
    if (arg !== "--archive") return arg;
    const next = args[index + 1];
    return next === undefined || next.startsWith("-") || UUID_PATTERN.test(next) ? "--archive=" : arg;
  });
}
