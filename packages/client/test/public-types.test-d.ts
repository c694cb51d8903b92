// Type tests, checked by `tsc` (`pnpm typecheck`): every public call's return type, the open
// enums beside the exact generated schema, `one()` typed by method and path, and wrong
// arguments refused at compile time (each @ts-expect-error fails the build if it stops erroring).
import { expectTypeOf } from "vitest";
import type { One } from "../src/calls.js";
import type { components as V7Components } from "../src/generated/v7.js";
import {
  createVbm365Client,
  type BackupOrganization,
  type components,
  type RestoreSession,
  type RestoreSessionEvent,
  type RestoreSessionEventPage,
  type RestoreSessionPage,
  type ApiVersion,
  type RestoreStatistics,
  type Vbm365ApiError,
  type Vbm365WalkError,
  type WalkStop,
} from "../src/index.js";

type Schemas = components["schemas"];
type V7Schemas = V7Components["schemas"];
const vbm = createVbm365Client({ baseUrl: "https://vbm.example:4443", auth: { token: "t" } });
const sessions = vbm.restoreSessions;
const id = "b7f43a7f-3508-4d04-8ec2-ece6944e916b";

// Every public call's answer.
expectTypeOf(sessions.list()).resolves.toEqualTypeOf<RestoreSessionPage>();
expectTypeOf(sessions.get(id)).resolves.toEqualTypeOf<RestoreSession>();
expectTypeOf(sessions.stop(id)).resolves.toEqualTypeOf<void>();
expectTypeOf(sessions.event(id, id)).resolves.toEqualTypeOf<RestoreSessionEvent>();
expectTypeOf(sessions.organization(id)).resolves.toEqualTypeOf<BackupOrganization>();
expectTypeOf(sessions.iterate()).toEqualTypeOf<AsyncIterable<RestoreSession>>();
expectTypeOf(sessions.events(id)).toEqualTypeOf<AsyncIterable<RestoreSessionEvent>>();
expectTypeOf<RestoreSessionPage["results"]>().toEqualTypeOf<RestoreSession[]>();
expectTypeOf<RestoreSessionEventPage["results"]>().toEqualTypeOf<RestoreSessionEvent[]>();
expectTypeOf<Vbm365WalkError["reason"]>().toEqualTypeOf<WalkStop>();

// Public enums are open: a value a newer server sends is a RestoreSession["state"] too...
expectTypeOf<"Starting">().toMatchTypeOf<RestoreSession["state"]>();
expectTypeOf<"Vcopilot">().toMatchTypeOf<RestoreSession["type"]>();
expectTypeOf<"Queued">().toMatchTypeOf<RestoreSessionEvent["status"]>();
expectTypeOf<null>().toMatchTypeOf<BackupOrganization["type"]>();
// ...while the known values stay offered, and fields that are not enums keep their type.
expectTypeOf<Schemas["RestoreSessionState"]>().toMatchTypeOf<RestoreSession["state"]>();
expectTypeOf<RestoreSession["id"]>().toEqualTypeOf<string>();
expectTypeOf<RestoreSession["endTime"]>().toEqualTypeOf<string | null | undefined>();
// The generated schema stays exact.
// @ts-expect-error "Starting" is not a state the spec lists
const exact: Schemas["RestoreSession"]["state"] = "Starting";
void exact;

// one(): typed by method and path, from the schema.
declare const one: One;
expectTypeOf(one("get", "/v6/RestoreSessions", { path: {} })).resolves.toEqualTypeOf<Schemas["RestoreSessionPage"]>();
expectTypeOf(one("get", "/v6/RestoreSessions/{restoreSessionId}", { path: { restoreSessionId: id } })).resolves.toEqualTypeOf<
  Schemas["RestoreSession"]
>();
expectTypeOf(
  one("post", "/v6/RestoreSessions/{restoreSessionId}/Stop", { path: { restoreSessionId: id } }),
).resolves.toEqualTypeOf<undefined>();
expectTypeOf(one("get", "/v6/RestoreSessions/{restoreSessionId}/organization", { path: { restoreSessionId: id } })).resolves.toEqualTypeOf<
  Schemas["BackupOrganization"]
>();
// @ts-expect-error no POST on the list path
void one("post", "/v6/RestoreSessions", { path: {} });
// @ts-expect-error the path parameter is required
void one("get", "/v6/RestoreSessions/{restoreSessionId}", { path: {} });
// @ts-expect-error the event path needs both ids
void one("get", "/v6/RestoreSessions/{restoreSessionId}/Events/{eventId}", { path: { restoreSessionId: id } });
// @ts-expect-error a query the operation does not have
void one("get", "/v6/RestoreSessions", { path: {}, query: { orderBy: "x" } });

