// The one error every settings reader throws for a user's mistake: a line naming the setting
// and what to do, shown as it is (never a stack) and never holding a secret.

/** A bad or missing setting (environment variable, flag or configuration entry); the message names it and the fix. */
export class SettingsError extends Error {
  override name = "SettingsError";
}

/** Makes the error for a bad value from what is wrong with it; each reader says where in its own way (a variable's name, a file's line and field). */
export type Complain = (problem: string) => Error;

/** `setting` as a name (`VBM365_URL`): its complaint is a SettingsError starting with that name. */
export function complainAs(setting: string | Complain): Complain {
  return typeof setting === "string" ? (problem) => new SettingsError(`${setting} ${problem}`) : setting;
}
