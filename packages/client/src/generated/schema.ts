// GENERATED FILE: do not edit by hand.
// Source: openapi/ (bundled to openapi/dist/openapi.json) via openapi-typescript.
// Regenerate with `pnpm generate` after changing the spec, and commit the result.
export interface paths {
    "/v6/RestoreSessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List restore sessions
         * @description Returns one page of the restore sessions visible to the caller, newest first, optionally limited to sessions that started inside a time window. Follow `_links.next` until it is absent to read them all.
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
    "/v6/RestoreSessions/{restoreSessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier of the restore session.
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
    "/v6/RestoreSessions/{restoreSessionId}/Stop": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier of the restore session.
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
         * @description Ends a running restore session and releases what it holds on the server. The request has no body and a successful answer has none either. Stopping is not idempotent in a documented way, so clients must not retry it blindly.
         */
        post: operations["RestoreSession_StopAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v6/RestoreSessions/{restoreSessionId}/Events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier of the restore session.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
            };
            cookie?: never;
        };
        /**
         * List the events of a restore session
         * @description Returns one page of a session's events in their `order`. Events of type `None` mark the start and end of the session; the others each describe one item that was restored, exported, sent, saved or viewed. Follow `_links.next` to read every page.
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
    "/v6/RestoreSessions/{restoreSessionId}/Events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier of the restore session.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
                /**
                 * @description Identifier of the event within the restore session.
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
    "/v6/RestoreSessions/{restoreSessionId}/organization": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Identifier of the restore session.
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
    "/v6/Token": {
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
         * @description Exchanges a user name and password, or a refresh token, for a bearer access token. This call needs no token of its own. It is rate-limited: reuse the token for its whole lifetime and renew it with the `refresh_token` grant.
         */
        post: operations["Token_Create"];
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
        /** @description The body of every answer outside 2xx. Newer servers add fields (`errorCode`, `stackTrace`); ignore what you do not know. */
        Error: {
            /** @description What went wrong, for a person to read. */
            message: string;
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
         * @description How the session went: `Success` when every item was processed, `Warning` when some items needed attention, `Failed` when the session failed. The vendor does not document what a session that is still `Working` reports here.
         * @enum {string}
         */
        RestoreSessionResult: "Success" | "Warning" | "Failed";
        /** @description A link to a related resource. */
        Link: {
            /** @description URL of the related resource, relative to the server's base URL in v6. */
            href: string;
        };
        /** @description Related resources, by relation name (`self`, `next`, `organization`, ...). The server writes relative URLs such as `/v6/restoresessions/<id>`. */
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
            /** @description Display name the server gives the session: the kind of restore and what it was opened from (the whole organization, a backup job, a data retrieval or a restore operator). */
            name?: string;
            /** @description Name of the Microsoft 365 organization whose backup the session reads. */
            organization?: string;
            type: components["schemas"]["RestoreSessionType"];
            /**
             * Format: date-time
             * @description When the session started, in UTC.
             */
            creationTime: string;
            /**
             * Format: date-time
             * @description When the session ended, in UTC; `null` while it is still running.
             */
            endTime?: string | null;
            state: components["schemas"]["RestoreSessionState"];
            result: components["schemas"]["RestoreSessionResult"];
            /** @description Account that opened the session, as `DOMAIN\user` or a user principal name. */
            initiatedBy?: string;
            /** @description The server's short summary of the work done, such as `1 item processed (1 success)`. */
            details?: string;
            /** @description For sessions opened by a restore operator, the operator's scope; empty for sessions opened by an administrator. */
            scopeName?: string;
            /** @description The machine the session was opened from, with the address it connected through, as in `srv0101 (via: 127.0.0.1)`. */
            clientHost?: string;
            _links?: components["schemas"]["Links"];
        };
        /** @description Navigation between pages: `self`, and `first`, `prev`, `next` when there is more than one page. `next` is absent on the last page. */
        PageLinks: components["schemas"]["Links"];
        /** @description One page of RestoreSession items. `_links.next` is present while more pages follow. */
        RestoreSessionPage: {
            /**
             * Format: int32
             * @description How many items precede this page, as requested.
             */
            offset: number;
            /**
             * Format: int32
             * @description The most items this page may hold, as requested.
             */
            limit: number;
            /** @description The items of this page. */
            results: components["schemas"]["RestoreSession"][];
            /**
             * Format: uuid
             * @description Identifier of the result set the page belongs to. v6 servers send the nil UUID (`00000000-0000-0000-0000-000000000000`); do not rely on it.
             */
            setId?: string;
            /**
             * Format: int32
             * @description Number of items in all pages, when the server counts them; often absent or `null`.
             */
            totalCount?: number | null;
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
             * @description What the step did: `None` marks the start or the end of the session, `Save` saved an item to a file, `Export` exported items (for example to PST), `Send` mailed an item, `Restore` put an item back into Microsoft 365 and `View` opened an item for reading.
             * @enum {string}
             */
            type?: "None" | "Save" | "Export" | "Send" | "Restore" | "View";
            /**
             * @description Outcome of the step: `Running` while in progress, then `Success`, `Warning`, `Failed`, `Cancelled` (stopped by a user) or `Skipped` (nothing had to be done).
             * @enum {string}
             */
            status: "Running" | "Success" | "Warning" | "Failed" | "Cancelled" | "Skipped";
            /**
             * Format: date-time
             * @description When the step started. It may carry a local offset such as `+03:00` rather than `Z`.
             */
            startTime: string;
            /**
             * Format: date-time
             * @description When the step ended; `null` while it runs.
             */
            endTime?: string | null;
            /** @description How long the step took, as a .NET time span `hh:mm:ss` (with fractions when the server adds them). */
            duration?: string;
            /** @description Short heading of the step. */
            title?: string;
            /** @description What the server logged for the step, in full. */
            message: string;
            /** @description Name of the item the step handled, such as a mailbox, a message or a file. */
            itemName?: string;
            /** @description Kind of the item, such as `Mailbox`, `Message`, `Folder` or `Document`. */
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
             * @description Position of the event in the session's log, counting from its start.
             */
            order: number;
            _links?: components["schemas"]["Links"];
        };
        /** @description One page of RestoreSessionEvent items. `_links.next` is present while more pages follow. */
        RestoreSessionEventPage: {
            /**
             * Format: int32
             * @description How many items precede this page, as requested.
             */
            offset: number;
            /**
             * Format: int32
             * @description The most items this page may hold, as requested.
             */
            limit: number;
            /** @description The items of this page. */
            results: components["schemas"]["RestoreSessionEvent"][];
            /**
             * Format: uuid
             * @description Identifier of the result set the page belongs to. v6 servers send the nil UUID (`00000000-0000-0000-0000-000000000000`); do not rely on it.
             */
            setId?: string;
            /**
             * Format: int32
             * @description Number of items in all pages, when the server counts them; often absent or `null`.
             */
            totalCount?: number | null;
            _links?: components["schemas"]["PageLinks"];
        };
        /** @description A Microsoft 365, on-premises or hybrid organization added to the backup server. */
        BackupOrganization: {
            /**
             * Format: uuid
             * @description Identifier of the organization on the backup server.
             */
            id: string;
            /** @description Name of the organization, such as `abc.onmicrosoft.com`. */
            name: string;
            /**
             * @description Where the organization lives: `Office365` in Microsoft 365, `OnPremises` on local Exchange and SharePoint servers, `Hybrid` in both.
             * @enum {string}
             */
            type: "Office365" | "OnPremises" | "Hybrid";
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
        };
        /** @description A form-encoded token request. Two grants are documented here: `password` (log in) and `refresh_token` (renew). Servers also accept `urn:ietf:params:oauth:grant-type:jwt-bearer`, `integration` and `operator` grants, which are outside this spec. */
        TokenRequest: components["schemas"]["PasswordTokenRequest"] | components["schemas"]["RefreshTokenRequest"];
        /** @description Tokens issued by the server. */
        TokenResponse: {
            /** @description The bearer token to send as `Authorization: Bearer <access_token>`. */
            access_token: string;
            /** @description Token for the `refresh_token` grant, to renew the access token without the password. */
            refresh_token?: string;
            /** @description How to send the access token; `bearer`. (Inferred from public scripts, not documented.) */
            token_type?: string;
            /**
             * Format: int32
             * @description Seconds until the access token expires; 3600 by default.
             */
            expires_in: number;
            /** @description Account the token was issued to. */
            userName?: string;
            /** @description When the token was issued, as an HTTP date. */
            ".issued"?: string;
            /** @description When the access token expires, as an HTTP date. */
            ".expires"?: string;
        };
    };
    responses: {
        /** @description Any other error. The vendor declares every error this way; the body still has a message. */
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
        /** @description The request was malformed: a parameter had the wrong type or was out of range. */
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
        /** @description No valid bearer token was sent, or it has expired. */
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
        /** @description The token is valid but its account may not see or change this resource. */
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
        /** @description Too many requests; wait as long as `Retry-After` says before trying again. */
        TooManyRequests: {
            headers: {
                /**
                 * @description Seconds to wait, or the HTTP date after which to try again.
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
        /** @description The server failed while handling the request. */
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
        /** @description No resource has that id. */
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
         * @description Only sessions that started after this moment (UTC, ISO 8601).
         * @example 2022-03-12T15:55:20.8557416Z
         */
        startTimeFrom: string;
        /**
         * @description Only sessions that started before this moment (UTC, ISO 8601).
         * @example 2022-04-12T16:55:20.8557416Z
         */
        startTimeTo: string;
        /** @description How many items to skip before the page starts. */
        offset: number;
        /** @description The most items to return in the page. */
        limit: number;
        /**
         * @description Identifier of the restore session.
         * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
         */
        restoreSessionId: string;
        /**
         * @description Identifier of the event within the restore session.
         * @example 5a4b4c54-0a7e-4a4b-9c39-1c1e5f0d9a11
         */
        eventId: string;
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
                 * @description Only sessions that started after this moment (UTC, ISO 8601).
                 * @example 2022-03-12T15:55:20.8557416Z
                 */
                startTimeFrom?: components["parameters"]["startTimeFrom"];
                /**
                 * @description Only sessions that started before this moment (UTC, ISO 8601).
                 * @example 2022-04-12T16:55:20.8557416Z
                 */
                startTimeTo?: components["parameters"]["startTimeTo"];
                /** @description How many items to skip before the page starts. */
                offset?: components["parameters"]["offset"];
                /** @description The most items to return in the page. */
                limit?: components["parameters"]["limit"];
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
                 * @description Identifier of the restore session.
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
                 * @description Identifier of the restore session.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session was asked to stop. The body is empty. */
            200: {
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
                /** @description How many items to skip before the page starts. */
                offset?: components["parameters"]["offset"];
                /** @description The most items to return in the page. */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path: {
                /**
                 * @description Identifier of the restore session.
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
                 * @description Identifier of the restore session.
                 * @example b7f43a7f-3508-4d04-8ec2-ece6944e916b
                 */
                restoreSessionId: components["parameters"]["restoreSessionId"];
                /**
                 * @description Identifier of the event within the restore session.
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
                 * @description Identifier of the restore session.
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
    Token_Create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
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
}
