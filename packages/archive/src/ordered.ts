/**
 * Maps an async source with up to `concurrency` calls in flight, yielding results in the
 * source's order. At most `concurrency` results are held, so memory stays bounded.
 */
export async function* mapOrdered<T, R>(source: AsyncIterable<T>, concurrency: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  try {
    for await (const item of source) {
      const started = fn(item);
      // A rejection is surfaced when its turn comes; until then it must not be "unhandled".
      started.catch(() => {});
      pending.push(started);
      if (pending.length >= concurrency) yield await pending.shift()!;
    }
    while (pending.length > 0) yield await pending.shift()!;
  } finally {
    pending.length = 0;
  }
}

/** Groups an async source into arrays of at most `size`. */
export async function* chunked<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of source) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
