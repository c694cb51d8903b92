// One line per mistake in the configuration file: where (file and line), which field, what
// to do. Never the value of a secret: a message names the field, not what it holds.

export class ConfigFileError extends Error {
  override name = "ConfigFileError";
  constructor(
    /** The whole line: `vbm365.config.yaml:14: servers[2].url: ...`. */
    message: string,
    /** The field path, such as `servers[2].url` (empty for the file as a whole). */
    readonly field: string,
    /** 1-based line in the file, when known. */
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Where a field sits, for messages made later (a secret read when its server is used). */
export interface FieldPlace {
  file: string;
  field: string;
  line?: number;
}

export function configError(place: FieldPlace, problem: string): ConfigFileError {
  const where = place.line === undefined ? place.file : `${place.file}:${place.line}`;
  // " - " rather than ": " after the field: `password: text` reads as a secret to the apps' scrubbers.
  return new ConfigFileError(`${where}: ${place.field ? `${place.field} - ` : ""}${problem}`, place.field, place.line);
}
