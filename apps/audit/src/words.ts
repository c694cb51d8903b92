/** "1 restore session", "2 restore sessions": a count with its noun in the right number. */
export function countOf(count: number, singular: string): string {
  return `${count} ${count === 1 ? singular : `${singular}s`}`;
}
