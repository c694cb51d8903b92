// A thin reader over a parsed YAML document that knows where each node sits, so every
// validation message can name the line and the field path (`servers[2].url`).
import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, type YAMLMap } from "yaml";
import { configError, type ConfigFileError, type FieldPlace } from "./errors.js";

export interface Located<T> {
  value: T;
  place: FieldPlace;
}

export class YamlReader {
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  lineOf(node: unknown): number | undefined {
    const range = (node as Node | null)?.range;
    return range ? this.lines.linePos(range[0]).line : undefined;
  }

  place(field: string, node: unknown): FieldPlace {
    return { file: this.file, field, line: this.lineOf(node) };
  }

  error(field: string, node: unknown, problem: string): ConfigFileError {
    return configError(this.place(field, node), problem);
  }

  /** The pairs of a mapping; refuses any key outside `known` (unless "any"), naming the ones that are. */
  map(field: string, node: unknown, known: readonly string[] | "any"): Map<string, Pair<unknown, unknown>> {
    if (!isMap(node)) throw this.error(field, node, `must be a mapping (key: value lines)${describeFound(node)}`);
    const pairs = new Map<string, Pair<unknown, unknown>>();
    for (const pair of (node as YAMLMap<unknown, unknown>).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const at = join(field, key);
      if (known !== "any" && !known.includes(key))
        throw this.error(at, pair.key, `unknown field '${key.slice(0, 40)}': the fields here are ${known.join(", ")}`);
      pairs.set(key, pair);
    }
    return pairs;
  }

  /** A string scalar (numbers and booleans are refused: `apiVersion: 8` is a mistake worth naming). */
  string(field: string, node: unknown): Located<string> {
    if (!isScalar(node) || typeof node.value !== "string") throw this.error(field, node, `must be text${describeFound(node)}`);
    const value = node.value.trim();
    if (value === "") throw this.error(field, node, "is empty: give a value or remove the line");
    return { value, place: this.place(field, node) };
  }

  integer(field: string, node: unknown, min: number, max: number): number {
    if (!isScalar(node) || typeof node.value !== "number" || !Number.isInteger(node.value) || node.value < min || node.value > max) {
      throw this.error(field, node, `must be a whole number from ${min} to ${max}`);
    }
    return node.value;
  }

  items(field: string, node: unknown): unknown[] {
    if (!isSeq(node)) throw this.error(field, node, `must be a list (lines starting with '- ')${describeFound(node)}`);
    return node.items;
  }
}

export function join(field: string, key: string): string {
  return field ? `${field}.${key}` : key;
}

function describeFound(node: unknown): string {
  if (node === null || node === undefined) return ", and it is empty";
  if (isScalar(node))
    return node.value === null ? ", and it is empty" : `, not ${typeof node.value === "string" ? "text" : typeof node.value}`;
  if (isSeq(node)) return ", not a list";
  if (isMap(node)) return ", not a mapping";
  return "";
}