// Wrong arguments to the public calls.
// @ts-expect-error an id is a string
void sessions.get(42);
// @ts-expect-error limit is a number
void sessions.list({ limit: "5" });
// @ts-expect-error not a filter of the list
void sessions.list({ state: "Running" });
// @ts-expect-error pageSize is a number
sessions.iterate({ pageSize: "100" });
// @ts-expect-error maxPages is a number
sessions.events(id, { maxPages: "10" });
// @ts-expect-error event needs the event's id too
void sessions.event(id);
// @ts-expect-error maxBodyBytes is a number
createVbm365Client({ baseUrl: "https://vbm.example", auth: { token: "t" }, maxBodyBytes: "64MB" });
// @ts-expect-error auth needs a token, credentials or getToken
createVbm365Client({ baseUrl: "https://vbm.example", auth: { user: "u" } });

// Versions: v8-only calls and filters exist on v8 and "auto" clients, not on v6 or v7 ones.
const v6 = createVbm365Client({ baseUrl: "https://vbm.example", auth: { token: "t" } });
const v7 = createVbm365Client({ baseUrl: "https://vbm.example", auth: { token: "t" }, apiVersion: "v7" });
const v8 = createVbm365Client({ baseUrl: "https://vbm.example", auth: { token: "t" }, apiVersion: "v8" });
const auto = createVbm365Client({ baseUrl: "https://vbm.example", auth: { token: "t" }, apiVersion: "auto" });
expectTypeOf(v8.restoreSessions.statistics(id)).resolves.toEqualTypeOf<RestoreStatistics>();
expectTypeOf(auto.restoreSessions.statistics(id)).resolves.toEqualTypeOf<RestoreStatistics>();
expectTypeOf(
  v8.restoreSessions.list({ orderBy: "EndTime", orderAsc: false, endTimeFrom: new Date() }),
).resolves.toEqualTypeOf<RestoreSessionPage>();
expectTypeOf(auto.apiVersion()).resolves.toEqualTypeOf<ApiVersion>();
// @ts-expect-error a v6 client has no statistics
void v6.restoreSessions.statistics(id);
// @ts-expect-error nor a v7 one
void v7.restoreSessions.statistics(id);
// @ts-expect-error orderBy is a v8 filter
void v7.restoreSessions.list({ orderBy: "EndTime" });
// @ts-expect-error endTimeFrom is a v8 filter
v6.restoreSessions.iterate({ endTimeFrom: "2024-01-01T00:00:00Z" });
// @ts-expect-error orderBy takes the spec's values
void v8.restoreSessions.list({ orderBy: "Name" });
// @ts-expect-error not an API version
createVbm365Client({ baseUrl: "https://vbm.example", auth: { token: "t" }, apiVersion: "v9" });
// The api client is typed for its version's paths ("auto": every version's, the path names it).
const v8Statistics = () => v8.api.GET("/v8/RestoreSessions/{restoreSessionId}/Statistics", { params: { path: { restoreSessionId: id } } });
expectTypeOf<Awaited<ReturnType<typeof v8Statistics>>["data"]>().toEqualTypeOf<RestoreStatistics | undefined>();
const autoStatistics = () =>
  auto.api.GET("/v8/RestoreSessions/{restoreSessionId}/Statistics", { params: { path: { restoreSessionId: id } } });
expectTypeOf<Awaited<ReturnType<typeof autoStatistics>>["data"]>().toEqualTypeOf<RestoreStatistics | undefined>();
const v7Page = () => v7.api.GET("/v7/RestoreSessions", {});
expectTypeOf<Awaited<ReturnType<typeof v7Page>>["data"]>().toEqualTypeOf<V7Schemas["RestoreSessionPage"] | undefined>();
const v6Page = () => v6.api.GET("/v6/RestoreSessions", {});
expectTypeOf<Awaited<ReturnType<typeof v6Page>>["data"]>().toEqualTypeOf<Schemas["RestoreSessionPage"] | undefined>();
void auto.api.GET("/v6/RestoreSessions", {});
// @ts-expect-error a v6 client's api has no v8 path
void v6.api.GET("/v8/RestoreSessions/{restoreSessionId}/Statistics", { params: { path: { restoreSessionId: id } } });
// @ts-expect-error a v8 client's api has no v6 path
void v8.api.GET("/v6/RestoreSessions", {});
// @ts-expect-error a v7 client's api has no statistics
void v7.api.GET("/v8/RestoreSessions/{restoreSessionId}/Statistics", { params: { path: { restoreSessionId: id } } });
// @ts-expect-error nor an end-time filter, which only v8 has
void v7.api.GET("/v7/RestoreSessions", { params: { query: { endTimeFrom: "2024-01-01T00:00:00Z" } } });

// The error's errorCode is an open string.
expectTypeOf<Vbm365ApiError["errorCode"]>().toEqualTypeOf<string | undefined>();
