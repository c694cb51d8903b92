import { createWriteStream, rmSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CliError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import { toCsv, toJsonArray, toNdjson, toTable } from "./serializers.js";
import type { Format, Row, RowShape } from "./types.js";

export interface OutputTarget {
  stream: Writable;
  /** Whether the pipeline should end the stream (a file) or leave it open (stdout). */
  end: boolean;
  /** Makes the output final (renames the --out file into place). */
  commit(): Promise<void>;
  /** Drops a half-written --out file, so a failed export never looks complete. */
  abort(): Promise<void>;
}

const CLEANUP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
// The shell's exit status for death by a signal is 128 + its number.
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/**
 * stdout, or the --out file. The file is written beside its final name and renamed at
 * the end; it is opened first, so a bad path fails before any request is made.
 */
export async function openOutput(path: string | undefined, stdout: Writable): Promise<OutputTarget> {
  if (!path) return { stream: stdout, end: false, commit: async () => {}, abort: async () => {} };
  const partial = `${path}.partial-${process.pid}`;
  const stream = createWriteStream(partial);
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new CliError(`cannot write --out ${path}: ${error.code ?? error.message}: check the folder exists and is writable`, EXIT.ioError),
      ),
    );
  });
  // Ctrl-C, a kill or a closed terminal (SIGHUP) mid-export must not leave a half file behind either.
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(partial, { force: true });
    process.exit(128 + SIGNAL_NUMBERS[signal as (typeof CLEANUP_SIGNALS)[number]]);
  };
  for (const signal of CLEANUP_SIGNALS) process.once(signal, onSignal);
  const release = () => {
    for (const signal of CLEANUP_SIGNALS) process.off(signal, onSignal);
  };
  return {
    stream,
    end: true,
    async commit() {
      release();
      try {
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        throw new CliError(`cannot write --out ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, EXIT.ioError);
      }
    },
    async abort() {
      release();
      stream.destroy();
      await rm(partial, { force: true });
    },
  };
}

/** Streams rows to the target in the format; resolves with the number of rows written. */
export async function writeRows(
  rows: AsyncIterable<Row>,
  options: {
    format: Format;
    shape: RowShape;
    target: OutputTarget;
    color: boolean;
    /** CSV cells exactly as sent, without the formula guard (--csv-raw). */
    csvRaw: boolean;
    /** Width the table must fit; undefined: no limit. */
    tableWidth: number | undefined;
  },
): Promise<number> {
  let count = 0;
  const counted = (async function* () {
    for await (const row of rows) {
      count++;
      yield row;
    }
  })();
  const { format, shape, target } = options;
  const end = { end: target.end };
  try {
    switch (format) {
      case "csv":
        await pipeline(Readable.from(counted), toCsv(shape, options.csvRaw), target.stream, end);
        break;
      case "json":
        await pipeline(counted, toJsonArray, target.stream, end);
        break;
      case "ndjson":
        await pipeline(counted, toNdjson, target.stream, end);
        break;
      case "table":
        await pipeline(counted, toTable(shape, options.color, options.tableWidth), target.stream, end);
        break;
    }
  } catch (error) {
    await target.abort();
    throw error;
  }
  await target.commit();
  return count;
}
