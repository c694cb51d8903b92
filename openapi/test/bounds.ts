// Every bound a bundle states (lengths, ranges, item counts, patterns) is either the
// vendor's, as shared/reference/api-facts.md documents it, or marked as this spec's own
// with `x-vbm365-own-limit` naming the keyword. A bound that is neither would read as a
// promise of the server: the contract suite would demand a refusal the vendor never made.

/** The keywords that bound a value. */
export const boundKeywords = [
  "maxLength",
  "minLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "maxItems",
  "minItems",
  "pattern",
  "maxProperties",
  "minProperties",
  "multipleOf",
] as const;

export interface VendorBound {
  /** `parameter <name>`, or `property <Schema>.<field>`. */
  subject: string;
  keyword: (typeof boundKeywords)[number];
  value: unknown;
  /** Where api-facts.md documents it. */
  fact: string;
}

/** The bounds the vendor documents; everything else must be marked x-vbm365-own-limit. */
export const vendorBounds: VendorBound[] = [
  { subject: "parameter limit", keyword: "maximum", value: 10_000, fact: 'api-facts.md, Pages: "Default `limit` 30, maximum 10,000"' },
  {
    subject: "parameter offset",
    keyword: "maximum",
    value: 2_147_483_647,
    fact: "api-facts.md, Operations: `offset` int32 (the largest int32)",
  },
];

export interface Bound {
  subject: string;
  /** JSON pointer of the schema that states it. */
  pointer: string;
  keyword: string;
  value: unknown;
  /** The keywords its schema lists in x-vbm365-own-limit. */
  own: string[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** How a report names the thing a schema describes: a parameter, a property of a component schema, or its pointer. */
function subjectOf(pointer: string[], parent: Json | undefined): string {
  if (pointer.at(-1) === "schema" && parent && typeof parent.name === "string" && typeof parent.in === "string")
    return `parameter ${parent.name}`;
  if (pointer.at(-2) === "properties") {
    const owner =
      pointer[0] === "components" && pointer[1] === "schemas" && pointer.length === 5
        ? pointer[2]
        : `/${pointer.slice(0, -2).map(escape).join("/")}`;
    return `property ${owner}.${pointer.at(-1)}`;
  }
  return `/${pointer.map(escape).join("/")}`;
}

/** Calls `visit` on every object of a bundle, examples left out, with its pointer and its parent. */
function visitObjects(bundle: unknown, visit: (node: Json, pointer: string[], parent: Json | undefined) => void): void {
  const walk = (node: unknown, pointer: string[], parent: Json | undefined) => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) walk(child, [...pointer, String(i)], undefined);
      return;
    }
    if (!isObject(node)) return;
    visit(node, pointer, parent);
    for (const [key, child] of Object.entries(node)) {
      if (key !== "example" && key !== "examples") walk(child, [...pointer, key], node);
    }
  };
  walk(bundle, [], undefined);
}

const ownListOf = (node: Json): string[] =>
  Array.isArray(node["x-vbm365-own-limit"]) ? (node["x-vbm365-own-limit"] as unknown[]).map(String) : [];
const pointerText = (pointer: string[]) => `/${pointer.map(escape).join("/")}`;

/** Every bound in a bundle (with internal $refs, so each component is seen once). */
export function collectBounds(bundle: unknown): Bound[] {
  const bounds: Bound[] = [];
  visitObjects(bundle, (node, pointer, parent) => {
    for (const keyword of boundKeywords) {
      const value = node[keyword];
      // A property named `minimum` (properties: { minimum: {...} }) is a schema, not a bound.
      if (value !== undefined && !isObject(value))
        bounds.push({ subject: subjectOf(pointer, parent), pointer: pointerText(pointer), keyword, value, own: ownListOf(node) });
    }
  });
  return bounds;
}

/** Markers naming a keyword their schema does not state: left behind when a bound went. */
export function staleMarkers(bundle: unknown): string[] {
  const problems: string[] = [];
  visitObjects(bundle, (node, pointer, parent) => {
    for (const keyword of ownListOf(node)) {
      if (node[keyword] === undefined)
        problems.push(
          `${subjectOf(pointer, parent)}: x-vbm365-own-limit names ${keyword}, which it does not state (${pointerText(pointer)})`,
        );
    }
  });
  return problems;
}

/** One line per bound that is neither the vendor's nor marked, per marker that mislabels a vendor's bound, and per stale marker. */
export function unexplainedBounds(bundle: unknown): string[] {
  const problems: string[] = staleMarkers(bundle);
  for (const bound of collectBounds(bundle)) {
    const stated = `${bound.subject}: ${bound.keyword} ${JSON.stringify(bound.value)}`;
    const vendor = vendorBounds.find((v) => v.subject === bound.subject && v.keyword === bound.keyword);
    const marked = bound.own.includes(bound.keyword);
    if (vendor && vendor.value === bound.value && marked)
      problems.push(`${stated} is the vendor's (${vendor.fact}), yet marked x-vbm365-own-limit (${bound.pointer})`);
    else if (vendor && vendor.value !== bound.value && !marked)
      problems.push(`${stated}: the facts say ${JSON.stringify(vendor.value)} (${vendor.fact}) (${bound.pointer})`);
    else if (!vendor && !marked)
      problems.push(`${stated} is neither stated in api-facts.md nor marked x-vbm365-own-limit: [${bound.keyword}] (${bound.pointer})`);
  }
  return problems;
}
