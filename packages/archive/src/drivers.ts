// The database drivers, loaded on first use: a program that reads an SQLite archive never
// loads pg, one on PostgreSQL never loads the native better-sqlite3, and one that only
// imports the package (the audit CLI does for every command) loads neither.
import type BetterSqlite3 from "better-sqlite3";
import type Pg from "pg";

export async function sqliteDriver(): Promise<typeof BetterSqlite3> {
  return (await import("better-sqlite3")).default;
}

export async function postgresDriver(): Promise<typeof Pg> {
  return (await import("pg")).default;
}
