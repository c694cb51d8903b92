// A module resolve hook for a child Node process (see package-loads.ts): names on stderr
// each package from node_modules the process loads.
type Resolved = { url: string };
type NextResolve = (specifier: string, context: unknown) => Promise<Resolved>;

export async function resolve(specifier: string, context: unknown, next: NextResolve): Promise<Resolved> {
  const result = await next(specifier, context);
  const name = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(result.url)?.[1];
  if (name) process.stderr.write(`package loaded: ${name}\n`);
  return result;
}
