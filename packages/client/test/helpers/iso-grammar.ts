// The ISO 8601 grammar the parser implements, written the slow and obvious way: a regular
// expression per form, and a `Date` round trip for calendar and clock validity. The tests
// hold the fast scanner in src/instants.ts to giving exactly these answers.
import type { IsoDateTime, IsoForm } from "../../src/index.js";

const FORMS: Record<IsoForm, RegExp> = {
  api: /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?(Z|[+-]\d\d:\d\d)?$/i,
  typed: /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i,
};

export function referenceParse(text: string, form: IsoForm): IsoDateTime | undefined {
  const match = FORMS[form].exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const zone = match[8]?.toUpperCase();
  const offset = zone?.slice(1).replace(":", "").padEnd(4, "0") ?? "0000";
  const [offsetHours, offsetMinutes] = [Number(offset.slice(0, 2)), Number(offset.slice(2))];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second);
  const back = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  const asWritten = back.every((value, index) => value === [year, month, day, hour, minute, second][index]);
  if (!asWritten || offsetHours > 23 || offsetMinutes > 59) return undefined;
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    fraction: match[7] ?? "",
    offsetMinutes: zone === undefined ? undefined : (zone.startsWith("-") ? -1 : 1) * (offsetHours * 60 + offsetMinutes),
    hasTime: match[4] !== undefined,
  };
}

/** Texts near valid ones: each of `seeds` with characters replaced, dropped, doubled or cut, drawn from a fixed seed. */
export function nearbyTexts(seeds: readonly string[], count: number): string[] {
  const alphabet = "0123456789-:.,+ TtZz\u00a0x";
  let state = 0x9e3779b9;
  const next = (below: number) => {
    // xorshift32: the same texts on every run.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = seeds[i % seeds.length]!;
    for (let edits = 1 + next(2); edits > 0; edits--) {
      const at = next(text.length + 1);
      const char = alphabet[next(alphabet.length)]!;
      const edit = next(4);
      if (edit === 0) text = text.slice(0, at) + char + text.slice(at + 1);
      else if (edit === 1) text = text.slice(0, at) + text.slice(at + 1);
      else if (edit === 2) text = text.slice(0, at) + char + text.slice(at);
      else text = text.slice(0, at);
    }
    texts.push(text);
  }
  return texts;
}
