// A module hook for a child Node process: names on stderr every Vega module it loads.
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (/\/node_modules\/vega[^/]*\//.test(result.url)) process.stderr.write(`vega loaded: ${result.url}\n`);
  return result;
}
