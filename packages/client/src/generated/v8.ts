// GENERATED FILE: do not edit by hand.
// Source: openapi/, API v8 (bundled to openapi/dist/v8/openapi.json) via openapi-typescript.
// Regenerate with `pnpm generate` after changing the spec, and commit the result.
export interface paths {
    "/v8/RestoreSessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List restore sessions
         * @description Returns one page of the restore sessions the caller may see, optionally only those that started or ended inside a time window, sorted by `orderBy` and `orderAsc` (newest creation time first when both are left out). A page holds 30 sessions unless `limit` says otherwise, so follow `_links.next` until it is absent to read them all.
         */
        get: operations["RestoreSession_GetPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v8/RestoreSessions/{restoreSessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier (UUID) of the restore session, as in its `id` or its `_links.self`.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
            };
            cookie?: never;
        };
        /**
         * Get a restore session
         * @description Returns one restore session by its id.
         */
        get: operations["RestoreSession_GetByRestoreSessionId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v8/RestoreSessions/{restoreSessionId}/Stop": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier (UUID) of the restore session, as in its `id` or its `_links.self`.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop a restore session
         * @description Stops a restore session. The request has no body and a successful answer has none either. The reference does not say what stopping an already stopped session returns, so do not retry this call blindly.
         */
        post: operations["RestoreSession_StopAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v8/RestoreSessions/{restoreSessionId}/Events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier (UUID) of the restore session, as in its `id` or its `_links.self`.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
            };
            cookie?: never;
        };
        /**
         * List the events of a restore session
         * @description Returns one page of a session's events. Events of type `None` mark the start and the end of the session; the others each describe an item that was restored, exported, sent, saved or viewed. Pages work as for sessions: follow `_links.next` until it is absent.
         */
        get: operations["RestoreSessionEvent_Get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v8/RestoreSessions/{restoreSessionId}/Events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier (UUID) of the restore session, as in its `id` or its `_links.self`.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
                /**
                 * @description Identifier (UUID) of one event of that restore session, as in the event's `id`.
                 * @example 5a4b4c54-0a7e-4a4b-9c39-1c1e5f0d9a11
                 */
                eventId: components["parameters"]["eventId"];
            };
            cookie?: never;
        };
        /**
         * Get one event of a restore session
         * @description Returns a single event of a restore session by the event's id.
         */
        get: operations["RestoreSessionEvent_GetById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v8/RestoreSessions/{restoreSessionId}/organization": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier (UUID) of the restore session, as in its `id` or its `_links.self`.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
            };
            cookie?: never;
        };
        /**
         * Get the organization of a restore session
         * @description Returns the backed-up organization whose data the restore session works on.
         */
        get: operations["BackupOrganization_GetByRestoreSessionId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v8/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get or refresh an access token
         * @description Exchanges a user name and password, or a refresh token, for a bearer access token. This call needs no token of its own (the vendor marks it anonymous). It is rate-limited: reuse the token for its whole lifetime and renew it with the `refresh_token` grant. The vendor's document lists a form-encoded body and a JSON body with the same fields. The server matches paths without regard to case, so `/v8/Token` reaches this operation too (observed, not documented).
         */
        post: operations["token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v8/RestoreSessions/{restoreSessionId}/Statistics": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier (UUID) of the restore session, as in its `id` or its `_links.self`.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
            };
            cookie?: never;
        };
        /**
         * Get the statistics of a restore session
         * @description Returns how many items the session handled and how many of them were restored, failed or skipped, with the items themselves (meanings read from the field names). New in v8.
         */
        get: operations["RestoreSession_GetRestoreStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The body of an answer outside 2xx. The vendor's document declares it with one field, `message`, and marks nothing required, so a body may lack it. Later API versions add fields (`errorCode`, `stackTrace`); ignore what you do not know. */
        Error: {
            /** @description What went wrong, for a person to read. May be absent. */
            message?: string;
            /**
             * @description A machine-readable error kind, or `null`. v8 knows ten values; treat the list as open and fall back to `message` for values you do not know.
             * @enum {string|null}
             */
            errorCode?: "ProxyOffline" | null | "OutdatedChangeToken" | "ResourceAccessDenied" | "ResourceNotFound" | "ParameterValidationFailure" | "OrganizationTransfer" | "RepositoryOwnerChangeTooManyLinks" | "Timeout" | "OperationConflict" | "HttpError";
            /** @description The server's stack trace, or `null`. For diagnosis only: never show it to end users and never put it in an error message. */
            stackTrace?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description What kind of data the session restores: `Vex` is Exchange (mailboxes), `Veod` is OneDrive for Business, `Vesp` is SharePoint and `Vet` is Microsoft Teams.
         * @enum {string}
         */
        RestoreSessionType: "Vex" | "Veod" | "Vesp" | "Vet";
        /**
         * @description Whether the session is still open: `Working` while it runs, `Stopped` once it has ended. Older releases also reported `Starting` and `Stopping`, and the vendor does not promise the list is closed: clients should accept values they do not know.
         * @enum {string}
         */
        RestoreSessionState: "Working" | "Stopped";
        /**
         * @description How the session went: `Success` (finished without problems), `Warning` (finished, but something deserves a look, such as an item that could not be restored) or `Failed` (the session failed). The explanations in brackets are ours. The vendor does not document what a session that is still `Working` reports here.
         * @enum {string}
         */
        RestoreSessionResult: "Success" | "Warning" | "Failed";
        /** @description A link to a related resource. */
        Link: {
            /** @description URL of the related resource; in the vendor's v6 documents a path relative to the server's base URL. */
            href: string;
        };
        /** @description Related resources, by relation name (`self`, `next`, `organization`, ...). In the vendor's v6 documents each URL is a path relative to the server's base URL; resolve it against that URL. */
        Links: {
            [key: string]: components["schemas"]["Link"];
        };
        /** @description A restore session: one sitting in which an administrator, a restore operator or an integration browsed backed-up Microsoft 365 data and restored, exported or sent items. */
        RestoreSession: {
            /**
             * Format: uuid
             * @description Identifier of the restore session.
             */
            id: string;
            /** @description Display name the server gives the session. In the vendor's examples it names the kind of restore and what the session was opened from (the whole organization, a backup job, a data retrieval or a restore operator) with a local time stamp; do not parse it. */
            name?: string;
            /** @description Name of the Microsoft 365 organization whose backup the session reads. */
            organization?: string;
            type: components["schemas"]["RestoreSessionType"];
            /**
             * Format: date-time
             * @description When the session started (UTC in the vendor's examples).
             */
            creationTime: string;
            /**
             * Format: date-time
             * @description When the session ended (UTC in the vendor's examples). May be `null`; the vendor does not say when (presumably while the session runs).
             */
            endTime?: string | null;
            state: components["schemas"]["RestoreSessionState"];
            result: components["schemas"]["RestoreSessionResult"];
            /** @description Account that opened the session, as `DOMAIN\user` or a user principal name. */
            initiatedBy?: string;
            /** @description The server's short summary of the work done, such as `1 item processed (1 success)`. */
            details?: string;
            /** @description Scope of the session. In the vendor's examples it is the restore operator's account for sessions a restore operator opened, and empty for those an administrator opened. */
            scopeName?: string;
            /** @description The machine the session was opened from, with the address it connected through, as in `srv0101 (via: 127.0.0.1)`. */
            clientHost?: string;
            /** @description A reason recorded with the session. The vendor's document lists this string without explaining it, and its examples leave it out. */
            reason?: string;
            _links?: components["schemas"]["Links"];
            /**
             * Format: int64
             * @description A version number of the session that the server increases when the session changes.
             */
            eTag?: number;
        };
        /** @description Navigation between pages: `self`, and `first`, `prev`, `next` when there is more than one page. `next` is absent on the last page. */
        PageLinks: components["schemas"]["Links"];
        /** @description One page of restore sessions, with the window that produced it. While more items follow, `_links.next` holds the relative URL of the next page; on the last page it is absent. */
        RestoreSessionPage: {
            /**
             * Format: int32
             * @description Number of items skipped before this page, echoing the request (0 for the first page).
             */
            offset: number;
            /**
             * Format: int32
             * @description Largest number of items this page could hold, echoing the request (30 when none was asked for).
             */
            limit: number;
            /** @description The items on this page; fewer than `limit` on the last page, and empty when there are none. */
            results: components["schemas"]["RestoreSession"][];
            /**
             * Format: uuid
             * @description Identifier of the result set the page was cut from. The vendor's example carries the nil UUID (`00000000-0000-0000-0000-000000000000`) and the reference says nothing more, so do not build on it.
             */
            setId?: string;
            _links?: components["schemas"]["PageLinks"];
        };
        /** @description One step of a restore session: its start or end (`type` `None`), or one item that was restored, exported, sent, saved or viewed. */
        RestoreSessionEvent: {
            /**
             * Format: uuid
             * @description Identifier of the event.
             */
            id: string;
            /**
             * @description What the step did. `None` marks the start or the end of the session (documented); the other meanings are read from the names: `Save` saved an item to a file, `Export` exported items (for example to a PST file), `Send` mailed an item, `Restore` put an item back into Microsoft 365 and `View` opened an item for reading. Not marked required by the reference.
             * @enum {string}
             */
            type?: "None" | "Save" | "Export" | "Send" | "Restore" | "View";
            /**
             * @description Outcome of the step: `Running` while it is in progress, then `Success` (done), `Warning` (done with problems worth a look), `Failed` (not done), `Cancelled` (stopped before the end, for example when the session was stopped) or `Skipped` (left out, for example because there was nothing to do). The values are the vendor's; the explanations in brackets are ours.
             * @enum {string}
             */
            status: "Running" | "Success" | "Warning" | "Failed" | "Cancelled" | "Skipped";
            /**
             * Format: date-time
             * @description When the step started. Unlike session times it may carry the server's local offset (`+03:00`) instead of `Z`, so parse full ISO 8601.
             */
            startTime: string;
            /**
             * Format: date-time
             * @description When the step ended, with an offset like `startTime`. May be `null`; the vendor does not say when (presumably while the step runs).
             */
            endTime?: string | null;
            /** @description How long the step took, as a .NET time span `hh:mm:ss`, with fractions of a second when the server adds them (`00:00:07.4150000`). */
            duration?: string;
            /** @description Short heading of the step. */
            title?: string;
            /** @description What the server logged for the step, in full. */
            message: string;
            /** @description Name of the item the step handled, such as a mailbox, a message or a file. */
            itemName?: string;
            /** @description Kind of the item, as the server names it (an example event shows `Channel`); the reference does not list the values. */
            itemType?: string;
            /**
             * Format: int64
             * @description Size of the item, in bytes.
             */
            itemSizeBytes?: number;
            /** @description Where the item was read from, usually its place in the backup. */
            source?: string;
            /** @description Where the item went, such as a mailbox, a site or a file. */
            target?: string;
            /**
             * Format: int32
             * @description Position of the event in the session's log.
             */
            order: number;
            _links?: components["schemas"]["Links"];
            /** @description Identifier of the backed-up organization the event concerns, or `null` (meaning read from the name; the vendor's facts give only name and type). */
            backedUpOrganizationId?: string | null;
            /**
             * Format: uuid
             * @description Identifier of the organization the event concerns, or `null` (meaning read from the name; the vendor's facts give only name and type).
             */
            organizationId?: string | null;
            /** @description Identifier of the user the event concerns, or `null` (meaning read from the name; the vendor's facts give only name and type). */
            userId?: string | null;
            /** @description Identifier of the group the event concerns, or `null` (meaning read from the name; the vendor's facts give only name and type). */
            groupId?: string | null;
            /** @description Identifier of the SharePoint site the event concerns, or `null` (meaning read from the name; the vendor's facts give only name and type). */
            siteId?: string | null;
            /**
             * Format: uuid
             * @description Identifier of the team the event concerns, or `null` (meaning read from the name; the vendor's facts give only name and type).
             */
            teamId?: string | null;
        };
        /** @description One page of events of one restore session, with the window that produced it. While more items follow, `_links.next` holds the relative URL of the next page; on the last page it is absent. */
        RestoreSessionEventPage: {
            /**
             * Format: int32
             * @description Number of items skipped before this page, echoing the request (0 for the first page).
             */
            offset: number;
            /**
             * Format: int32
             * @description Largest number of items this page could hold, echoing the request (30 when none was asked for).
             */
            limit: number;
            /** @description The items on this page; fewer than `limit` on the last page, and empty when there are none. */
            results: components["schemas"]["RestoreSessionEvent"][];
            /**
             * Format: uuid
             * @description Identifier of the result set the page was cut from. The vendor's example carries the nil UUID (`00000000-0000-0000-0000-000000000000`) and the reference says nothing more, so do not build on it.
             */
            setId?: string;
            _links?: components["schemas"]["PageLinks"];
        };
        /** @description An organization added to the backup server: a Microsoft 365 tenant, an on-premises Exchange and SharePoint deployment, or a mix of both. The reference names no required fields for this object, so none is marked required here: check for a field before using it. */
        BackupOrganization: {
            /**
             * Format: uuid
             * @description Identifier of the organization on the backup server.
             */
            id?: string;
            /** @description Name of the organization, such as `abc.onmicrosoft.com`. */
            name?: string;
            /**
             * @description Where the organization's data lives: `Office365` is a Microsoft 365 tenant, `OnPremises` is Exchange and SharePoint servers run by the organization itself, and `Hybrid` combines the two. (The meanings are read from the names; the vendor does not spell them out.) The vendor's document allows `null` here.
             * @enum {string|null}
             */
            type?: "Office365" | "OnPremises" | "Hybrid" | null;
            _links?: components["schemas"]["Links"];
        };
        /**
         * Password grant
         * @description Log in with a user name and password.
         */
        PasswordTokenRequest: {
            /**
             * @description Always `password` for this grant.
             * @constant
             */
            grant_type: "password";
            /** @description Account to log in as, such as `DOMAIN\user` or a user principal name. */
            username: string;
            /**
             * Format: password
             * @description The account's password. Send it only over HTTPS.
             */
            password: string;
            /** @description From v7 on the server can require an antiforgery token besides the bearer token. A client that does not handle antiforgery cookies sends `true` here when it logs in. */
            disable_antiforgery_token?: boolean | null;
        };
        /**
         * Refresh grant
         * @description Renew an expiring access token.
         */
        RefreshTokenRequest: {
            /**
             * @description Always `refresh_token` for this grant.
             * @constant
             */
            grant_type: "refresh_token";
            /** @description The `refresh_token` of an earlier token response. */
            refresh_token: string;
            /** @description From v7 on the server can require an antiforgery token besides the bearer token. A client that does not handle antiforgery cookies sends `true` here when it logs in. */
            disable_antiforgery_token?: boolean | null;
        };
        /** @description A token request, form-encoded or JSON. Two grants are documented here: `password` (log in) and `refresh_token` (renew). The vendor also lists the `urn:ietf:params:oauth:grant-type:jwt-bearer` and `operator` grants, which are outside this spec; the `integration` grant of earlier versions is gone in v8. */
        TokenRequest: components["schemas"]["PasswordTokenRequest"] | components["schemas"]["RefreshTokenRequest"];
        /** @description What the token endpoint issues. The vendor's v8 document marks every field required except `userName`. */
        TokenResponse: {
            /** @description The bearer token to send as `Authorization: Bearer <access_token>`. Treat it as a secret. */
            access_token: string;
            /** @description Token for the `refresh_token` grant, to get a new access token without sending the password again. Treat it as a secret. */
            refresh_token: string;
            /** @description How to present the access token; `bearer`. (The value is inferred from public scripts, not documented.) */
            token_type: string;
            /**
             * Format: int64
             * @description Lifetime of the access token in seconds; 3600 (60 minutes) unless the server is configured otherwise.
             */
            expires_in: number;
            /** @description The account the token belongs to. */
            userName?: string;
            /**
             * Format: date-time
             * @description Moment the token was issued. The vendor's document declares an ISO 8601 date-time, but servers of this kind may write another date form instead, such as the HTTP date `Tue, 22 Feb 2022 15:40:00 GMT`: parse it leniently and do not fail on it.
             */
            ".issued": string;
            /**
             * Format: date-time
             * @description Moment the access token stops working. Declared as a date-time like `.issued`, and like it possibly written in another date form by a real server.
             */
            ".expires": string;
        };
        /** @description Counts of what a restore session handled. The vendor's document gives the counts and the lists, not the shape of a list's entries, so this spec leaves the entries open. */
        RestoreStatistics: {
            /**
             * Format: int64
             * @description Number of items the session handled.
             */
            totalItemsCount: number;
            /**
             * Format: int64
             * @description Number of items restored.
             */
            restoredItemsCount: number;
            /**
             * Format: int64
             * @description Number of items that failed.
             */
            failedItemsCount: number;
            /**
             * Format: int64
             * @description Number of items skipped.
             */
            skippedItemsCount: number;
            /** @description The items the session handled; the entries' fields are not given in the facts this spec is written from. */
            items: unknown[];
            /** @description Warnings about the session's items, when there are any; the entries' fields are not given either. */
            warnings?: unknown[];
            /** @description Errors about the session's items, when there are any; the entries' fields are not given either. */
            errors?: unknown[];
        };
    };
    responses: {
        /** @description Any other error. This is how the vendor itself declares every error; the body still carries a `message`. */
        UnexpectedError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "The service is unavailable."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A parameter or the form body was malformed or out of range, such as a `limit` above 10,000 or a time that is not ISO 8601. (Expected, not documented: the vendor declares errors only as `default`.) */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "The value \"notadate\" is not valid for startTimeFrom."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No valid credentials came with the request: no bearer token, or an invalid or expired one. (Public servers answer a missing token with 401; the vendor does not document it.) */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "Authorization has been denied for this request."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The token is valid, but its account may not see or change this resource. (Expected, not documented.) */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "Access is denied."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many requests in too short a time; the token endpoint is known to be rate-limited. Wait as long as `Retry-After` says, if it is sent, before trying again. (Expected, not documented.) */
        TooManyRequests: {
            headers: {
                /**
                 * @description Seconds to wait, or the HTTP date after which to try again. Whether the server sends it is not documented; without it, back off on your own.
                 * @example 1
                 */
                "Retry-After"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "Too many requests. Try again later."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The server failed while handling the request. (Expected, not documented.) */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "An error has occurred."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No restore session, or no event in it, has the given id. (Expected, not documented.) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "Restore session with ID b7f43a7f-3508-4d04-8ec2-ece6944e916c not found."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Keep only sessions that started after this moment. Give a UTC date-time in ISO 8601, such as `2022-03-12T15:55:20.8557416Z`; whether a session starting exactly then is included is not documented.
         * @example 2022-03-12T15:55:20.8557416Z
         */
        startTimeFrom: string;
        /**
         * @description Keep only sessions that started before this moment, in the same UTC ISO 8601 form as `startTimeFrom`. Together the two select a time window.
         * @example 2022-04-12T16:55:20.8557416Z
         */
        startTimeTo: string;
        /** @description Number of items to skip before the page starts; 0 when left out. `_links.next` already carries the right value. */
        offset: number;
        /** @description Largest number of items to put on the page: at most 10,000, and 30 when left out. (The vendor gives no minimum; this spec asks for at least 1.) */
        limit: number;
        /**
         * @description Identifier (UUID) of the restore session, as in its `id` or its `_links.self`.
         * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
         */
        restoreSessionId: string;
        /**
         * @description Identifier (UUID) of one event of that restore session, as in the event's `id`.
         * @example 5a4b4c54-0a7e-4a4b-9c39-1c1e5f0d9a11
         */
        eventId: string;
        /**
         * @description Keep only sessions that ended after this moment, as a UTC date-time in ISO 8601 like `startTimeFrom`.
         * @example 2022-03-12T15:55:20.8557416Z
         */
        endTimeFrom: string;
        /**
         * @description Keep only sessions that ended before this moment, as a UTC date-time in ISO 8601 like `startTimeTo`.
         * @example 2022-04-12T16:55:20.8557416Z
         */
        endTimeTo: string;
        /** @description Which time to sort the sessions by: `CreationTime` (the default) or `EndTime`. */
        orderBy: "CreationTime" | "EndTime";
        /** @description `true` sorts oldest first; `false` (the default) sorts newest first. */
        orderAsc: boolean;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    RestoreSession_GetPage: {
        parameters: {
            query?: {
                /**
                 * @description Keep only sessions that started after this moment. Give a UTC date-time in ISO 8601, such as `2022-03-12T15:55:20.8557416Z`; whether a session starting exactly then is included is not documented.
                 * @example 2022-03-12T15:55:20.8557416Z
                 */
                startTimeFrom?: components["parameters"]["startTimeFrom"];
                /**
                 * @description Keep only sessions that started before this moment, in the same UTC ISO 8601 form as `startTimeFrom`. Together the two select a time window.
                 * @example 2022-04-12T16:55:20.8557416Z
                 */
                startTimeTo?: components["parameters"]["startTimeTo"];
                /** @description Number of items to skip before the page starts; 0 when left out. `_links.next` already carries the right value. */
                offset?: components["parameters"]["offset"];
                /** @description Largest number of items to put on the page: at most 10,000, and 30 when left out. (The vendor gives no minimum; this spec asks for at least 1.) */
                limit?: components["parameters"]["limit"];
                /**
                 * @description Keep only sessions that ended after this moment, as a UTC date-time in ISO 8601 like `startTimeFrom`.
                 * @example 2022-03-12T15:55:20.8557416Z
                 */
                endTimeFrom?: components["parameters"]["endTimeFrom"];
                /**
                 * @description Keep only sessions that ended before this moment, as a UTC date-time in ISO 8601 like `startTimeTo`.
                 * @example 2022-04-12T16:55:20.8557416Z
                 */
                endTimeTo?: components["parameters"]["endTimeTo"];
                /** @description Which time to sort the sessions by: `CreationTime` (the default) or `EndTime`. */
                orderBy?: components["parameters"]["orderBy"];
                /** @description `true` sorts oldest first; `false` (the default) sorts newest first. */
                orderAsc?: components["parameters"]["orderAsc"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of restore sessions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestoreSessionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    RestoreSession_GetByRestoreSessionId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier (UUID) of the restore session, as in its `id` or its `_links.self`.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The restore session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestoreSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    RestoreSession_StopAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier (UUID) of the restore session, as in its `id` or its `_links.self`.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session was asked to stop. No content. (The vendor's v8 notes say POST operations may answer 200, 201 or 204; this one is documented with 204, and earlier versions answer 200.) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    RestoreSessionEvent_Get: {
        parameters: {
            query?: {
                /** @description Number of items to skip before the page starts; 0 when left out. `_links.next` already carries the right value. */
                offset?: components["parameters"]["offset"];
                /** @description Largest number of items to put on the page: at most 10,000, and 30 when left out. (The vendor gives no minimum; this spec asks for at least 1.) */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path: {
                /**
                 * @description Identifier (UUID) of the restore session, as in its `id` or its `_links.self`.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of restore session events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestoreSessionEventPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    RestoreSessionEvent_GetById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier (UUID) of the restore session, as in its `id` or its `_links.self`.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
                /**
                 * @description Identifier (UUID) of one event of that restore session, as in the event's `id`.
                 * @example 5a4b4c54-0a7e-4a4b-9c39-1c1e5f0d9a11
                 */
                eventId: components["parameters"]["eventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestoreSessionEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    BackupOrganization_GetByRestoreSessionId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier (UUID) of the restore session, as in its `id` or its `_links.self`.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupOrganization"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The issued tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    RestoreSession_GetRestoreStatistics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier (UUID) of the restore session, as in its `id` or its `_links.self`.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statistics of the session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestoreStatistics"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            default: components["responses"]["UnexpectedError"];
        };
    };
}
