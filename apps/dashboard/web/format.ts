// How values read on the page: local times, plain names for session types, sizes in units.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const number = new Intl.NumberFormat();

export const typeLabels: Record<string, string> = {
  Vex: "Exchange",
  Veod: "OneDrive",
  Vesp: "SharePoint",
  Vet: "Teams",
};

export const resultSymbols: Record<string, string> = { Success: "✓", Warning: "!", Failed: "✕" };

// Server values are looked up as own keys only: "constructor" or "toString" must not
// find Object's own members (the page would show `function Object() ...`).
export function typeLabel(type: string): string {
  return Object.hasOwn(typeLabels, type) ? typeLabels[type]! : type;
}

export function resultSymbol(result: string): string {
  return Object.hasOwn(resultSymbols, result) ? resultSymbols[result]! : "•";
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatCount(value: number): string {
  return number.format(value);
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return "—";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** A CSS class name from a server value, limited to safe characters. */
export function token(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, "");
}
