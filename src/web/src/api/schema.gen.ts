/**
 * Generated from the server's OpenAPI document by `npm run gen:api-types`
 * (scripts/api-types.ts, openapi-typescript). Do not edit: change the route
 * schemas in src/modules and regenerate. test/api-types.test.ts fails when
 * this file is stale.
 */

export interface paths {
    "/api/ai-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workspace's keys, with this month's usage */
        get: {
            parameters: {
                query: {
                    is_active?: boolean;
                    /** @description See GET /api/ai-keys/providers */
                    provider?: "openai" | "anthropic" | "gemini" | "mistral" | "cohere" | "groq" | "azure_openai" | "openrouter" | "custom";
                    workspace_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                cost_limit: number | null;
                                /** @description USD this calendar month (UTC) */
                                cost_this_month: number;
                                /** Format: date-time */
                                created_at: string;
                                created_by: string | null;
                                deployment_name: string | null;
                                endpoint_url: string | null;
                                id: string;
                                is_active: boolean;
                                is_default: boolean;
                                key_name: string;
                                key_preview: string | null;
                                /** Format: date-time */
                                last_rotated_at: string;
                                last_test_status: string | null;
                                last_tested_at: string | null;
                                last_used: string | null;
                                model_preferences: {
                                    [key: string]: string;
                                };
                                previous_key_expires_at: string | null;
                                previous_key_preview: string | null;
                                /**
                                 * @description See GET /api/ai-keys/providers
                                 * @enum {unknown}
                                 */
                                provider: "openai" | "anthropic" | "gemini" | "mistral" | "cohere" | "groq" | "azure_openai" | "openrouter" | "custom";
                                provider_name: string;
                                rate_limit_rpm: number | null;
                                rate_limit_tpm: number | null;
                                rotate_after_days: number | null;
                                rotation_due_at: string | null;
                                /** Format: date-time */
                                updated_at: string;
                                usage_limit: number | null;
                                /** @description Requests this calendar month (UTC) */
                                usage_this_month: number;
                                workspace_id: string;
                            }[];
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Store a provider key (admin); the key is never returned, only its last 4 characters */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The provider key; write-only, never returned (printable characters, no spaces) */
                        api_key?: string;
                        /** @description USD per calendar month (UTC) */
                        cost_limit?: number | null;
                        /** @description Azure OpenAI deployment */
                        deployment_name?: string | null;
                        /** @description Base URL (required for azure_openai and custom); passes the outbound SSRF guard */
                        endpoint_url?: string | null;
                        /** @default true */
                        is_active?: boolean;
                        /** @description Default: true for the first key of its provider in the workspace */
                        is_default?: boolean;
                        key_name: string;
                        /** @description Free-form model choices, e.g. {"default": "gpt-4o-mini"} */
                        model_preferences?: {
                            [key: string]: string;
                        } | null;
                        /**
                         * @description See GET /api/ai-keys/providers
                         * @enum {unknown}
                         */
                        provider: "openai" | "anthropic" | "gemini" | "mistral" | "cohere" | "groq" | "azure_openai" | "openrouter" | "custom";
                        /** @description Requests per minute */
                        rate_limit_rpm?: number | null;
                        /** @description Tokens per minute */
                        rate_limit_tpm?: number | null;
                        /** @description Raise ai_key.rotation_due this many days after the last rotation */
                        rotate_after_days?: number | null;
                        /** @description Requests per calendar month (UTC) */
                        usage_limit?: number | null;
                        workspace_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cost_limit: number | null;
                            /** @description USD this calendar month (UTC) */
                            cost_this_month: number;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            deployment_name: string | null;
                            endpoint_url: string | null;
                            id: string;
                            is_active: boolean;
                            is_default: boolean;
                            key_name: string;
                            key_preview: string | null;
                            /** Format: date-time */
                            last_rotated_at: string;
                            last_test_status: string | null;
                            last_tested_at: string | null;
                            last_used: string | null;
                            model_preferences: {
                                [key: string]: string;
                            };
                            previous_key_expires_at: string | null;
                            previous_key_preview: string | null;
                            /**
                             * @description See GET /api/ai-keys/providers
                             * @enum {unknown}
                             */
                            provider: "openai" | "anthropic" | "gemini" | "mistral" | "cohere" | "groq" | "azure_openai" | "openrouter" | "custom";
                            provider_name: string;
                            rate_limit_rpm: number | null;
                            rate_limit_tpm: number | null;
                            rotate_after_days: number | null;
                            rotation_due_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            usage_limit: number | null;
                            /** @description Requests this calendar month (UTC) */
                            usage_this_month: number;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ai-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One key (never the key itself) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cost_limit: number | null;
                            /** @description USD this calendar month (UTC) */
                            cost_this_month: number;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            deployment_name: string | null;
                            endpoint_url: string | null;
                            id: string;
                            is_active: boolean;
                            is_default: boolean;
                            key_name: string;
                            key_preview: string | null;
                            /** Format: date-time */
                            last_rotated_at: string;
                            last_test_status: string | null;
                            last_tested_at: string | null;
                            last_used: string | null;
                            model_preferences: {
                                [key: string]: string;
                            };
                            previous_key_expires_at: string | null;
                            previous_key_preview: string | null;
                            /**
                             * @description See GET /api/ai-keys/providers
                             * @enum {unknown}
                             */
                            provider: "openai" | "anthropic" | "gemini" | "mistral" | "cohere" | "groq" | "azure_openai" | "openrouter" | "custom";
                            provider_name: string;
                            rate_limit_rpm: number | null;
                            rate_limit_tpm: number | null;
                            rotate_after_days: number | null;
                            rotation_due_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            usage_limit: number | null;
                            /** @description Requests this calendar month (UTC) */
                            usage_this_month: number;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a key (admin or admin grant); its usage history stays */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a key’s name, endpoint, limits, default or active flag (admin or write grant); a new api_key is a rotation without grace */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The provider key; write-only, never returned (printable characters, no spaces) */
                        api_key?: string;
                        /** @description USD per calendar month (UTC) */
                        cost_limit?: number | null;
                        /** @description Azure OpenAI deployment */
                        deployment_name?: string | null;
                        /** @description Base URL (required for azure_openai and custom); passes the outbound SSRF guard */
                        endpoint_url?: string | null;
                        is_active?: boolean;
                        is_default?: boolean;
                        key_name?: string;
                        /** @description Free-form model choices, e.g. {"default": "gpt-4o-mini"} */
                        model_preferences?: {
                            [key: string]: string;
                        } | null;
                        /** @description Requests per minute */
                        rate_limit_rpm?: number | null;
                        /** @description Tokens per minute */
                        rate_limit_tpm?: number | null;
                        /** @description Raise ai_key.rotation_due this many days after the last rotation */
                        rotate_after_days?: number | null;
                        /** @description Requests per calendar month (UTC) */
                        usage_limit?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cost_limit: number | null;
                            /** @description USD this calendar month (UTC) */
                            cost_this_month: number;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            deployment_name: string | null;
                            endpoint_url: string | null;
                            id: string;
                            is_active: boolean;
                            is_default: boolean;
                            key_name: string;
                            key_preview: string | null;
                            /** Format: date-time */
                            last_rotated_at: string;
                            last_test_status: string | null;
                            last_tested_at: string | null;
                            last_used: string | null;
                            model_preferences: {
                                [key: string]: string;
                            };
                            previous_key_expires_at: string | null;
                            previous_key_preview: string | null;
                            /**
                             * @description See GET /api/ai-keys/providers
                             * @enum {unknown}
                             */
                            provider: "openai" | "anthropic" | "gemini" | "mistral" | "cohere" | "groq" | "azure_openai" | "openrouter" | "custom";
                            provider_name: string;
                            rate_limit_rpm: number | null;
                            rate_limit_tpm: number | null;
                            rotate_after_days: number | null;
                            rotation_due_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            usage_limit: number | null;
                            /** @description Requests this calendar month (UTC) */
                            usage_this_month: number;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/ai-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the key: the new one serves new requests at once; id, limits and usage history stay */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The provider key; write-only, never returned (printable characters, no spaces) */
                        api_key: string;
                        /**
                         * @description How long the replaced key stays usable as a fallback (at most 7 days)
                         * @default 0
                         */
                        grace_period_seconds?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cost_limit: number | null;
                            /** @description USD this calendar month (UTC) */
                            cost_this_month: number;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            deployment_name: string | null;
                            endpoint_url: string | null;
                            id: string;
                            is_active: boolean;
                            is_default: boolean;
                            key_name: string;
                            key_preview: string | null;
                            /** Format: date-time */
                            last_rotated_at: string;
                            last_test_status: string | null;
                            last_tested_at: string | null;
                            last_used: string | null;
                            model_preferences: {
                                [key: string]: string;
                            };
                            previous_key_expires_at: string | null;
                            previous_key_preview: string | null;
                            /**
                             * @description See GET /api/ai-keys/providers
                             * @enum {unknown}
                             */
                            provider: "openai" | "anthropic" | "gemini" | "mistral" | "cohere" | "groq" | "azure_openai" | "openrouter" | "custom";
                            provider_name: string;
                            rate_limit_rpm: number | null;
                            rate_limit_tpm: number | null;
                            rotate_after_days: number | null;
                            rotation_due_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            usage_limit: number | null;
                            /** @description Requests this calendar month (UTC) */
                            usage_this_month: number;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ai-keys/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a minimal real call to the provider with the key (lists models)
         * @description ok | invalid_key (401/403) | rate_limited (429) | unreachable (no HTTP answer) | provider_error (anything else). Limited to a few tests per key per minute.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            http_status: number | null;
                            latency_ms: number;
                            message: string;
                            ok: boolean;
                            /** @description ok | invalid_key | rate_limited | unreachable | provider_error */
                            status: "ok" | "invalid_key" | "rate_limited" | "unreachable" | "provider_error";
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ai-keys/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage of an AI key: totals, this month, a daily series and a breakdown by model */
        get: {
            parameters: {
                query?: {
                    /** @description Window of the daily series and the model breakdown */
                    days?: number;
                };
                header?: never;
                path: {
                    /** @description AI key id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Over the same window as daily */
                            by_model: {
                                average_latency_ms: number | null;
                                /** @description Integer micro-dollars */
                                cost_micros: number;
                                cost_usd: number;
                                /** @description Requests answered with a status >= 400 */
                                errors: number;
                                input_tokens: number;
                                model: string;
                                /** @description Reasoning tokens included */
                                output_tokens: number;
                                /** @description false: the catalog has no price for this model (cost 0) */
                                priced: boolean;
                                provider: string;
                                /** @description The part of output_tokens the model spent reasoning (thinking) */
                                reasoning_tokens: number;
                                requests: number;
                            }[];
                            /** @enum {string} */
                            currency: "USD";
                            /** @description One entry per day of the window, oldest first, zero-filled */
                            daily: {
                                average_latency_ms: number | null;
                                /** @description Integer micro-dollars */
                                cost_micros: number;
                                cost_usd: number;
                                /** @description YYYY-MM-DD (UTC) */
                                date: string;
                                /** @description Requests answered with a status >= 400 */
                                errors: number;
                                input_tokens: number;
                                /** @description Reasoning tokens included */
                                output_tokens: number;
                                /** @description The part of output_tokens the model spent reasoning (thinking) */
                                reasoning_tokens: number;
                                requests: number;
                            }[];
                            days: number;
                            key_id: string;
                            this_month: {
                                average_latency_ms: number | null;
                                /** @description Integer micro-dollars */
                                cost_micros: number;
                                cost_usd: number;
                                /** @description Requests answered with a status >= 400 */
                                errors: number;
                                input_tokens: number;
                                /** @description Reasoning tokens included */
                                output_tokens: number;
                                /** @description YYYY-MM (UTC) */
                                period: string;
                                /** @description The part of output_tokens the model spent reasoning (thinking) */
                                reasoning_tokens: number;
                                requests: number;
                            };
                            /** @description Since the key was created */
                            totals: {
                                average_latency_ms: number | null;
                                /** @description Integer micro-dollars */
                                cost_micros: number;
                                cost_usd: number;
                                /** @description Requests answered with a status >= 400 */
                                errors: number;
                                input_tokens: number;
                                /** @description Reasoning tokens included */
                                output_tokens: number;
                                /** @description The part of output_tokens the model spent reasoning (thinking) */
                                reasoning_tokens: number;
                                requests: number;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ai-keys/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Supported providers, what their keys look like, and model prices */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                default_base_url: string | null;
                                docs_url: string;
                                /**
                                 * @description See GET /api/ai-keys/providers
                                 * @enum {unknown}
                                 */
                                id: "openai" | "anthropic" | "gemini" | "mistral" | "cohere" | "groq" | "azure_openai" | "openrouter" | "custom";
                                key_format: string;
                                key_pattern: string | null;
                                models: {
                                    /** @description USD per 1M cached input tokens read (absent: billed as input) */
                                    cache_read_per_mtok?: number;
                                    /** @description USD per 1M input tokens written to the prompt cache (absent: billed as input) */
                                    cache_write_per_mtok?: number;
                                    id: string;
                                    /** @description USD per 1M input tokens */
                                    input_per_mtok: number;
                                    /** @description USD per 1M output tokens */
                                    output_per_mtok: number;
                                }[];
                                name: string;
                                needs_deployment_name: boolean;
                                needs_endpoint_url: boolean;
                            }[];
                            /** @description When the prices were last compared with the providers’ price lists */
                            prices_checked_at: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ai-routes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workspace's routes */
        get: {
            parameters: {
                query: {
                    workspace_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                backoff_ms: number;
                                breaker_cooldown_seconds: number;
                                breaker_failures: number;
                                /** Format: date-time */
                                created_at: string;
                                created_by: string | null;
                                id: string;
                                max_retries: number;
                                name: string;
                                /** @description fallback: targets in order; weighted: one target picked by weight, the others (in order) as fallbacks */
                                strategy: "fallback" | "weighted";
                                targets: {
                                    key_id: string;
                                    model: string;
                                    weight: number;
                                }[];
                                /** Format: date-time */
                                updated_at: string;
                                workspace_id: string;
                            }[];
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Define a route: a model name (e.g. `smart`) served by AI key targets with retries and fallbacks (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description First wait between two tries of a target, doubled each time (default 200); a Retry-After up to 10 s wins */
                        backoff_ms?: number;
                        /** @description Seconds a tripped key is skipped before one trial request (default 30) */
                        breaker_cooldown_seconds?: number;
                        /** @description Consecutive retryable failures of a key before it is skipped (default 5) */
                        breaker_failures?: number;
                        /** @description Retries of one target on 429, 5xx, timeout or connection error before the next target (default 1) */
                        max_retries?: number;
                        /** @description Used as `model` in /v1 requests (e.g. `smart`); unique in the workspace; no `/` */
                        name: string;
                        /** @description fallback: targets in order; weighted: one target picked by weight, the others (in order) as fallbacks */
                        strategy?: "fallback" | "weighted";
                        targets: {
                            /** @description An AI key of the same workspace */
                            key_id: string;
                            /** @description The provider's model name (or an alias of the key's model_preferences) */
                            model: string;
                            /**
                             * @description weighted: relative share of first picks (0: fallback only)
                             * @default 1
                             */
                            weight?: number;
                        }[];
                        workspace_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            backoff_ms: number;
                            breaker_cooldown_seconds: number;
                            breaker_failures: number;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            id: string;
                            max_retries: number;
                            name: string;
                            /** @description fallback: targets in order; weighted: one target picked by weight, the others (in order) as fallbacks */
                            strategy: "fallback" | "weighted";
                            targets: {
                                key_id: string;
                                model: string;
                                weight: number;
                            }[];
                            /** Format: date-time */
                            updated_at: string;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ai-routes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One route */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            backoff_ms: number;
                            breaker_cooldown_seconds: number;
                            breaker_failures: number;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            id: string;
                            max_retries: number;
                            name: string;
                            /** @description fallback: targets in order; weighted: one target picked by weight, the others (in order) as fallbacks */
                            strategy: "fallback" | "weighted";
                            targets: {
                                key_id: string;
                                model: string;
                                weight: number;
                            }[];
                            /** Format: date-time */
                            updated_at: string;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a route (admin); its usage history stays */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a route's name, strategy, targets, retry or circuit-breaker settings (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description First wait between two tries of a target, doubled each time (default 200); a Retry-After up to 10 s wins */
                        backoff_ms?: number;
                        /** @description Seconds a tripped key is skipped before one trial request (default 30) */
                        breaker_cooldown_seconds?: number;
                        /** @description Consecutive retryable failures of a key before it is skipped (default 5) */
                        breaker_failures?: number;
                        /** @description Retries of one target on 429, 5xx, timeout or connection error before the next target (default 1) */
                        max_retries?: number;
                        /** @description Used as `model` in /v1 requests (e.g. `smart`); unique in the workspace; no `/` */
                        name?: string;
                        /** @description fallback: targets in order; weighted: one target picked by weight, the others (in order) as fallbacks */
                        strategy?: "fallback" | "weighted";
                        targets?: {
                            /** @description An AI key of the same workspace */
                            key_id: string;
                            /** @description The provider's model name (or an alias of the key's model_preferences) */
                            model: string;
                            /**
                             * @description weighted: relative share of first picks (0: fallback only)
                             * @default 1
                             */
                            weight?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            backoff_ms: number;
                            breaker_cooldown_seconds: number;
                            breaker_failures: number;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            id: string;
                            max_retries: number;
                            name: string;
                            /** @description fallback: targets in order; weighted: one target picked by weight, the others (in order) as fallbacks */
                            strategy: "fallback" | "weighted";
                            targets: {
                                key_id: string;
                                model: string;
                                weight: number;
                            }[];
                            /** Format: date-time */
                            updated_at: string;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Session token for `Authorization: Bearer`; also set as an HttpOnly cookie */
                            token: string;
                            user: {
                                /** Format: date-time */
                                created_at: string;
                                email: string;
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** Format: date-time */
                                created_at: string;
                                email: string;
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        /** @description At least 8 characters */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Session token for `Authorization: Bearer`; also set as an HttpOnly cookie */
                            token: string;
                            user: {
                                /** Format: date-time */
                                created_at: string;
                                email: string;
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish an application event (custom.*) to the workspace's subscribed endpoints */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A repeated key with the same event answers the first result instead of publishing again */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description custom.<name>, e.g. custom.order.paid */
                        event_type: string;
                        /** @description The event data receivers get */
                        payload: {
                            [key: string]: unknown;
                        };
                        workspace_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** @description Endpoints the event was queued for */
                            deliveries: number;
                            event_type: string;
                            id: string;
                            idempotency_key: string | null;
                            /** @description true when this answers a repeated Idempotency-Key */
                            replayed: boolean;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** @description Endpoints the event was queued for */
                            deliveries: number;
                            event_type: string;
                            id: string;
                            idempotency_key: string | null;
                            /** @description true when this answers a repeated Idempotency-Key */
                            replayed: boolean;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries of one event, to every endpoint */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    event_type?: string;
                    limit?: number;
                    status?: "pending" | "in_flight" | "succeeded" | "failed";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attempt_count: number;
                                completed_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                event_id: string;
                                event_type: string;
                                id: string;
                                last_attempt_at: string | null;
                                last_error_class: string | null;
                                last_status_code: number | null;
                                next_attempt_at: string | null;
                                /** @enum {unknown} */
                                status: "pending" | "in_flight" | "succeeded" | "failed";
                                webhook_id: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish 1 to 100 application events in one request, all or none, each with its own optional idempotency key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1 to 100 events, published all together or not at all */
                        events: {
                            /** @description custom.<name>, e.g. custom.order.paid */
                            event_type: string;
                            /** @description This event's Idempotency-Key: a repeated key with the same event (in this batch or an earlier request) answers the first result */
                            idempotency_key?: string;
                            /** @description The event data receivers get */
                            payload: {
                                [key: string]: unknown;
                            };
                        }[];
                        workspace_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description One result per event, in the order sent */
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                /** @description Endpoints the event was queued for */
                                deliveries: number;
                                event_type: string;
                                id: string;
                                idempotency_key: string | null;
                                /** @description true when this answers a repeated Idempotency-Key */
                                replayed: boolean;
                                workspace_id: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description One result per event, in the order sent */
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                /** @description Endpoints the event was queued for */
                                deliveries: number;
                                event_type: string;
                                id: string;
                                idempotency_key: string | null;
                                /** @description true when this answers a repeated Idempotency-Key */
                                replayed: boolean;
                                workspace_id: string;
                            }[];
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process and its webhook claim loop are not stuck */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Every error has this shape */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invitation is for (no sign-in needed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string;
                            /** Format: date-time */
                            expires_at: string;
                            invited_by_name: string | null;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            status: "pending" | "accepted" | "revoked" | "expired";
                            workspace: {
                                id: string;
                                name: string;
                                slug: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation as the signed-in user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string | null;
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            slug: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers and the in-process webhook worker works */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description Every error has this shape */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My API tokens (prefix only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                expires_at: string | null;
                                id: string;
                                last_used_at: string | null;
                                name: string;
                                scopes: string[];
                                /** @description First characters of the token, to recognise it */
                                token_prefix: string;
                                workspace_id: string;
                            }[];
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token for one workspace (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        expires_in_days?: number;
                        name: string;
                        scopes: ("workspaces:read" | "workspaces:write" | "members:read" | "members:write" | "activity:read" | "webhooks:read" | "webhooks:write" | "events:write" | "ai_keys:read" | "ai_keys:write" | "ai:use")[];
                        workspace_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            expires_at: string | null;
                            id: string;
                            last_used_at: string | null;
                            name: string;
                            scopes: string[];
                            /** @description First characters of the token, to recognise it */
                            token_prefix: string;
                            workspace_id: string;
                        } & {
                            /** @description Shown once; store it now */
                            token: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workspace's endpoints, newest first */
        get: {
            parameters: {
                query: {
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    is_active?: boolean;
                    limit?: number;
                    workspace_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                created_by: string | null;
                                description: string | null;
                                disabled_at: string | null;
                                disabled_message: string | null;
                                disabled_reason: ("manual" | "gone" | "failing") | null;
                                event_types: string[];
                                failing_since: string | null;
                                /** @description Failed attempts since the last success */
                                failure_count: number;
                                /** @description Values of credential-like headers are shown as [redacted] */
                                headers: {
                                    [key: string]: string;
                                };
                                id: string;
                                is_active: boolean;
                                last_failure_at: string | null;
                                last_success_at: string | null;
                                /** Format: date-time */
                                updated_at: string;
                                url: string;
                                workspace_id: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register an endpoint (admin); the signing secret is shown only in this answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @description Event types or category wildcards ("member.*"); empty = every event */
                        event_types?: string[];
                        /** @description Extra request headers sent with every delivery */
                        headers?: {
                            [key: string]: string;
                        };
                        is_active?: boolean;
                        /** @description http(s) URL of the receiver; private addresses are refused unless allow-listed by the operator */
                        url: string;
                        workspace_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            description: string | null;
                            disabled_at: string | null;
                            disabled_message: string | null;
                            disabled_reason: ("manual" | "gone" | "failing") | null;
                            event_types: string[];
                            failing_since: string | null;
                            /** @description Failed attempts since the last success */
                            failure_count: number;
                            /** @description Values of credential-like headers are shown as [redacted] */
                            headers: {
                                [key: string]: string;
                            };
                            id: string;
                            is_active: boolean;
                            last_failure_at: string | null;
                            last_success_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            url: string;
                            workspace_id: string;
                        } & {
                            /** @description Signing secret (whsec_…); shown only now */
                            secret: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            description: string | null;
                            disabled_at: string | null;
                            disabled_message: string | null;
                            disabled_reason: ("manual" | "gone" | "failing") | null;
                            event_types: string[];
                            failing_since: string | null;
                            /** @description Failed attempts since the last success */
                            failure_count: number;
                            /** @description Values of credential-like headers are shown as [redacted] */
                            headers: {
                                [key: string]: string;
                            };
                            id: string;
                            is_active: boolean;
                            last_failure_at: string | null;
                            last_success_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            url: string;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an endpoint and its delivery history (admin or admin grant) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an endpoint (admin or write grant) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        /** @description Event types or category wildcards ("member.*"); empty = every event */
                        event_types?: string[];
                        headers?: {
                            [key: string]: string;
                        } | null;
                        is_active?: boolean;
                        /** @description http(s) URL of the receiver; private addresses are refused unless allow-listed by the operator */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            description: string | null;
                            disabled_at: string | null;
                            disabled_message: string | null;
                            disabled_reason: ("manual" | "gone" | "failing") | null;
                            event_types: string[];
                            failing_since: string | null;
                            /** @description Failed attempts since the last success */
                            failure_count: number;
                            /** @description Values of credential-like headers are shown as [redacted] */
                            headers: {
                                [key: string]: string;
                            };
                            id: string;
                            is_active: boolean;
                            last_failure_at: string | null;
                            last_success_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            url: string;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An endpoint's deliveries, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    event_type?: string;
                    limit?: number;
                    status?: "pending" | "in_flight" | "succeeded" | "failed";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attempt_count: number;
                                completed_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                event_id: string;
                                event_type: string;
                                id: string;
                                last_attempt_at: string | null;
                                last_error_class: string | null;
                                last_status_code: number | null;
                                next_attempt_at: string | null;
                                /** @enum {unknown} */
                                status: "pending" | "in_flight" | "succeeded" | "failed";
                                webhook_id: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery with all its attempts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deliveryId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempt_count: number;
                            completed_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            event_id: string;
                            event_type: string;
                            id: string;
                            last_attempt_at: string | null;
                            last_error_class: string | null;
                            last_status_code: number | null;
                            next_attempt_at: string | null;
                            /** @enum {unknown} */
                            status: "pending" | "in_flight" | "succeeded" | "failed";
                            webhook_id: string;
                        } & {
                            attempts: {
                                attempt_number: number;
                                /** Format: date-time */
                                created_at: string;
                                delivery_id: string;
                                duration_ms: number;
                                error_class: string | null;
                                error_message: string | null;
                                event_id: string;
                                event_type: string;
                                id: string;
                                next_attempt_at: string | null;
                                request_headers: {
                                    [key: string]: string;
                                };
                                response_body: string | null;
                                status_code: number | null;
                                succeeded: boolean;
                                trigger: string;
                                url: string;
                                webhook_id: string;
                            }[];
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a finished delivery again now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deliveryId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempt_count: number;
                            completed_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            event_id: string;
                            event_type: string;
                            id: string;
                            last_attempt_at: string | null;
                            last_error_class: string | null;
                            last_status_code: number | null;
                            next_attempt_at: string | null;
                            /** @enum {unknown} */
                            status: "pending" | "in_flight" | "succeeded" | "failed";
                            webhook_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable an endpoint; its queued deliveries fail (recover re-queues them) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            description: string | null;
                            disabled_at: string | null;
                            disabled_message: string | null;
                            disabled_reason: ("manual" | "gone" | "failing") | null;
                            event_types: string[];
                            failing_since: string | null;
                            /** @description Failed attempts since the last success */
                            failure_count: number;
                            /** @description Values of credential-like headers are shown as [redacted] */
                            headers: {
                                [key: string]: string;
                            };
                            id: string;
                            is_active: boolean;
                            last_failure_at: string | null;
                            last_success_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            url: string;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable an endpoint */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            description: string | null;
                            disabled_at: string | null;
                            disabled_message: string | null;
                            disabled_reason: ("manual" | "gone" | "failing") | null;
                            event_types: string[];
                            failing_since: string | null;
                            /** @description Failed attempts since the last success */
                            failure_count: number;
                            /** @description Values of credential-like headers are shown as [redacted] */
                            headers: {
                                [key: string]: string;
                            };
                            id: string;
                            is_active: boolean;
                            last_failure_at: string | null;
                            last_success_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            url: string;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery attempts, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    event_type?: string;
                    limit?: number;
                    since?: string;
                    status?: "succeeded" | "failed";
                    until?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attempt_number: number;
                                /** Format: date-time */
                                created_at: string;
                                delivery_id: string;
                                duration_ms: number;
                                error_class: string | null;
                                error_message: string | null;
                                event_id: string;
                                event_type: string;
                                id: string;
                                next_attempt_at: string | null;
                                request_headers: {
                                    [key: string]: string;
                                };
                                response_body: string | null;
                                status_code: number | null;
                                succeeded: boolean;
                                trigger: string;
                                url: string;
                                webhook_id: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-queue every failed delivery created since a time */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        since: string;
                        /** Format: date-time */
                        until?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requeued: number;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** New signing secret; the previous one keeps signing during the grace period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description How long the previous secret keeps signing (default 24 h) */
                        grace_period_seconds?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            previous_secret_expires_at: string;
                            /** @description The new signing secret; shown only now */
                            secret: string;
                            version: number;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signed webhook.test event now and report the outcome */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Extra data to include in the test event */
                        data?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempt_id: string;
                            delivered: boolean;
                            delivery_id: string;
                            error_class: string | null;
                            error_message: string | null;
                            /** @enum {string} */
                            event: "webhook.test";
                            event_id: string;
                            response_time_ms: number;
                            status_code: number | null;
                            /** Format: date-time */
                            timestamp: string;
                            webhook_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Event types endpoints can subscribe to, with an example payload each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                description: string;
                                example: {
                                    [key: string]: unknown;
                                };
                                type: string;
                            }[];
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/events/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Event type catalog (alias of /api/webhooks/event-types)
         * @deprecated
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                description: string;
                                example: {
                                    [key: string]: unknown;
                                };
                                type: string;
                            }[];
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workspaces I am a member of */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                description: string | null;
                                id: string;
                                name: string;
                                /** @enum {unknown} */
                                role: "owner" | "admin" | "developer" | "viewer";
                                slug: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a workspace; the caller becomes its owner */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name: string;
                        /** @description lower-case letters, digits and dashes */
                        slug?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string | null;
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            slug: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string | null;
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            slug: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a workspace and everything in it (owner) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename or describe a workspace (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        name?: string;
                        /** @description lower-case letters, digits and dashes */
                        slug?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string | null;
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            slug: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first, with cursor pagination and filters */
        get: {
            parameters: {
                query: {
                    /** @description exact action, or a prefix such as `member.*` */
                    action?: string;
                    actor_id?: string;
                    cursor?: string;
                    limit: number;
                    resource_id?: string;
                    resource_type?: string;
                    since?: string;
                    until?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                actor: {
                                    id: string | null;
                                    name: string | null;
                                    type: string;
                                };
                                /** Format: date-time */
                                created_at: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                ip: string | null;
                                request_id: string | null;
                                resource: {
                                    id: string | null;
                                    name: string | null;
                                    type: string;
                                };
                                user_agent: string | null;
                                workspace_id: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/ai-limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gateway limits set in a workspace (workspace, members, tokens) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                allowed_models: string[] | null;
                                allowed_providers: string[] | null;
                                cost_limit: number | null;
                                /** @enum {unknown} */
                                level: "workspace" | "member" | "token";
                                rate_limit_rpm: number | null;
                                rate_limit_tpm: number | null;
                                /** @description The workspace id, the member’s user id or the token id */
                                subject_id: string;
                                updated_at: string | null;
                                usage_limit: number | null;
                            }[];
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/ai-limits/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gateway limits of the member (nulls when none are set) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    id: string;
                    /** @description The member’s user id */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed_models: string[] | null;
                            allowed_providers: string[] | null;
                            cost_limit: number | null;
                            /** @enum {unknown} */
                            level: "workspace" | "member" | "token";
                            rate_limit_rpm: number | null;
                            rate_limit_tpm: number | null;
                            /** @description The workspace id, the member’s user id or the token id */
                            subject_id: string;
                            updated_at: string | null;
                            usage_limit: number | null;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        /** Set the gateway limits of the member (admin): rpm, tpm, monthly request and cost caps, allowed models/providers */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    id: string;
                    /** @description The member’s user id */
                    userId: string;
                };
                cookie?: never;
            };
            /** @description Replaces the limits (an absent field is no limit) */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Models this consumer may use, as `gpt-4o-mini` or `openai/gpt-4o-mini`; null = any */
                        allowed_models?: string[] | null;
                        /** @description null = any */
                        allowed_providers?: ("openai" | "anthropic" | "gemini" | "mistral" | "cohere" | "groq" | "azure_openai" | "openrouter" | "custom")[] | null;
                        /** @description USD per calendar month (UTC) */
                        cost_limit?: number | null;
                        /** @description Requests per minute */
                        rate_limit_rpm?: number | null;
                        /** @description Tokens per minute */
                        rate_limit_tpm?: number | null;
                        /** @description Requests per calendar month (UTC) */
                        usage_limit?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed_models: string[] | null;
                            allowed_providers: string[] | null;
                            cost_limit: number | null;
                            /** @enum {unknown} */
                            level: "workspace" | "member" | "token";
                            rate_limit_rpm: number | null;
                            rate_limit_tpm: number | null;
                            /** @description The workspace id, the member’s user id or the token id */
                            subject_id: string;
                            updated_at: string | null;
                            usage_limit: number | null;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Clear the gateway limits of the member (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    id: string;
                    /** @description The member’s user id */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/ai-limits/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gateway limits of the token (nulls when none are set) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    id: string;
                    /** @description API token id */
                    tokenId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed_models: string[] | null;
                            allowed_providers: string[] | null;
                            cost_limit: number | null;
                            /** @enum {unknown} */
                            level: "workspace" | "member" | "token";
                            rate_limit_rpm: number | null;
                            rate_limit_tpm: number | null;
                            /** @description The workspace id, the member’s user id or the token id */
                            subject_id: string;
                            updated_at: string | null;
                            usage_limit: number | null;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        /** Set the gateway limits of the token (admin): rpm, tpm, monthly request and cost caps, allowed models/providers */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    id: string;
                    /** @description API token id */
                    tokenId: string;
                };
                cookie?: never;
            };
            /** @description Replaces the limits (an absent field is no limit) */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Models this consumer may use, as `gpt-4o-mini` or `openai/gpt-4o-mini`; null = any */
                        allowed_models?: string[] | null;
                        /** @description null = any */
                        allowed_providers?: ("openai" | "anthropic" | "gemini" | "mistral" | "cohere" | "groq" | "azure_openai" | "openrouter" | "custom")[] | null;
                        /** @description USD per calendar month (UTC) */
                        cost_limit?: number | null;
                        /** @description Requests per minute */
                        rate_limit_rpm?: number | null;
                        /** @description Tokens per minute */
                        rate_limit_tpm?: number | null;
                        /** @description Requests per calendar month (UTC) */
                        usage_limit?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed_models: string[] | null;
                            allowed_providers: string[] | null;
                            cost_limit: number | null;
                            /** @enum {unknown} */
                            level: "workspace" | "member" | "token";
                            rate_limit_rpm: number | null;
                            rate_limit_tpm: number | null;
                            /** @description The workspace id, the member’s user id or the token id */
                            subject_id: string;
                            updated_at: string | null;
                            usage_limit: number | null;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Clear the gateway limits of the token (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    id: string;
                    /** @description API token id */
                    tokenId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/ai-limits/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gateway limits of the workspace (nulls when none are set) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed_models: string[] | null;
                            allowed_providers: string[] | null;
                            cost_limit: number | null;
                            /** @enum {unknown} */
                            level: "workspace" | "member" | "token";
                            rate_limit_rpm: number | null;
                            rate_limit_tpm: number | null;
                            /** @description The workspace id, the member’s user id or the token id */
                            subject_id: string;
                            updated_at: string | null;
                            usage_limit: number | null;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        /** Set the gateway limits of the workspace (admin): rpm, tpm, monthly request and cost caps, allowed models/providers */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    id: string;
                };
                cookie?: never;
            };
            /** @description Replaces the limits (an absent field is no limit) */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Models this consumer may use, as `gpt-4o-mini` or `openai/gpt-4o-mini`; null = any */
                        allowed_models?: string[] | null;
                        /** @description null = any */
                        allowed_providers?: ("openai" | "anthropic" | "gemini" | "mistral" | "cohere" | "groq" | "azure_openai" | "openrouter" | "custom")[] | null;
                        /** @description USD per calendar month (UTC) */
                        cost_limit?: number | null;
                        /** @description Requests per minute */
                        rate_limit_rpm?: number | null;
                        /** @description Tokens per minute */
                        rate_limit_tpm?: number | null;
                        /** @description Requests per calendar month (UTC) */
                        usage_limit?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed_models: string[] | null;
                            allowed_providers: string[] | null;
                            cost_limit: number | null;
                            /** @enum {unknown} */
                            level: "workspace" | "member" | "token";
                            rate_limit_rpm: number | null;
                            rate_limit_tpm: number | null;
                            /** @description The workspace id, the member’s user id or the token id */
                            subject_id: string;
                            updated_at: string | null;
                            usage_limit: number | null;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Clear the gateway limits of the workspace (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Workspace id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/ai-usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gateway usage of a workspace grouped by token, member, key, model or day, as JSON or CSV
         * @description Admins see every request; other members their own. `format=csv` or `Accept: text/csv` answers text/csv (cells starting with = + - @ are prefixed with ').
         */
        get: {
            parameters: {
                query: {
                    /** @description csv: text/csv (also chosen by Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description YYYY-MM-DD (UTC) */
                    from?: string;
                    group_by: "token" | "member" | "key" | "model" | "day";
                    /** @description Last day included, YYYY-MM-DD (UTC); default today */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description Workspace id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            currency: "USD";
                            data: {
                                cost_micros: number;
                                cost_usd: number;
                                errors: number;
                                /** @description The token id, member user id, key id, provider/model or day */
                                group: string;
                                input_tokens: number;
                                label: string | null;
                                /** @description Reasoning tokens included */
                                output_tokens: number;
                                /** @description The part of output_tokens the model spent reasoning (thinking) */
                                reasoning_tokens: number;
                                requests: number;
                            }[];
                            /** @description YYYY-MM-DD (UTC) */
                            from: string;
                            /** @enum {unknown} */
                            group_by: "token" | "member" | "key" | "model" | "day";
                            /**
                             * @description own: the caller may see their own requests only
                             * @enum {unknown}
                             */
                            scope: "workspace" | "own";
                            /** @description YYYY-MM-DD (UTC) */
                            to: string;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations of a workspace */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "all";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                accepted_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                email: string;
                                /** Format: date-time */
                                expires_at: string;
                                id: string;
                                invited_by: string | null;
                                /** Format: date-time */
                                last_sent_at: string;
                                revoked_at: string | null;
                                /** @enum {unknown} */
                                role: "owner" | "admin" | "developer" | "viewer";
                                send_count: number;
                                status: "pending" | "accepted" | "revoked" | "expired";
                                workspace_id: string;
                            }[];
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Invite someone by e-mail (token shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @enum {unknown} */
                        role: "owner" | "admin" | "developer" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            email: string;
                            /** Format: date-time */
                            expires_at: string;
                            id: string;
                            invited_by: string | null;
                            /** Format: date-time */
                            last_sent_at: string;
                            revoked_at: string | null;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            send_count: number;
                            status: "pending" | "accepted" | "revoked" | "expired";
                            workspace_id: string;
                        } & {
                            /** @description Single-use; shown once */
                            token: string;
                            /** @description Link to the accept page */
                            url: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a pending invitation */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            email: string;
                            /** Format: date-time */
                            expires_at: string;
                            id: string;
                            invited_by: string | null;
                            /** Format: date-time */
                            last_sent_at: string;
                            revoked_at: string | null;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            send_count: number;
                            status: "pending" | "accepted" | "revoked" | "expired";
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/invitations/{invitationId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a fresh link and expiry (the old link stops working) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            email: string;
                            /** Format: date-time */
                            expires_at: string;
                            id: string;
                            invited_by: string | null;
                            /** Format: date-time */
                            last_sent_at: string;
                            revoked_at: string | null;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            send_count: number;
                            status: "pending" | "accepted" | "revoked" | "expired";
                            workspace_id: string;
                        } & {
                            /** @description Single-use; shown once */
                            token: string;
                            /** @description Link to the accept page */
                            url: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Leave a workspace */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members and their roles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                email: string;
                                invited_by: string | null;
                                /** Format: date-time */
                                joined_at: string;
                                name: string;
                                /** @enum {unknown} */
                                role: "owner" | "admin" | "developer" | "viewer";
                                user_id: string;
                            }[];
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's role */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        role: "owner" | "admin" | "developer" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string;
                            invited_by: string | null;
                            /** Format: date-time */
                            joined_at: string;
                            name: string;
                            /** @enum {unknown} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            user_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{id}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-resource grants */
        get: {
            parameters: {
                query?: {
                    resource_id?: string;
                    resource_type?: string;
                    user_id?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                granted_by: string | null;
                                id: string;
                                /** @enum {unknown} */
                                permission: "read" | "write" | "admin";
                                resource_id: string;
                                resource_type: string;
                                /** Format: date-time */
                                updated_at: string;
                                user_id: string;
                                workspace_id: string;
                            }[];
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Grant a member read, write or admin on one resource (replaces an existing grant) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        permission: "read" | "write" | "admin";
                        resource_id: string;
                        resource_type: string;
                        user_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            granted_by: string | null;
                            id: string;
                            /** @enum {unknown} */
                            permission: "read" | "write" | "admin";
                            resource_id: string;
                            resource_type: string;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: string;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            granted_by: string | null;
                            id: string;
                            /** @enum {unknown} */
                            permission: "read" | "write" | "admin";
                            resource_id: string;
                            resource_type: string;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: string;
                            workspace_id: string;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/permissions/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a grant */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grantId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/permissions/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own grant on one resource (any member) */
        get: {
            parameters: {
                query: {
                    resource_id: string;
                    resource_type: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            permission: ("read" | "write" | "admin") | null;
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/transfer-ownership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make another member the owner; you stay on as admin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        user_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                email: string;
                                invited_by: string | null;
                                /** Format: date-time */
                                joined_at: string;
                                name: string;
                                /** @enum {unknown} */
                                role: "owner" | "admin" | "developer" | "viewer";
                                user_id: string;
                            }[];
                        };
                    };
                };
                /** @description Every error has this shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error has this shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /**
                                 * @description Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)
                                 * @enum {string}
                                 */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "destination_not_allowed" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "invitation_email_mismatch" | "not_found" | "route_not_found" | "no_default_key" | "already_member" | "default_conflict" | "duplicate_key" | "delivery_in_progress" | "email_taken" | "endpoint_disabled" | "idempotency_key_reused" | "invitation_already_used" | "invitation_not_pending" | "invitation_pending" | "last_owner" | "same_key" | "route_name_taken" | "slug_taken" | "invitation_revoked" | "invitation_expired" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "rate_limited" | "too_many_login_attempts" | "internal_error" | "secret_unreadable" | "limits_unavailable" | "not_live" | "not_ready" | "worker_unhealthy";
                                details: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chat completion through a workspace AI key (OpenAI-compatible; stream: true answers with SSE) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Use this AI key instead of the default key of the provider named by the model */
                    "x-atrium-key-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description An OpenAI chat completion request (OpenAI's parameters only); atrium translates it for other providers */
            requestBody: {
                content: {
                    "application/json": {
                        audio?: unknown;
                        frequency_penalty?: unknown;
                        function_call?: unknown;
                        functions?: unknown;
                        logit_bias?: unknown;
                        logprobs?: unknown;
                        max_completion_tokens?: unknown;
                        max_tokens?: unknown;
                        messages: ({
                            role: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        metadata?: unknown;
                        modalities?: unknown;
                        /** @description `<provider>/<model>` (e.g. `openai/gpt-4o-mini`), a route of the workspace (e.g. `smart`), or a model of the key named by `x-atrium-key-id` */
                        model: string;
                        n?: unknown;
                        parallel_tool_calls?: unknown;
                        prediction?: unknown;
                        presence_penalty?: unknown;
                        prompt_cache_key?: unknown;
                        reasoning_effort?: unknown;
                        response_format?: unknown;
                        safety_identifier?: unknown;
                        seed?: unknown;
                        service_tier?: unknown;
                        stop?: unknown;
                        store?: unknown;
                        stream?: boolean;
                        stream_options?: unknown;
                        temperature?: unknown;
                        tool_choice?: unknown;
                        tools?: unknown;
                        top_logprobs?: unknown;
                        top_p?: unknown;
                        user?: unknown;
                        verbosity?: unknown;
                        web_search_options?: unknown;
                    };
                };
            };
            responses: {
                /** @description An OpenAI chat.completion, or a text/event-stream of chat.completion.chunk */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description OpenAI error shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/embeddings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Embeddings through a workspace AI key (OpenAI-compatible; Gemini and Cohere translated) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Use this AI key instead of the default key of the provider named by the model */
                    "x-atrium-key-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description An OpenAI embeddings request (OpenAI's parameters only); atrium translates it for Gemini and Cohere */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Output dimensions, for models that support fewer (Gemini `outputDimensionality`, Cohere `output_dimension`) */
                        dimensions?: number | null;
                        /** @description `float` (default) or `base64` (float32 little-endian, as OpenAI encodes it) */
                        encoding_format?: "float" | "base64" | null;
                        /** @description Text to embed: a string, an array of strings, an array of token ids or an array of such arrays (token ids only for OpenAI-compatible providers) */
                        input: string | string[] | number[] | number[][];
                        /** @description `<provider>/<model>` (e.g. `openai/text-embedding-3-small`), or a model of the key named by `x-atrium-key-id` */
                        model: string;
                        user?: string | null;
                    };
                };
            };
            responses: {
                /** @description An OpenAI embeddings response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Floats, or a base64 string of float32 little-endian values with encoding_format: base64 */
                                embedding: number[] | string;
                                index: number;
                                /** @enum {string} */
                                object: "embedding";
                            }[];
                            model: string;
                            /** @enum {string} */
                            object: "list";
                            usage: {
                                prompt_tokens: number;
                                total_tokens: number;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Anthropic Messages API through a workspace AI key: Anthropic keys pass through, other providers are translated (stream: true answers with Anthropic's SSE events) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Sent to Anthropic as given */
                    "anthropic-beta"?: string;
                    /** @description Sent to Anthropic as given (default 2023-06-01) */
                    "anthropic-version"?: string;
                    /** @description Use this AI key instead of the one the model names */
                    "x-atrium-key-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description An Anthropic Messages request (Anthropic's parameters only); atrium translates it for other providers */
            requestBody: {
                content: {
                    "application/json": {
                        billing_policy?: unknown;
                        cache_control?: unknown;
                        compaction?: unknown;
                        container?: unknown;
                        context_management?: unknown;
                        diagnostics?: unknown;
                        fallback_credit_token?: unknown;
                        fallbacks?: unknown;
                        inference_geo?: unknown;
                        max_tokens: number;
                        mcp_servers?: unknown;
                        messages: {
                            content: string | ({
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            role: string;
                        }[];
                        metadata?: {
                            user_id?: string | null;
                        };
                        /** @description A model of the workspace's Anthropic key (`claude-sonnet-4-5`), `anthropic/<model>`, `<provider>/<model>` (translated), or a model of the key named by `x-atrium-key-id` */
                        model: string;
                        output_config?: unknown;
                        output_format?: unknown;
                        service_tier?: string;
                        speed?: unknown;
                        stop_sequences?: string[];
                        stream?: boolean;
                        system?: string | ({
                            type: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        temperature?: number;
                        thinking?: {
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                        thread?: unknown;
                        tool_choice?: {
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                        tools?: ({
                            name: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        top_k?: number;
                        top_p?: number;
                    };
                };
            };
            responses: {
                /** @description An Anthropic Message, or a text/event-stream of Anthropic stream events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Anthropic error shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/count_tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Anthropic token count: Anthropic keys ask Anthropic; for other providers atrium's estimate (≈ 4 characters a token). Not billed. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Sent to Anthropic as given */
                    "anthropic-beta"?: string;
                    /** @description Sent to Anthropic as given (default 2023-06-01) */
                    "anthropic-version"?: string;
                    /** @description Use this AI key instead of the one the model names */
                    "x-atrium-key-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description An Anthropic token-count request */
            requestBody: {
                content: {
                    "application/json": {
                        billing_policy?: unknown;
                        cache_control?: unknown;
                        compaction?: unknown;
                        context_management?: unknown;
                        mcp_servers?: unknown;
                        messages: {
                            content: string | ({
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            role: string;
                        }[];
                        /** @description A model of the workspace's Anthropic key (`claude-sonnet-4-5`), `anthropic/<model>`, `<provider>/<model>` (translated), or a model of the key named by `x-atrium-key-id` */
                        model: string;
                        output_config?: unknown;
                        output_format?: unknown;
                        speed?: unknown;
                        system?: string | ({
                            type: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        thinking?: {
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                        tool_choice?: {
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                        tools?: ({
                            name: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            input_tokens: number;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Anthropic error shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
                /** @description Anthropic error shape */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                            };
                            request_id?: string;
                            /** @enum {string} */
                            type: "error";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Models of the AI keys this token may use, as <provider>/<model> */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Use this AI key instead of the default key of the provider named by the model */
                    "x-atrium-key-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                created: number;
                                id: string;
                                /** @enum {string} */
                                object: "model";
                                owned_by: string;
                            }[];
                            /** @enum {string} */
                            object: "list";
                        };
                    };
                };
                /** @description OpenAI error shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{*}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One model of the AI keys this token may use (OpenAI models.retrieve); 404 model_not_found otherwise */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Use this AI key instead of the default key of the provider named by the model */
                    "x-atrium-key-id"?: string;
                };
                path: {
                    /** @description The model id, `<provider>/<model>` */
                    "*": string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            id: string;
                            /** @enum {string} */
                            object: "model";
                            owned_by: string;
                        };
                    };
                };
                /** @description OpenAI error shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Model response through a workspace AI key (OpenAI Responses API; passed through to OpenAI, Azure and OpenRouter, translated for Anthropic, Gemini and others; stream: true answers with SSE) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Use this AI key instead of the default key of the provider named by the model */
                    "x-atrium-key-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description An OpenAI Responses request (OpenAI's parameters only); atrium translates it for providers without a Responses API */
            requestBody: {
                content: {
                    "application/json": {
                        background?: unknown;
                        context_management?: unknown;
                        conversation?: unknown;
                        include?: unknown;
                        /** @description A string, or input items: messages (input_text / input_image parts), function_call and function_call_output */
                        input?: string | {
                            [key: string]: unknown;
                        }[];
                        instructions?: unknown;
                        max_output_tokens?: unknown;
                        max_tool_calls?: unknown;
                        metadata?: unknown;
                        /** @description `<provider>/<model>` (e.g. `openai/gpt-4o-mini`), or a model of the key named by `x-atrium-key-id` */
                        model: string;
                        moderation?: unknown;
                        parallel_tool_calls?: unknown;
                        previous_response_id?: unknown;
                        prompt?: unknown;
                        prompt_cache_key?: unknown;
                        prompt_cache_options?: unknown;
                        prompt_cache_retention?: unknown;
                        reasoning?: unknown;
                        safety_identifier?: unknown;
                        service_tier?: unknown;
                        store?: unknown;
                        stream?: boolean | null;
                        stream_options?: unknown;
                        temperature?: unknown;
                        text?: unknown;
                        tool_choice?: unknown;
                        tools?: unknown;
                        top_logprobs?: unknown;
                        top_p?: unknown;
                        truncation?: unknown;
                        user?: unknown;
                    };
                };
            };
            responses: {
                /** @description An OpenAI response object, or a text/event-stream of Responses events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description OpenAI error shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
                /** @description OpenAI error shape */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string | null;
                                message: string;
                                param: string | null;
                                type: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
