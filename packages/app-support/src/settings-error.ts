// The one error every settings reader throws for a user's mistake: a line naming the setting
// and what to do, shown as it is (never a stack) and never holding a secret.

/** A bad or missing setting (environment variable, flag or configuration entry); the message names it and the fix. */
export class SettingsError extends Error {
  override name = "SettingsError";
}
