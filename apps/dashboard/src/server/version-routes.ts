// What differs between REST API versions, as the page sees it: which version the dashboard
// speaks with VBM365 (GET /api/version), and a session's statistics, which only v8 has
// (GET /api/sessions/{id}/statistics). On v6 and v7 the statistics answer says so without
// asking VBM365: the client would refuse the call anyway, and the page shows a note, not an error.
import type { RestoreStatistics } from "@vbm365/client";
import type { StatisticsResponse, StatisticsRow, VersionResponse } from "../shared/api.js";
import type { SessionSource } from "./source.js";

export async function versionAnswer(source: SessionSource): Promise<VersionResponse> {
  return { apiVersion: await source.apiVersion(), setting: source.apiSetting };
}

export async function statisticsAnswer(source: SessionSource, id: string, signal: AbortSignal): Promise<StatisticsResponse> {
  const apiVersion = await (source.versionOf ? source.versionOf(id) : source.apiVersion());
  if (apiVersion !== "v8") {
    const how = source.apiSetting === "auto" ? "it serves" : "VBM365_API_VERSION pins";
    return {
      available: false,
      apiVersion,
      message: `Statistics (items restored, failed, skipped) need a VBM365 server with REST API v8; ${how} ${apiVersion}.`,
    };
  }
  return { available: true, apiVersion, statistics: toStatisticsRow(await source.statistics(id, signal)) };
}

/** The counts as the server sent them; the lists (entries left open by the spec) only counted. */
export function toStatisticsRow(statistics: RestoreStatistics): StatisticsRow {
  return {
    totalItemsCount: statistics.totalItemsCount,
    restoredItemsCount: statistics.restoredItemsCount,
    failedItemsCount: statistics.failedItemsCount,
    skippedItemsCount: statistics.skippedItemsCount,
    warningsCount: statistics.warnings?.length ?? 0,
    errorsCount: statistics.errors?.length ?? 0,
  };
}
