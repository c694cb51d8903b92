// curl samples, written from the spec itself so they follow every change of a path,
// parameter or body. Secrets come from the same environment variables the rest of the
// toolkit reads, so a copied command never carries a real password or token.
const credentialVariables = { username: "VBM365_USERNAME", password: "VBM365_PASSWORD", refresh_token: "VBM365_REFRESH_TOKEN" };

/** Follows local `#/...` references of the bundled spec. */
export function resolveRef(spec, node) {
  let current = node;
  while (current && typeof current.$ref === "string") {
    if (!current.$ref.startsWith("#/")) throw new Error(`Only local references can be resolved, got ${current.$ref}.`);
    current = current.$ref
      .slice(2)
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce((parent, key) => parent?.[key], spec);
    if (current === undefined) throw new Error(`The reference ${node.$ref} points at nothing in the spec.`);
  }
  return current;
}

function shellQuote(text) {
  return `'${String(text).replaceAll("'", `'\\''`)}'`;
}

function placeholderFor(name) {
  return `$${name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}`;
}

function firstExample(spec, mediaType) {
  if (mediaType.example !== undefined) return mediaType.example;
  const [example] = Object.values(mediaType.examples ?? {});
  return example === undefined ? undefined : resolveRef(spec, example).value;
}

function bodyArguments(spec, requestBody, where) {
  if (!requestBody) return [];
  const body = resolveRef(spec, requestBody);
  const [[contentType, mediaType] = []] = Object.entries(body.content ?? {});
  const example = mediaType && firstExample(spec, mediaType);
  if (example === undefined) throw new Error(`${where}: the request body has no example to write a curl sample from.`);
  if (contentType === "application/x-www-form-urlencoded") {
    const fields = Object.entries(example).map(([name, value]) =>
      credentialVariables[name] ? `"${name}=$${credentialVariables[name]}"` : shellQuote(`${name}=${value}`),
    );
    return [`-H 'Content-Type: ${contentType}'`, ...fields.map((field) => `--data-urlencode ${field}`)];
  }
  if (contentType === "application/json") {
    return [`-H 'Content-Type: ${contentType}'`, `--data ${shellQuote(JSON.stringify(example))}`];
  }
  throw new Error(`${where}: no curl sample can be written for a ${contentType} body.`);
}

/**
 * One curl command for an operation: example values for path and query parameters,
 * the bearer header unless the operation opts out of security, the body's first example.
 */
export function curlSample(spec, { method, path, pathItem, operation }) {
  const where = `${method.toUpperCase()} ${path}`;
  const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolveRef(spec, p));
  let url = path;
  for (const parameter of parameters.filter((p) => p.in === "path")) {
    const value = parameter.example ?? parameter.schema?.example ?? placeholderFor(parameter.name);
    url = url.replace(`{${parameter.name}}`, encodeURIComponent(value).replaceAll("%24", "$"));
  }
  const query = parameters
    .filter((p) => p.in === "query")
    .map((p) => [p.name, p.example ?? p.schema?.example ?? p.schema?.default])
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  if (query.length > 0) url += `?${query.join("&")}`;

  const needsToken = (operation.security ?? spec.security ?? []).length > 0;
  const lines = [
    `curl -sS${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "$VBM365_URL${url}"`,
    ...(needsToken ? [`-H "Authorization: Bearer $VBM365_TOKEN"`] : []),
    ...bodyArguments(spec, operation.requestBody, where),
  ];
  return lines.join(" \\\n  ");
}
