// Generated from the API's OpenAPI schema by `npm run gen:api-types` (web/scripts/api-types.mjs).
// Do not edit: change the API, then regenerate. `npm run check:api-types` fails when this is stale.

export interface paths {
    "/api/analytics/activity/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Summarise user activity over a period
         * @description Counts of recorded user actions between `from` and `to` (ISO 8601; by default the last
         *     30 days, at most 366 days), optionally for one `user`: per day (actions and distinct
         *     users), per user (the 200 most active, with their last action) and per action.
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error` (`from` not before `to`, a range over 366 days, an unknown
         *     parameter); 403 `permission_denied` for any other role.
         */
        get: operations["analytics_activity_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the assessments the caller may see
         * @description Newest first, with cursor pagination. Filters: `claim`, `assessor`, `status` (repeatable);
         *     `ordering` by `created_at`, `scheduled_at` or `completed_at`. Staff receive the full
         *     assessment; customers the summary of their own claims' assessments (no assessor, notes,
         *     total-loss reasoning, vehicle value or accepted estimate).
         *
         *     Access: any signed-in user; each sees the assessments of the claims they may see.
         *
         *     Errors: 400 `validation_error` (a malformed filter value).
         */
        get: operations["assessments_list"];
        put?: never;
        /**
         * Schedule the assessment of a claim
         * @description Creates the assessment with the standard sections (exterior, interior, mechanical, ...),
         *     scheduled at `scheduled_at` (default: now), for `assessor` (default: the claim's assigned
         *     assessor), who is notified. A claim has at most one active (not cancelled) assessment.
         *
         *     Access: agents, supervisors and admins who may see the claim; an assessor for a claim assigned
         *     to them.
         *
         *     Errors: 400 `invalid_assessor` (`assessor` does not have the assessor role); 403
         *     `permission_denied` (customers, assessors not assigned to the claim); 404 `not_found` (a claim
         *     the caller may not see, or an `assessor` that is no active user); 409 `claim_not_assessable`
         *     (the claim is not submitted, under review or in assessment); 409 `assessment_exists`.
         */
        post: operations["assessments_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{assessment_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show an assessment
         * @description Staff receive everything, including internal notes, the total-loss recommendation and its
         *     reasoning, the vehicle's value and the accepted estimate; customers receive the summary fields.
         *
         *     Access: whoever may see the assessment's claim.
         *
         *     Errors: 404 `not_found` (no such assessment, or one the caller may not see).
         */
        get: operations["assessments_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit an assessment
         * @description Changes `scheduled_at`, `overall_severity` (1-5), `notes`, `summary` and, for supervisors and
         *     admins, the `assessor`. The first change by its assessor starts a scheduled assessment
         *     (`in_progress`).
         *
         *     Access: the assessor it is assigned to (or the claim's assigned assessor), supervisors and admins;
         *     only supervisors and admins may change `assessor`.
         *
         *     Errors: 400 `validation_error`, `invalid_assessor`; 403 `permission_denied`; 404 `not_found`
         *     (the assessment, or an `assessor` that is no active user); 409 `assessment_closed` (completed or
         *     cancelled).
         */
        patch: operations["assessments_partial_update"];
        trace?: never;
    };
    "/api/assessments/{assessment_id}/cancel/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an assessment
         * @description A scheduled or in-progress assessment is cancelled with a `reason`; the claim may then be
         *     given a new one.
         *
         *     Access: supervisors and admins who may see the claim.
         *
         *     Errors: 400 `validation_error`, `reason_required`; 403 `permission_denied`; 404 `not_found`;
         *     409 `assessment_closed` (already completed or cancelled).
         */
        post: operations["assessments_cancel_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{assessment_id}/complete/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete an assessment
         * @description Needs every section completed and an accepted estimate. The claim's estimated cost becomes the
         *     accepted estimate's total, the claim is told its assessment is done (so it can be approved) and
         *     the customer and the claim's assigned agent are notified.
         *
         *     Access: the assigned assessor, supervisors and admins.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`; 409 `assessment_closed`; 409 `sections_open`
         *     (`open_sections` lists them); 409 `no_accepted_estimate`.
         */
        post: operations["assessments_complete_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{assessment_id}/estimates/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an assessment's estimates, or compare them
         * @description Each estimate with its lines and totals. With `?compare=1` the answer is instead a side-by-side
         *     comparison (the `Comparison` schema): one row per item matched across the estimates, each
         *     estimate's amount and its difference from a `baseline` estimate (by default the accepted one,
         *     else the assessor's first, else the first), flagged when the variance passes
         *     `ASSESSMENTS_VARIANCE_THRESHOLD_PERCENT` (15) or the item is missing on one side.
         *
         *     Access: staff who may see the assessment's claim; estimates are internal to the insurer.
         *
         *     Errors: 400 `invalid_baseline` (not one of this assessment's estimates); 403 `permission_denied`
         *     (customers); 404 `not_found`; 409 `nothing_to_compare` (fewer than two estimates).
         */
        get: operations["assessments_estimates_list"];
        put?: never;
        /**
         * Add an estimate to an assessment
         * @description An assessor's, a garage's, the insurer's or a third party's estimate (`source`) with its
         *     `lines` (parts, labour with `hours` and `rate`, paint, other; optional `tax_rate`); net, tax and
         *     totals are computed. The currency is the claim's. Answers the estimate (201), as a draft.
         *
         *     Access: the assigned assessor, supervisors and admins.
         *
         *     Errors: 400 `validation_error`, `invalid_line` (a labour line without hours or rate),
         *     `currency_mismatch`; 403 `permission_denied`; 404 `not_found`; 409 `assessment_closed`.
         */
        post: operations["assessments_estimates_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{assessment_id}/estimates/{estimate_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show one estimate with its lines
         * @description Access: staff who may see the assessment's claim.
         *
         *     Errors: 403 `permission_denied` (customers); 404 `not_found`.
         */
        get: operations["assessments_estimates_retrieve"];
        put?: never;
        post?: never;
        /**
         * Delete an estimate
         * @description Deleting the accepted estimate withdraws the total-loss recommendation.
         *
         *     Access: the assigned assessor, supervisors and admins.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`; 409 `assessment_closed`.
         */
        delete: operations["assessments_estimates_destroy"];
        options?: never;
        head?: never;
        /**
         * Edit a draft estimate
         * @description Changes `source`, `supplier`, `reference`, `notes`, or replaces all its `lines` (totals are
         *     recomputed).
         *
         *     Access: the assigned assessor, supervisors and admins.
         *
         *     Errors: 400 `validation_error`, `invalid_line`, `currency_mismatch`; 403 `permission_denied`;
         *     404 `not_found`; 409 `assessment_closed`; 409 `estimate_accepted` (accept another estimate
         *     instead of changing the accepted one).
         */
        patch: operations["assessments_estimates_partial_update"];
        trace?: never;
    };
    "/api/assessments/{assessment_id}/estimates/{estimate_id}/accept/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an estimate
         * @description It becomes the estimate the claim is settled on (any previously accepted one goes back to
         *     draft), and the total-loss recommendation is recomputed from it and the vehicle's value.
         *
         *     Access: the assigned assessor, supervisors and admins.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`; 409 `assessment_closed`; 409
         *     `empty_estimate` (no lines).
         */
        post: operations["assessments_estimates_accept_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{assessment_id}/photos/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an assessment's photos
         * @description In gallery order. Each photo links to its served copy (`url`, JPEG without personal metadata)
         *     and thumbnail (`thumbnail_url`, WebP) once it is `ready`. Staff also see photos still
         *     `awaiting_scan` and each original's metadata (device, times, GPS) and fingerprints; customers
         *     see ready photos only, without metadata.
         *
         *     Access: whoever may see the assessment's claim.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["assessments_photos_list"];
        put?: never;
        /**
         * Upload photos to an assessment
         * @description `multipart/form-data` with one or more image parts named `files` (a single `file` is accepted
         *     too), at most `ASSESSMENTS_PHOTOS_PER_UPLOAD` (20) per request and `ASSESSMENTS_PHOTO_MAX_BYTES`
         *     (15 MB) each, JPEG, PNG, WebP or TIFF judged by content; optional `caption`, `section` (a
         *     section kind) and `taken_at`. All or none are stored. Each file is virus-scanned and kept
         *     untouched as the original; the served copy has EXIF orientation applied and personal metadata
         *     (GPS, device) removed, and gets a WebP thumbnail and a perceptual hash (a photo reused from
         *     another claim raises an alert). A photo no scanner could vouch for stays `awaiting_scan`, with no
         *     URL, until a scan says it is clean. Answers the new photos (201).
         *
         *     Access: the assigned assessor, supervisors and admins.
         *
         *     Errors: 400 `validation_error`, `no_files`, `too_many_files`, `empty_file`; 403
         *     `permission_denied`; 404 `not_found`; 409 `assessment_closed`; 409 `duplicate_photo` (the
         *     same file twice, or already in the gallery); 413 `file_too_large`; 415 `unsupported_type`; 422
         *     `infected_file` (quarantined, nothing stored), `image_too_large`, `file_too_complex` (past the
         *     virus scanner's limits), `corrupt_image`.
         */
        post: operations["assessments_photos_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{assessment_id}/photos/{photo_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show one photo of an assessment
         * @description Customers see ready photos only, without the original's metadata.
         *
         *     Access: whoever may see the assessment's claim.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["assessments_photos_retrieve"];
        put?: never;
        post?: never;
        /**
         * Delete a photo
         * @description Removes it from the gallery with its served copy and thumbnail.
         *
         *     Access: the assigned assessor, supervisors and admins.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`; 409 `assessment_closed`.
         */
        delete: operations["assessments_photos_destroy"];
        options?: never;
        head?: never;
        /**
         * Edit a photo's caption, section, position or time taken
         * @description Access: the assigned assessor, supervisors and admins.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied` (customers and staff who may not edit
         *     it); 404 `not_found`; 409 `assessment_closed`.
         */
        patch: operations["assessments_photos_partial_update"];
        trace?: never;
    };
    "/api/assessments/{assessment_id}/photos/{photo_id}/{variant}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a photo's served copy or thumbnail
         * @description `variant` is `full` (the served JPEG: orientation applied, personal metadata removed) or
         *     `thumbnail` (WebP). The original is never served. Cached privately for 5 minutes.
         *
         *     Access: whoever may see the assessment's claim; only photos that are `ready`.
         *
         *     Errors: 404 `not_found` (another `variant`, a photo not ready, or one the caller may not see).
         */
        get: operations["assessments_photos_file_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{assessment_id}/report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an assessment report (PDF)
         * @description The assessment's sections, ready photos and accepted estimate as a PDF, shown inline.
         *
         *     Access: staff who may see the assessment's claim.
         *
         *     Errors: 403 `permission_denied` (customers); 404 `not_found`.
         */
        get: operations["assessments_report.pdf_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{assessment_id}/sections/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an assessment's sections
         * @description In their fixed order. Staff receive findings, severity, notes and completion; customers receive
         *     the kind, position, severity and whether it is completed.
         *
         *     Access: whoever may see the assessment's claim.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["assessments_sections_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{assessment_id}/sections/{kind}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show one section of an assessment
         * @description `kind` is the section kind (`exterior`, `interior`, ...). Customers receive the summary fields.
         *
         *     Access: whoever may see the assessment's claim.
         *
         *     Errors: 404 `not_found` (the assessment, or no such section kind).
         */
        get: operations["assessments_sections_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Record a section's findings
         * @description Sets `findings` (validated against the section kind's schema, see
         *     `GET /api/assessments/section-schemas/`), `severity` (1-5), `notes` and `completed`. The
         *     assessment's completion percentage follows; its first change starts a scheduled assessment.
         *
         *     Access: the assigned assessor, supervisors and admins.
         *
         *     Errors: 400 `validation_error`; 400 `invalid_findings` (each schema violation in `errors`); 403
         *     `permission_denied`; 404 `not_found`; 409 `assessment_closed`.
         */
        patch: operations["assessments_sections_partial_update"];
        trace?: never;
    };
    "/api/assessments/{assessment_id}/total-loss/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Override the total-loss recommendation
         * @description `total_loss` true or false records the assessor's decision against (or confirming) the
         *     recommendation computed from the accepted estimate and the vehicle's value, with a `reason`;
         *     `null` withdraws the override. The assessment's `total_loss` is the override when there is one,
         *     else the recommendation.
         *
         *     Access: the assigned assessor, supervisors and admins.
         *
         *     Errors: 400 `validation_error`, `reason_required` (an override without a reason); 403
         *     `permission_denied`; 404 `not_found`; 409 `assessment_closed`.
         */
        post: operations["assessments_total_loss_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/section-schemas/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the assessment section kinds and their findings schemas
         * @description One JSON Schema per section kind: what `findings` must look like in
         *     `PATCH /api/assessments/{id}/sections/{kind}/`.
         *
         *     Access: any signed-in user.
         *
         *     Errors: none of its own.
         */
        get: operations["assessments_section_schemas_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit log entries, newest first
         * @description The append-only, hash-chained log of every write and every read of personal data: who
         *     (`actor`), what (`action`, `object_type`, `object_id`, `changes`), from where (`ip`,
         *     `user_agent`, `request_id`) and the chain (`sequence`, `prev_hash`, `hash`: null until the entry
         *     is sealed, moments after its transaction commits). Filters:
         *     `actor`, `action`, `action_prefix` (e.g. `claim.`), `object_type`, `object_id`,
         *     `request_id`, `created_after`, `created_before`. Cursor pagination (`page_size` up to 200).
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied` for any
         *     other role; 404 `not_found` for a malformed cursor.
         */
        get: operations["audit_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/{event_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show one audit log entry
         * @description Access: admins.
         *
         *     Errors: 403 `permission_denied` for any other role; 404 `not_found` for an unknown id.
         */
        get: operations["audit_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/reads/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List who read a customer's personal data, newest first
         * @description Every read by staff of the customer's data (claim detail, contact details, documents and
         *     photos, report PDFs, exports): who (`actor`, with their name, e-mail and role), what
         *     (`object_type`, `object_id`, `fields`: the fields read or the file served), when (`at`) and
         *     from where (`ip`, `user_agent`, `request_id`). The customer's own reads are not recorded.
         *     After the customer's erasure their entries no longer name them and are not listed here.
         *     Cursor pagination (`page_size` up to 200); a fixed number of queries per page.
         *
         *     Access: admins, and staff granted the `audit.view_readauditentry` permission (auditors).
         *
         *     Errors: 400 `validation_error` (`subject` missing or not a user id); 403
         *     `permission_denied` for anyone else; 404 `not_found` for a malformed cursor.
         */
        get: operations["audit_reads_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/email/change/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change my e-mail address
         * @description Sends a link to the new address; the account's address changes only when that link is confirmed
         *     (`POST /api/auth/verify-email/confirm/`). The current address is told of the request. The answer
         *     is the same whether or not another account uses the new address (that address is told instead,
         *     and nothing changes).
         *
         *     Access: any signed-in user, with their password.
         *
         *     Errors: 400 `validation_error`, `wrong_password` (it counts towards the sign-in lockout),
         *     `same_email`; 429 `too_many_requests`, `throttled`.
         */
        post: operations["auth_email_change_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with e-mail and password
         * @description Answers `access` (15 minutes), `refresh` (7 days) and the `user`. After a few failures an
         *     address (or an IP address) must wait a growing delay between attempts, and is then locked for a
         *     while. For browsers, `POST /api/auth/session/` keeps the refresh token in an httpOnly cookie
         *     instead. Limited with the other sign-in endpoints (`THROTTLE_AUTH`, 30 a minute by default).
         *
         *     Access: anyone, without signing in.
         *
         *     Errors: 400 `validation_error`; 401 `invalid_credentials` (the same for an unknown address, a
         *     wrong password and an inactive account); 429 `login_throttled` (with `Retry-After`),
         *     `throttled`.
         */
        post: operations["auth_login_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out a refresh token
         * @description Blacklists the `refresh` token given, which must be the caller's; the access token of this
         *     request and every access token minted from that sign-in are refused from now on.
         *
         *     Access: any signed-in user, for their own refresh token.
         *
         *     Errors: 400 `validation_error`; 401 `token_not_valid` (not a valid refresh token, or someone
         *     else's).
         */
        post: operations["auth_logout_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show your account
         * @description Access: any signed-in user.
         *
         *     Errors: none of its own.
         */
        get: operations["auth_me_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit your name, phone number or language
         * @description Only `name`, `phone` and `language` (`en` or `sw`, the web application's language) may change
         *     here; every other field is refused as read-only. A new phone number is no longer verified
         *     until a code sent to it comes back. To change the e-mail address use
         *     `POST /api/auth/email/change/`.
         *
         *     Access: any signed-in user.
         *
         *     Errors: 400 `validation_error` (a malformed phone number, a language other than `en` or `sw`,
         *     a read-only or unknown field).
         */
        patch: operations["auth_me_partial_update"];
        trace?: never;
    };
    "/api/auth/me/notification-preferences/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show your notification preferences
         * @description For every channel (`in_app`, `email`, `sms`) and topic (claim updates, assessment updates,
         *     payments, policy renewals, ...), whether you receive it; the defaults apply until you choose.
         *
         *     Access: any signed-in user.
         *
         *     Errors: none of its own.
         */
        get: operations["auth_me_notification_preferences_retrieve"];
        /**
         * Choose your notification preferences
         * @description Each entry sets `enabled` for one `channel` and `topic`; entries not sent keep their value.
         *     Answers the whole matrix.
         *
         *     Access: any signed-in user.
         *
         *     Errors: 400 `validation_error` (an unknown channel or topic, an empty list),
         *     `duplicate_preference`.
         */
        put: operations["auth_me_notification_preferences_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password-reset link
         * @description Sends a link to the web application's `/reset-password?token=...` page if an active account uses
         *     the address; a new link replaces the earlier ones. The answer is the same 202, with the same
         *     body and no sooner than a fixed minimum time, whether or not an account exists, so it cannot be
         *     used to find out who has an account.
         *
         *     Access: anyone, without signing in.
         *
         *     Errors: 400 `validation_error` (a malformed address); 429 `too_many_requests` (with
         *     `retry_after` seconds; limited per address and per IP, for any address), `throttled`.
         */
        post: operations["auth_password_reset_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a new password with a reset link's token
         * @description Sets the new password and signs the account out everywhere (every refresh token is blacklisted
         *     and earlier access tokens are refused); the token then no longer works. Answers how many
         *     sessions were revoked.
         *
         *     Access: anyone holding a reset link's token, without signing in.
         *
         *     Errors: 400 `invalid_token` (unknown, forged, expired or already used: the same in every case);
         *     400 `validation_error` (a password the rules refuse, with the reasons under `password`; the
         *     token stays usable); 429 `throttled`.
         */
        post: operations["auth_password_reset_confirm_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/change/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password
         * @description Needs the `old_password` and a `new_password` the password rules accept. Every session ends: all
         *     refresh tokens are blacklisted and access tokens issued before now are refused, so sign in
         *     again. Answers how many sessions were revoked. Limited with the other sign-in endpoints
         *     (`THROTTLE_AUTH`, 30 a minute by default).
         *
         *     Access: any signed-in user.
         *
         *     Errors: 400 `validation_error` (a new password the rules refuse), `wrong_password`; 429
         *     `throttled`.
         */
        post: operations["auth_password_change_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a new token pair from a refresh token
         * @description The refresh token is rotated: the answer carries a new `access` and a new `refresh`, and the one
         *     sent stops working: of parallel refreshes with one token, one wins and the others are refused,
         *     and a token used again later (a copy in someone else's hands) ends that whole sign-in. Limited
         *     with the other sign-in endpoints (`THROTTLE_AUTH`, 30 a minute by default).
         *
         *     Access: anyone holding a refresh token; no access token needed.
         *
         *     Errors: 400 `validation_error`; 401 `token_not_valid` (expired, malformed, already used or
         *     revoked, or its account is inactive); 429 `throttled`.
         */
        post: operations["auth_refresh_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a customer account
         * @description Self-service sign-up with `email`, `password` (checked against the password rules) and
         *     optionally `name`, `phone` and `language` (`en` or `sw`); the account is always a customer's.
         *     The answer is the same 202, with the same body and no sooner than a fixed minimum time, whether
         *     or not the address already has an account, so it cannot be used to find out who has one: a new
         *     address gets its account and an e-mail verification link; an address with an account gets an
         *     e-mail saying someone tried to register with it, with a password-reset link. The new customer
         *     then signs in (`POST /api/auth/login/` or `/api/auth/session/`). Limited with the other sign-in
         *     endpoints (`THROTTLE_AUTH`, 30 a minute by default) and per address.
         *
         *     Access: anyone, without signing in.
         *
         *     Errors: 400 `validation_error` (a malformed e-mail or phone, a password the rules refuse); 429
         *     `too_many_requests` (with `retry_after`), `throttled`.
         */
        post: operations["auth_register_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in from the browser
         * @description The same sign-in as `POST /api/auth/login/` (throttling, lockout, audit), but the answer carries
         *     only the `access` token and the `user`: the refresh token is set as an httpOnly, SameSite=Strict
         *     cookie on `/api/auth/` that scripts cannot read (Secure outside development). Keep the access
         *     token in memory only. Every POST here needs Django's CSRF token: the `X-CSRFToken` header must
         *     match the `csrftoken` cookie (`GET /api/auth/session/csrf/` sets it).
         *
         *     Access: anyone, without signing in.
         *
         *     Errors: 400 `validation_error`; 401 `invalid_credentials`; 403 `csrf_failed`; 429
         *     `login_throttled`, `throttled`.
         */
        post: operations["auth_session_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session/csrf/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a CSRF token for the session endpoints
         * @description Answers `csrf_token` and sets the `csrftoken` cookie it pairs with; send the token in the
         *     `X-CSRFToken` header of the session POSTs.
         *
         *     Access: anyone, without signing in.
         *
         *     Errors: none of its own.
         */
        get: operations["auth_session_csrf_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session/logout/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out the browser session
         * @description The cookie's refresh token is blacklisted and the cookie cleared; 204 even without a cookie or
         *     with one that no longer works. Every POST here needs Django's CSRF token: the `X-CSRFToken`
         *     header must match the `csrftoken` cookie (`GET /api/auth/session/csrf/` sets it).
         *
         *     Access: a browser (with or without a session cookie).
         *
         *     Errors: 403 `csrf_failed`.
         */
        post: operations["auth_session_logout_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session/refresh/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a new access token from the session cookie
         * @description The cookie's refresh token is rotated (a new cookie is set; the old token stops working: of
         *     parallel refreshes one wins, and a token used again later ends the whole sign-in) and the answer
         *     carries a new `access` and the `user`. Every POST here needs Django's CSRF token: the
         *     `X-CSRFToken` header must match the `csrftoken` cookie (`GET /api/auth/session/csrf/` sets it).
         *
         *     Access: a browser holding the session cookie.
         *
         *     Errors: 401 `no_session` (no cookie, or a session that has ended: expired, signed out, revoked
         *     by a password change, or an inactive account; the cookie is cleared); 403 `csrf_failed`; 429
         *     `throttled`.
         */
        post: operations["auth_session_refresh_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/unlock/confirm/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock an account with the link e-mailed when it was locked
         * @description An account is locked as a whole only when wrong passwords for it come from many addresses (a
         *     distributed attack); its owner is then sent a link to the web application's
         *     `/unlock-account?token=...` page. Opening it ends every lock on the account, and counting starts
         *     afresh. The token works once and expires soon; the password does not change.
         *
         *     Access: anyone holding the link's token, without signing in: opening the link proves the
         *     address.
         *
         *     Errors: 400 `invalid_token` (unknown, forged, expired or used: the same in every case); 429
         *     `throttled`.
         */
        post: operations["auth_unlock_confirm_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/verify-email/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send me a link to verify my e-mail address
         * @description Sends the signed-in user a link to the web application's `/verify-email?token=...` page; earlier
         *     links stop working. Registration sends the first one.
         *
         *     Access: any signed-in user, for their own address.
         *
         *     Errors: 409 `email_already_verified`; 429 `too_many_requests` (a few per hour), `throttled`.
         */
        post: operations["auth_verify_email_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/verify-email/confirm/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an e-mail address with a link's token
         * @description Confirms the address the link was sent to: marks the account's address verified or, for a link
         *     sent by a change of e-mail, makes the new address the account's (verified) and tells the old
         *     address. The token works once. Answers the account's `email` and `email_verified`.
         *
         *     Access: anyone holding the link's token, without signing in: opening the link proves the
         *     address.
         *
         *     Errors: 400 `invalid_token` (unknown, forged, expired or used, or a verification link for an
         *     address the account no longer has); 409 `email_taken` (another account took the new address
         *     meanwhile); 429 `throttled`.
         */
        post: operations["auth_verify_email_confirm_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/verify-phone/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Text me a code to verify my phone number
         * @description Sends a 6-digit code by SMS to the signed-in user's phone number; it expires after a few minutes
         *     (`PHONE_CODE_MINUTES`) and earlier codes stop working.
         *
         *     Access: any signed-in user, for their own number.
         *
         *     Errors: 400 `phone_missing` (no number on the account); 409 `phone_already_verified`; 429
         *     `too_many_requests` (a few codes per hour, per account and per number), `throttled`.
         */
        post: operations["auth_verify_phone_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/verify-phone/confirm/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify my phone number with the texted code
         * @description Marks the signed-in user's number verified.
         *
         *     Access: any signed-in user, for their own number.
         *
         *     Errors: 400 `validation_error`; 400 `invalid_code` (a wrong code, with `attempts_left`; after a
         *     few wrong codes even the right one no longer works and a new one must be asked for; also an
         *     expired or used code, or one sent to a number the account no longer has); 429 `throttled`.
         */
        post: operations["auth_verify_phone_confirm_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catastrophes/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List catastrophe events
         * @description Latest started first, paged by number. Filters: `status` (`open`, `closed`), `peril`, `department`.
         *
         *     Access: staff (agents, assessors, supervisors, admins) read every event.
         *
         *     Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied` (customers).
         */
        get: operations["catastrophes_list"];
        put?: never;
        /**
         * Declare a catastrophe event
         * @description A `name`, a `peril`, the area as a circle (`centre_latitude`, `centre_longitude`, `radius_km`
         *     above 0 and at most 500) or as a `polygon` (a closed ring of [longitude, latitude] points that
         *     does not cross itself nor the antimeridian), never both; the window `starts_at` .. `ends_at`
         *     (null: still going on); and the event's rules: `sla_hours`, `fast_track_limit` (claims estimated
         *     below go straight to a desk assessor) and the `desk` (agents, assessors and supervisors of the
         *     department who take its claims). Numbered `CAT-<year>-<n>`. The claims already filed inside the
         *     area and window are tagged by a background job after the answer; claims filed later are tagged
         *     when filed. Answers the event (201).
         *
         *     Access: supervisors for their own department (the default `department`); admins for any.
         *
         *     Errors: 400 `validation_error` (both or neither area forms, a radius of 0, a self-intersecting
         *     polygon, an end before the start, ...), `invalid_desk_member`; 403 `permission_denied`
         *     (customers, agents, assessors, another department).
         */
        post: operations["catastrophes_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catastrophes/{event_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a catastrophe event
         * @description Its area, window, status, rules and desk.
         *
         *     Access: staff.
         *
         *     Errors: 404 `not_found` (customers; an unknown event).
         */
        get: operations["catastrophes_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit an open catastrophe event
         * @description Any of the declared fields but the department; giving the area in one form replaces the other
         *     (a polygon replaces a circle, and back); `desk` replaces the desk. A changed area or window tags
         *     the claims it now covers (a background job); claims already tagged stay tagged.
         *
         *     Access: supervisors of the event's department; admins.
         *
         *     Errors: 400 `validation_error`, `invalid_desk_member`; 403 `permission_denied` (other staff); 404
         *     `not_found` (customers); 409 `event_closed`.
         */
        patch: operations["catastrophes_partial_update"];
        trace?: never;
    };
    "/api/catastrophes/{event_id}/close/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a catastrophe event
         * @description No claim is tagged with it any more; the claims tagged keep their tag and rules. An event still
         *     going on (`ends_at` null) ends now.
         *
         *     Access: supervisors of the event's department; admins.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied` (other staff); 404 `not_found`
         *     (customers); 409 `event_closed` (already closed).
         */
        post: operations["catastrophes_close_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catastrophes/{event_id}/figures/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a catastrophe event's figures
         * @description Its claims (filed, drafts left out), how many are open and fast-tracked, and in the event's currency
         *     their exposure (estimated costs), open reserves and what was paid; the claims filed per UTC day.
         *     A fixed number of queries whatever the number of claims.
         *
         *     Access: staff of the event's department; admins.
         *
         *     Errors: 403 `permission_denied` (staff of other departments); 404 `not_found` (customers; an
         *     unknown event).
         */
        get: operations["catastrophes_figures_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the claims the caller may see
         * @description Newest first, with cursor pagination (`page_size` up to 200). Filters: `status` and `priority`
         *     (repeatable), `department`, `assigned_agent`, `assigned_assessor`, `customer`, `policy`,
         *     `created_after`/`created_before`, `incident_after`/`incident_before`, `has_open_alerts`,
         *     `sla_breached` (open and past the SLA); `search` in claim number and customer name, or a whole
         *     registration (sealed at rest: matched exactly by its blind index, never in part);
         *     `ordering` by `created_at`, `sla_due_at`, `priority` (by urgency), `status` (by workflow),
         *     `incident_date`, `estimated_cost` or `claim_number` (ties newest first). Customers always read
         *     `has_open_alerts` as false.
         *
         *     Access: any signed-in user: customers their own claims; agents their department's claims and
         *     those assigned to them; assessors the claims assigned to them; supervisors their department's;
         *     admins all.
         *
         *     Errors: 400 `validation_error` (a malformed filter value); 404 `not_found` (a malformed cursor).
         */
        get: operations["claims_list"];
        put?: never;
        /**
         * File a claim (first notice of loss)
         * @description On an active `policy` of the customer, for an `incident_date` inside the policy period and not in
         *     the future, with a `description` and optionally the place (`incident_address`, and latitude and
         *     longitude together), injury, total-loss hint, police report number, third party and an estimated
         *     cost. The claim is `submitted` (or kept as a `draft` with `draft: true`), numbered
         *     `CLM-<year>-<n>`, given to the department of the product's category, prioritised (injury is
         *     urgent; a total-loss hint or a high estimate is high) with an SLA due time, and checked for
         *     possible duplicates, early claims and high values (alerts for staff). Outside checks (place,
         *     weather, vehicle) run after the answer. An agent who files it is assigned to it. Answers the
         *     claim (201).
         *
         *     Send an `Idempotency-Key` header so that a retry after a lost answer never files a second claim:
         *     a repeat with the same key and body answers the first answer again (same status and body,
         *     `Idempotent-Replayed: true`); the same key with another body answers 422
         *     `idempotency_key_reused`, and 409 `request_in_progress` while the first runs.
         *
         *     Access: customers, on their own policies; agents and supervisors of the department that handles
         *     the product's category, and admins, on the customer's behalf (staff may also set `priority`).
         *     Assessors do not file claims.
         *
         *     Errors: 400 `validation_error` (including latitude without longitude), `incident_in_future`,
         *     `incident_outside_cover`, `vehicle_not_on_policy`, `read_only` (a customer setting `priority`);
         *     403 `permission_denied` (assessors), `other_department`; 404 `not_found` (a policy or vehicle
         *     the caller may not see); 409 `policy_not_active`, `request_in_progress`; 422
         *     `idempotency_key_reused`; 400 `bad_idempotency_key` (a key over 128 characters).
         */
        post: operations["claims_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a claim
         * @description Everything about the claim, with `allowed_transitions`: the statuses the caller may move it to
         *     now (what a screen offers as buttons).
         *
         *     Access: customers their own claims; agents their department's claims and those assigned to them;
         *     assessors the claims assigned to them; supervisors their department's; admins all.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["claims_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a claim's details
         * @description Description, incident place, injury, total-loss hint, police report number and third party;
         *     while the claim is a draft also the incident's date and time (inside the policy's cover, not in
         *     the future); staff also the estimated cost and the priority. The priority follows injury, total loss and
         *     estimate unless staff set it; the SLA due time follows the priority. A changed incident place
         *     runs the outside checks again.
         *
         *     Access: the customer while the claim is a draft or submitted; agents, supervisors and admins who
         *     may see it. Assessors record their findings in the assessment instead.
         *
         *     Errors: 400 `validation_error`, `read_only` (a customer setting `priority` or
         *     `estimated_cost`), `incident_in_future`, `incident_outside_cover`; 403 `permission_denied`
         *     (assessors); 404 `not_found`; 409 `claim_locked` (a customer once the claim is under review: send
         *     a message instead), `incident_date_locked` (the date of a claim that is no longer a draft).
         */
        patch: operations["claims_partial_update"];
        trace?: never;
    };
    "/api/claims/{claim_id}/assessment/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a claim's active assessment
         * @description The claim's assessment that is not cancelled, as `GET /api/assessments/{id}/` answers it.
         *
         *     Access: whoever may see the claim.
         *
         *     Errors: 404 `not_found` (a claim the caller may not see); 404 `no_assessment` (the claim has no
         *     active assessment).
         */
        get: operations["claims_assessment_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/assign/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign a claim's agent and/or assessor
         * @description `agent`: an active agent or supervisor of the claim's department; `assessor`: an active assessor
         *     of the department certified for the claim (level 3 for urgent or high-value claims, 2 for high
         *     priority); `null` unassigns; a role left out is unchanged. `auto_assessor: true` picks the
         *     least-loaded qualified assessor. Each change is recorded with its `reason`, audited, published
         *     (`claim.assigned`) and the new assignee is notified.
         *
         *     Access: agents, supervisors and admins who may see the claim.
         *
         *     Errors: 400 `validation_error`, `invalid_assignee`, `insufficient_certification`; 403
         *     `permission_denied`; 404 `not_found` (the claim, or an unknown user); 409 `claim_not_open`
         *     (settled, closed, rejected or withdrawn); 409 `no_assessor` (no qualified assessor for
         *     `auto_assessor`).
         */
        post: operations["claims_assign_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/assignees/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the staff this claim can be assigned to
         * @description Active agents and supervisors, and assessors, of the claim's department with their open-claim
         *     load, least loaded first. Assessors below the certification the claim needs are listed as
         *     ineligible, with the reason.
         *
         *     Access: agents, supervisors and admins who may see the claim.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`.
         */
        get: operations["claims_assignees_of_claim"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/catastrophe/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tag a claim with a catastrophe event, or untag it
         * @description `event`: an open event of the claim's department (moving the claim from another event), or null to
         *     untag it; `reason` is required. Recorded on the claim's timeline and audited. A claim untagged by
         *     hand is never tagged again automatically (tagging it by hand again is possible). Tagging applies
         *     the event's rules to an open claim: its SLA, its desk's agent when the claim has none, and the
         *     fast track (a desk assessor) below its limit. The same event again changes nothing.
         *
         *     Access: agents, supervisors and admins who may see the claim.
         *
         *     Errors: 400 `validation_error`, `reason_required`, `other_department` (another department's
         *     event); 403 `permission_denied` (customers, assessors); 404 `not_found` (the claim, or an event
         *     the caller may not see); 409 `event_closed`.
         */
        post: operations["claims_catastrophe_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/communications/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a claim's communications
         * @description Messages, calls, letters and internal notes about the claim, with their channel, direction and
         *     party; paged by number. Customers see only what was sent to them or came from them.
         *
         *     Access: whoever may see the claim.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["claims_communications_list"];
        put?: never;
        /**
         * Add a message or note to a claim
         * @description Staff record a `channel` (email, sms, phone, letter, note), `direction` (inbound, outbound,
         *     internal) and `party`; an outbound message to the customer notifies them. A customer's entry is
         *     always their own inbound note to the insurer, whatever they send. Internal entries reach staff
         *     only. Answers the entry (201).
         *
         *     Access: whoever may see the claim.
         *
         *     Errors: 400 `validation_error`; 404 `not_found`.
         */
        post: operations["claims_communications_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/customer/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show how to reach a claim's customer
         * @description The customer's name, e-mail and phone (with whether each is verified) and how many of their
         *     claims the caller can see are still open. Contact details are personal data: every read is
         *     recorded in the audit log (`claim.customer_contact_viewed`).
         *
         *     Access: staff who may see the claim.
         *
         *     Errors: 403 `permission_denied` (customers: their own details are in their account); 404
         *     `not_found`.
         */
        get: operations["claims_customer_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/document-requests/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the documents asked of the claim's customer
         * @description Oldest first, each with its `kind`, the `note` to the customer, who asked and when, and its
         *     `state`: `open`, `fulfilled` (by the document uploaded: `fulfilled_by_document`) or
         *     `cancelled`; paged by number.
         *
         *     Access: whoever may see the claim.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["claims_document_requests_list"];
        put?: never;
        /**
         * Ask the claim's customer for a document
         * @description `kind` (identity document, driving licence, vehicle registration, police report, repair
         *     invoice, estimate, medical report, photo, other) and a `note` to the customer. The customer is
         *     told (topic `documents`, by their notification preferences); the request is audited and on
         *     the claim's timeline. A document of that kind uploaded to the claim fulfils the oldest open
         *     request of the kind. Answers the request (201).
         *
         *     Access: staff who may see the claim.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied` (customers); 404 `not_found`; 409
         *     `claim_not_open` (a draft, or a claim settled, closed, rejected or withdrawn).
         */
        post: operations["claims_document_requests_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/document-requests/{request_id}/cancel/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a document request
         * @description An open request is cancelled (audited, on the timeline); the customer no longer sees it as
         *     asked for.
         *
         *     Access: staff who may see the claim.
         *
         *     Errors: 403 `permission_denied` (customers); 404 `not_found`; 409 `request_closed` (already
         *     fulfilled or cancelled).
         */
        post: operations["claims_document_requests_cancel_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/documents/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a claim's documents
         * @description The documents of the claim that the caller may see (customers: the ones they uploaded), with the
         *     same filters, search and ordering as `GET /api/documents/`.
         *
         *     Access: whoever may see the claim.
         *
         *     Errors: 400 `validation_error` (a malformed filter value); 404 `not_found` (a claim the caller
         *     may not see).
         */
        get: operations["claims_documents_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a claim report (PDF)
         * @description The claim, its policy and vehicle, the assessment's summary, the settlement and the timeline as
         *     a PDF, shown inline. The customer's copy holds what is meant for them: no internal notes, reserve
         *     changes, assignments or SLA, and only the settlements offered to them.
         *
         *     Access: whoever may see the claim.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["claims_report.pdf_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/reserves/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a claim's reserves
         * @description One reserve per cost type (own damage, third party, injury, legal, expenses): the amount set
         *     aside, what was paid from it, what is still open, and its `history`: every change of the
         *     amount with who made it and why, oldest first.
         *
         *     Access: staff who may see the claim; reserves are internal.
         *
         *     Errors: 403 `permission_denied` (customers); 404 `not_found`.
         */
        get: operations["claims_reserves_list"];
        put?: never;
        /**
         * Set a claim's reserve for a cost type
         * @description Sets the `amount` set aside for `cost_type`, with a `reason`; the change is kept in the reserve's
         *     history. Payments never exceed the open reserve.
         *
         *     Access: staff who may see the claim, up to their reserve authority (`CLAIM_RESERVE_LIMITS`;
         *     above it, a supervisor).
         *
         *     Errors: 400 `validation_error`, `negative_reserve`; 403 `permission_denied` (customers),
         *     `above_authority`; 404 `not_found`; 409 `claim_not_open`; 409 `below_paid` (less than already
         *     paid from it).
         */
        post: operations["claims_reserves_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/settlement/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a claim's settlements (the desk's view)
         * @description Every settlement proposed, with its amount, payee, method, cost type, status (`proposed`,
         *     `approved`, `paid`, `rejected`), who proposed and approved it, the internal `note`, the
         *     customer's answer to the offer (`customer_decision`: `accepted`, `declined` or empty, with
         *     their reason, and whether staff recorded it for them with how: `customer_decision_note`) and
         *     the payment made.
         *
         *     Access: staff who may see the claim. Customers read the offers made to them at
         *     `settlement/offers/`.
         *
         *     Errors: 403 `permission_denied` (customers); 404 `not_found`.
         */
        get: operations["claims_settlement_list"];
        put?: never;
        /**
         * Propose a settlement of an approved claim
         * @description `amount` (at most the sum insured less the excess, and at most the approved amount), `payee`,
         *     `method` (bank transfer, M-Pesa, cheque), `cost_type` (default own damage) and a `note`. The first
         *     proposal moves the claim to `settlement`. One settlement at a time may await approval or payment.
         *     Answers the settlement (201).
         *
         *     Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
         *     request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
         *     and proposes once.
         *
         *     Access: agents, supervisors and admins who may see the claim.
         *
         *     Errors: 400 `validation_error`, `above_policy_limit`, `idempotency_key_required`,
         *     `bad_idempotency_key`; 403 `permission_denied`; 404 `not_found`; 409 `not_approved` (the claim is
         *     not approved or in settlement), `settlement_open`, `request_in_progress`; 422
         *     `idempotency_key_reused`.
         */
        post: operations["claims_settlement_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/settlement/{settlement_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve, reject or pay a settlement
         * @description `action`:
         *     - `approve`: a proposed settlement, by someone other than its proposer (admins excepted), within
         *       the approver's authority (above it, a supervisor);
         *     - `reject`: a proposed or approved settlement is turned down with a `reason`, so another may be
         *       proposed;
         *     - `pay`: an approved settlement the customer accepted (`settlement/{id}/response/`, or staff
         *       recording it for them) is paid from the claim's open reserve of its cost type: an
         *       outgoing payout is recorded and sent by its provider (M-Pesa B2C; a bank payout file; a cheque
         *       by finance), the reserve drawn down; the claim moves to `settled` when the money has left
         *       (`payout.succeeded`); a failed payout closes the settlement and returns the claim to its agent.
         *
         *     Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
         *     request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
         *     and pays once.
         *
         *     Access: agents, supervisors and admins who may see the claim.
         *
         *     Errors: 400 `validation_error`, `reason_required`, `idempotency_key_required`,
         *     `bad_idempotency_key`; 403 `permission_denied`, `above_authority`, `maker_checker`; 404
         *     `not_found`; 409 `not_proposed`, `not_approved`, `not_accepted` (the customer has not accepted
         *     the offer), `settlement_closed`, `above_reserve` (raise the reserve first), `payout_pending` (its
         *     payout is on its way), `request_in_progress`; 422 `idempotency_key_reused`.
         */
        post: operations["claims_settlement_action"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/settlement/{settlement_id}/response/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept or decline a settlement offer
         * @description `decision`: `accept` (the settlement may then be paid) or `decline` with a `reason` (the offer
         *     is closed and the claim goes back to its agent, who may propose another). The claim's agent
         *     (else the proposer) is notified either way; the claim's readers get `claim.updated`.
         *
         *     Staff of the claims desk record the customer's answer on their behalf (e.g. given by phone)
         *     with a `note` saying how; it is audited as such (`claim.settlement_accepted_on_behalf`,
         *     `claim.settlement_declined_on_behalf`).
         *
         *     Requires an `Idempotency-Key` header (the acceptance lets money move): a retried request with
         *     the same key and body answers the first answer again (`Idempotent-Replayed: true`).
         *
         *     Access: the claim's customer; agents, supervisors and admins who may see the claim.
         *
         *     Errors: 400 `validation_error`, `reason_required` (declining), `note_required` (staff),
         *     `idempotency_key_required`, `bad_idempotency_key`; 403 `permission_denied` (assessors); 404
         *     `not_found`; 409 `not_offered` (not an approved settlement), `already_answered`,
         *     `request_in_progress`; 422 `idempotency_key_reused`.
         */
        post: operations["claims_settlement_response_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/settlement/offers/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the settlement offers made to the claim's customer
         * @description Newest first: each settlement once approved (waiting for the customer's answer, accepted,
         *     paid) and the offers the customer declined, with the amount, what it covers (`cost_type`), the
         *     payee and method as recorded, the policy's `excess` it is net of, `offer_status` and the
         *     customer's answer. Never a settlement proposed and not yet approved, one turned down by the
         *     desk before it was offered, or the desk's notes.
         *
         *     Access: whoever may see the claim (staff see what the customer sees).
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["claims_settlement_offers_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/timeline/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a claim's timeline
         * @description Everything that happened to the claim in time order, each item typed: `status_changed`,
         *     `assigned`, `communication`, `reserve_changed`, `settlement_<status>`, `settlement_accepted`,
         *     `settlement_declined` (the customer's answer), `document_requested`, `document_request_fulfilled`,
         *     `document_request_cancelled` (with `kind`), `document`, `assessment_completed`, `catastrophe_tagged` and
         *     `catastrophe_untagged` (staff only: the event's code `from` and `to`, `automatic`), with its time,
         *     actor and detail; paged by number. Customers see what is meant for them: the messages to and from
         *     them (never internal notes), no reserve changes or assignments, only the settlements offered to
         *     them (`settlement_offered`, `settlement_paid`, their answer), the documents asked of them, and
         *     only the documents they uploaded.
         *
         *     Access: whoever may see the claim.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["claims_timeline_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{claim_id}/transition/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a claim to another status
         * @description The workflow: draft -> submitted -> under_review -> assessment -> approved or rejected;
         *     approved -> settlement -> settled -> closed; withdrawn from any state before approved; rejected
         *     or closed -> under_review (reopened). `to` is the new status, `reason` why (required to reject),
         *     `approved_amount` the amount approved (required to approve, within the caller's authority and the
         *     sum insured; the claim's assessment must be completed). Moving into `assessment` assigns the
         *     least-loaded qualified assessor if there is none. Every move is recorded in the status history,
         *     audited, published (`claim.status_changed`) and told to the customer. Concurrent moves queue: the
         *     second is refused if the first made it illegal. `settlement` and `settled` come from the
         *     settlement endpoints.
         *
         *     Access: customers may submit a draft and withdraw their own claim; agents, supervisors and admins
         *     who may see the claim make every move.
         *
         *     Errors: 400 `validation_error`, `reason_required`; 403 `permission_denied` (the caller's role may
         *     not make this move); 404 `not_found`; 409 `illegal_transition` (not allowed from the current
         *     status: `current_status` and `allowed` list the moves the caller may make); 409
         *     `transition_refused` (a guard said no: `reasons`, e.g. the assessment is not completed, the amount
         *     is above your authority or the sum insured). Sending a draft checks filing's rules again: 409
         *     `policy_not_active`, 400 `incident_outside_cover` (the draft stays a draft).
         */
        post: operations["claims_transition_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/assignees/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the staff of a department that claims can be assigned to
         * @description For bulk assignment: the `department`'s (default: the caller's) active agents, supervisors and
         *     assessors with their open-claim load.
         *
         *     Access: agents and supervisors for their own department; admins for any.
         *
         *     Errors: 403 `permission_denied` (another department, customers, assessors).
         */
        get: operations["claims_assignees_of_department"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/bulk/assign/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign an agent and/or an assessor to many claims
         * @description Each claim is assigned in its own transaction with its own checks (department, certification)
         *     and audit entry, as `POST /api/claims/{id}/assign/` would; `auto_assessor` picks the
         *     least-loaded qualified assessor per claim. The answer lists, per claim, what happened.
         *
         *     Access: agents, supervisors and admins.
         *
         *     Errors: 400 `validation_error`, `invalid_selection` (between 1 and 200 claims); 403
         *     `permission_denied`; 404 `not_found` (an unknown `agent` or `assessor`).
         */
        post: operations["claims_bulk_assign_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/bulk/message/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write to the customers of many claims
         * @description For each claim, in its own transaction: an outbound communication to the customer on the
         *     claim (its `channel`, `subject` and `body`, audited) and a notification to the customer by
         *     their own preferences for claim updates. Customers who chose Kiswahili get `subject_sw` and
         *     `body_sw` when given. A claim whose customer's account is closed is skipped
         *     (`customer_inactive`). The answer counts `succeeded`, `skipped` and `failed`, with a result per
         *     claim. An `Idempotency-Key` makes a retry answer the first answer and send nothing twice.
         *
         *     Access: agents, supervisors and admins, on the claims they may see (others answer
         *     `not_found` per claim).
         *
         *     Errors: 400 `validation_error`, `invalid_selection` (between 1 and 200 claims),
         *     `bad_idempotency_key`; 403 `permission_denied`; 409 `request_in_progress`; 422
         *     `idempotency_key_reused`.
         */
        post: operations["claims_bulk_message_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/bulk/reserve/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set one cost type's reserve on many claims by a rule
         * @description The claims are the selected `claims` (up to 200) or, with `catastrophe`, every open claim of
         *     that event the caller may see (up to 500). The `rule` gives the figure per claim: `basis`
         *     `fixed` sets `amount`; `basis` `estimate` sets `percent` of the claim's estimated cost, at
         *     least `floor` and at most `cap` (a claim without an estimate gets the `floor`, or is skipped
         *     `no_estimate`). With `only_raise` (default true) a reserve already above the figure is
         *     skipped (`would_lower`); the same figure is skipped (`unchanged`), and so is a claim no longer
         *     open (`claim_not_open`). Each claim is set in its own transaction under its own row lock as
         *     `POST /api/claims/{id}/reserves/` would, with the `reason` in its reserve history and audit
         *     entry; a figure above the caller's reserve authority is refused for that claim
         *     (`above_authority`: a supervisor sets it). The answer counts `succeeded`, `skipped` and
         *     `failed`, with a result per claim. An `Idempotency-Key` makes a retry answer the first answer.
         *
         *     Access: agents, supervisors and admins, on the claims they may see (others answer
         *     `not_found` per claim).
         *
         *     Errors: 400 `validation_error`, `invalid_selection` (between 1 and 200 claims),
         *     `too_many_claims` (an event with more than 500 open claims), `bad_idempotency_key`; 403
         *     `permission_denied`; 404 `not_found` (an unknown `catastrophe`); 409 `request_in_progress`; 422
         *     `idempotency_key_reused`.
         */
        post: operations["claims_bulk_reserve_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/bulk/transition/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move many claims to one status
         * @description Each claim is moved in its own transaction, under its own row lock, guard, status history and
         *     audit entry, as `POST /api/claims/{id}/transition/` would; a refusal for one claim leaves the
         *     others done. The answer counts `succeeded` and `failed` and lists, per claim in the order asked,
         *     what happened: `ok`, the `status` and `code` that claim alone would have answered (claims the
         *     caller cannot see answer `not_found`).
         *
         *     Access: agents, supervisors and admins.
         *
         *     Errors: 400 `validation_error`, `invalid_selection` (between 1 and 200 claims); 403
         *     `permission_denied`.
         */
        post: operations["claims_bulk_transition_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the claims of a filter as CSV
         * @description Takes the same filters, `search` and `ordering` as `GET /api/claims/` and streams every matching
         *     claim the caller may see (no pagination) as CSV, one row per claim; cells that a spreadsheet
         *     would read as formulas are escaped. The export is audited with its filters.
         *
         *     Access: agents, supervisors and admins.
         *
         *     Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied`.
         */
        get: operations["claims_export.csv_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/geo/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show claims on a map: points when few, grid clusters when many
         * @description The area is a box (`bbox=min_lon,min_lat,max_lon,max_lat`, GeoJSON's order, not across the
         *     antimeridian), a centre and radius (`lat`, `lon`, `radius_km` up to 1000) or a lasso
         *     (`polygon=lon,lat,...`). The claims list's filters and `search` apply as on
         *     `GET /api/claims/`. With at most `points_up_to` (500) matching claims the answer is
         *     `mode: points`, each claim with its number, status, priority and incident position; else
         *     `mode: clusters`: a grid over the area's box with square cells of `cell_size` degrees (a
         *     power of two, at most 64 cells on the box's longer side), each non-empty cell with its
         *     count, mean position, open count and counts by status. Claims without a recorded position
         *     are never on the map. Two queries at most, whatever the number of claims.
         *
         *     Access: as the claims list: customers their own claims; agents their department's claims
         *     and those assigned to them; assessors the claims assigned to them; supervisors their
         *     department's; admins all.
         *
         *     Errors: 400 `validation_error` with the parameter at fault and its code: `required` (no
         *     area), `conflicting_areas` (more than one), `invalid` (not numbers), `out_of_range`,
         *     `inverted` (min above max), `crosses_antimeridian`, `wider_than_world`, `not_positive` or
         *     `too_large` (the radius), `too_few_vertices`, `too_many_vertices`, `self_intersecting`,
         *     `degenerate` (the polygon); a malformed filter value as on the list.
         */
        get: operations["claims_geo_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the insurance companies
         * @description With their number of products and the average rating and count of their products' reviews,
         *     by name. Filter `active`; `search` in the name; `ordering` by `name`.
         *
         *     Access: anyone, without signing in; inactive ones are shown to admins only.
         *
         *     Errors: 400 `validation_error` (a malformed filter value).
         */
        get: operations["companies_list"];
        put?: never;
        /**
         * Add an insurance company to the catalogue
         * @description Access: admins.
         *
         *     Errors: 400 `validation_error` (e.g. a registration number already in the catalogue); 403
         *     `permission_denied`.
         */
        post: operations["companies_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies/{company_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show an insurance company
         * @description Access: anyone, without signing in; inactive ones are shown to admins only.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["companies_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit an insurance company
         * @description Setting `active` to false takes the company, and so its products, off sale: no new quotes;
         *     existing policies are unaffected.
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`.
         */
        patch: operations["companies_partial_update"];
        trace?: never;
    };
    "/api/dashboard/alerts/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the alerts the caller may see
         * @description Open alerts by default (filter `status` for the others), most severe first, then newest. Filters:
         *     `status`, `severity`, `kind`, `claim`, `department`; `ordering` by `created_at` or `severity`.
         *     Alerts flag what needs a person: possible duplicate claims, early claims, high values, SLA
         *     breaches, stalled claims, infected or mismatching documents, reused photos, risk flags.
         *
         *     Access: staff: the alerts of the claims they may see, and (agents and supervisors) their
         *     department's alerts not tied to a claim; admins all. Customers never see alerts.
         *
         *     Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied` (customers).
         */
        get: operations["dashboard_alerts_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/alerts/{alert_id}/acknowledge/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge an alert
         * @description Marks an open alert as acknowledged by the caller (recorded with the time) and tells the other
         *     staff who see it (`alert.acknowledged`).
         *
         *     Access: staff who may see the alert.
         *
         *     Errors: 403 `permission_denied` (customers); 404 `not_found`; 409 `alert_not_open`.
         */
        post: operations["dashboard_alerts_acknowledge_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/alerts/summary/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count the open alerts by severity
         * @description The open alerts the caller may see (the same ones `GET /api/dashboard/alerts/` lists), counted per
         *     severity with every severity named, for the dashboard's summary; `department` narrows them to one
         *     department's. Not cached: an acknowledgement shows at once.
         *
         *     Access: staff, over the alerts they may see (as the alert list).
         *
         *     Errors: 400 `validation_error` (an unknown department or parameter); 403 `permission_denied` (customers).
         */
        get: operations["dashboard_alerts_summary_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/assessments/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show the assessments overview: by status, overdue, completion and assessor load
         * @description Assessments in scope by status, scheduled ones past their time (`overdue`), in-progress ones by
         *     completion (`0-25` ... `76-100` percent) and the open assessments per assessor.
         *
         *     Access: staff. Agents and supervisors see their department (asking for another answers 403),
         *     assessors the claims assigned to them, admins every department or the one named in `department`.
         *
         *     Errors: 400 `validation_error` (a malformed date or department), `bad_range` (`from` after `to`,
         *     or more than 366 days); 403 `permission_denied` (customers), `not_your_department`.
         */
        get: operations["dashboard_assessments_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/claims/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show the claims overview: status by priority, ageing and work queues
         * @description `status_priority_matrix` counts claims per status and priority, `aging` open claims by days since
         *     they were filed, `my_queue` the caller's 20 open assigned claims (earliest SLA first) and
         *     `recently_changed` the 20 claims changed last in scope, as claim list items.
         *
         *     Access: staff. Agents and supervisors see their department (asking for another answers 403),
         *     assessors the claims assigned to them, admins every department or the one named in `department`.
         *
         *     Errors: 400 `validation_error` (a malformed date or department), `bad_range` (`from` after `to`,
         *     or more than 366 days); 403 `permission_denied` (customers), `not_your_department`.
         */
        get: operations["dashboard_claims_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/kpi/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show the desk's key figures
         * @description Open claims by status and priority, open SLA breaches, estimated exposure, and for the range
         *     (`from`, `to`; the last 30 days by default) new and settled claims, settled amounts, cycle times
         *     and approval and rejection rates, against the previous period of the same length; plus
         *     in-progress assessments. Read from rollups kept current by the services, cached for
         *     `DASHBOARD_CACHE_SECONDS` (15 s). An assessor receives their own claims' figures (no `range`,
         *     `new_claims`, `open_reserves`, `period` or `previous_period`; `assigned_in_period` instead).
         *
         *     Access: staff. Agents and supervisors see their department (asking for another answers 403),
         *     assessors the claims assigned to them, admins every department or the one named in `department`.
         *
         *     Errors: 400 `validation_error` (a malformed date or department), `bad_range` (`from` after `to`,
         *     or more than 366 days); 403 `permission_denied` (customers), `not_your_department`.
         */
        get: operations["dashboard_kpi_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/trend/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show claims filed and settled per day
         * @description One entry per day of the range, zeros included (so a chart's axis is the range itself): claims
         *     filed, claims settled and the amount settled. Read from the daily rollups; an assessor's from
         *     their own claims.
         *
         *     Access: staff. Agents and supervisors see their department (asking for another answers 403),
         *     assessors the claims assigned to them, admins every department or the one named in `department`.
         *
         *     Errors: 400 `validation_error` (a malformed date or department), `bad_range` (`from` after `to`,
         *     or more than 366 days); 403 `permission_denied` (customers), `not_your_department`.
         */
        get: operations["dashboard_trend_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the documents the caller may see
         * @description Newest first by default, paged by number. Filters: `kind`, `scan_status`, `processing_status`,
         *     `validation_status`, `file_type`, `claim`, `created_after`, `created_before`; `search` in the
         *     file name; `ordering` by `created_at`, `filename` or `file_size`.
         *
         *     Access: any signed-in user. Customers see the documents they uploaded; staff their own uploads
         *     and the documents of every claim they may see; admins everything.
         *
         *     Errors: 400 `validation_error` (a malformed filter value).
         */
        get: operations["documents_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{document_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a document with its extracted data and validation findings
         * @description `processed_data` holds the text extraction's fields (VIN, registration, policy and claim numbers,
         *     dates, amounts, names) each with a confidence; `validation_findings` what the validation against
         *     the claim found.
         *
         *     Access: whoever may see the document (see the list).
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["documents_retrieve"];
        put?: never;
        post?: never;
        /**
         * Delete a document
         * @description The document and its files (original, served copy, thumbnail) are removed.
         *
         *     Access: its uploader, and admins.
         *
         *     Errors: 403 `permission_denied` (someone who may see it but did not upload it); 404 `not_found`;
         *     409 `document_in_use` (an assessment's photo: delete the photo).
         */
        delete: operations["documents_destroy"];
        options?: never;
        head?: never;
        /**
         * Change a document's kind, file name or claim
         * @description Setting `kind` marks it as no longer guessed; attaching it to another claim (or to none, with
         *     `null`) resets its validation.
         *
         *     Access: whoever may see the document.
         *
         *     Errors: 400 `validation_error` (including a `claim` that does not exist or the caller may not
         *     see); 404 `not_found`.
         */
        patch: operations["documents_partial_update"];
        trace?: never;
    };
    "/api/documents/{document_id}/download/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a document's file
         * @description `variant`: `default` (the re-encoded copy of a photo, else the original), `original`, `served`
         *     (the re-encoded copy without personal metadata) or `thumbnail`. Sent as an attachment with a
         *     safe name and content type, never cached. With `signed=1` the answer is instead a short-lived
         *     signed URL to the object store (S3 storage only). Only clean files are served; admins may fetch
         *     an `unscanned` one, answered with an `X-Scan-Warning` header.
         *
         *     Access: whoever may see the document.
         *
         *     Errors: 400 `invalid_variant`, `signed_url_unavailable` (storage is not S3); 404 `not_found`,
         *     `no_served_copy`, `no_thumbnail`; 409 `not_clean` (pending, unscanned, infected or failed scan;
         *     `scan_status` says which).
         */
        get: operations["documents_download_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/process/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Process a document again
         * @description Queues text extraction (the PDF's text layer, else OCR of each page or image), field extraction
         *     and, for images, the served copy and thumbnail. Answers 202 with the document (`processing_status`
         *     `pending`); progress arrives as `document.processed` events. Asking again while it is queued
         *     is harmless.
         *
         *     Access: whoever may see the document.
         *
         *     Errors: 400 `validation_error`; 404 `not_found`; 409 `not_clean` (only clean documents are
         *     processed); 409 `already_processing`.
         */
        post: operations["documents_process_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/upload/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a document
         * @description `multipart/form-data` with the file in the part `file` (at most `DOCUMENTS_MAX_UPLOAD_BYTES`,
         *     25 MB by default) and optionally `kind` (guessed when left out), `claim` (a claim the caller may
         *     see) and `allow_duplicate`. The file is virus-scanned first; its type is decided by its content
         *     (PDF, JPEG, PNG, WebP, HEIC, TIFF, DOCX), never by its name; it is stored under a random key with
         *     its SHA-256. A clean file is then processed in the background (text, OCR, fields; see
         *     `document.processed` events). Where no scanner is available the document stays `unscanned` and is
         *     neither served nor processed until a scan says it is clean. Answers the document (201).
         *
         *     Access: any signed-in user.
         *
         *     Errors: 400 `validation_error` (no `file`, an unknown `kind`, a `claim` that does not exist or
         *     the caller may not see), `empty_file`; 409 `duplicate_document` (you uploaded the same file
         *     before; send `allow_duplicate=true` to keep both); 413 `file_too_large`; 415 `unsupported_type`;
         *     422 `corrupt_file`, `image_too_large` (more pixels than `DOCUMENTS_MAX_IMAGE_PIXELS`, judged from the
         *     header before the scan); 422 `file_too_complex` (an archive past the expansion, entry or nesting
         *     limits, judged before the scan, or a file past the virus scanner's own limits; nothing is stored);
         *     422 `infected` (the file is quarantined and never served; the problem names the `document`).
         */
        post: operations["documents_upload_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/uploads/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a resumable upload (or resume the open one of the same file)
         * @description JSON `{claim, document_type, filename, size, sha256, content_type?, allow_duplicate?}`: the
         *     whole file's size in bytes (at most `DOCUMENTS_MAX_UPLOAD_BYTES`) and its hex SHA-256. Answers
         *     201 with the upload (`offset` 0, `chunk_size` the advised chunk, `status` `open`, `expires_at`);
         *     while an upload of the same file (same caller, claim, `sha256` and `size`) is open, answers that
         *     one with 200 so that a reloaded page carries on from its `offset`. Then send the bytes with
         *     `PATCH /api/documents/uploads/{id}/`. An upload idle for `DOCUMENTS_UPLOAD_TTL_SECONDS` (24 h)
         *     expires and its bytes are removed.
         *
         *     Access: whoever may attach documents to the claim: its customer (their own claims) and staff
         *     who may see it.
         *
         *     Errors: 400 `validation_error` (a missing or malformed field, an unknown `document_type`, a
         *     `claim` that does not exist or the caller may not see), `empty_file` (size 0); 413
         *     `file_too_large` (`size` over the limit).
         */
        post: operations["documents_uploads_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/uploads/{upload_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a resumable upload and how many bytes arrived
         * @description `offset`: the bytes kept so far; its status; and its document once complete (with the document's
         *     `scan_status`). Ask this after a lost connection and send from `offset` on. `status`: `open` (taking bytes),
         *     `complete` (`document` is the result), `refused` (the intake refused the file: `error` is its
         *     code), `cancelled`, `expired`.
         *
         *     Access: its uploader, while they may see its claim.
         *
         *     Errors: 404 `not_found` (anyone else's upload, or none).
         */
        get: operations["documents_uploads_retrieve"];
        put?: never;
        post?: never;
        /**
         * Cancel a resumable upload; the bytes received so far are removed
         * @description Cancelling an upload that already ended without a document (refused, cancelled, expired)
         *     changes nothing.
         *
         *     Access: its uploader, while they may see its claim.
         *
         *     Errors: 404 `not_found`; 409 `upload_complete` (it made a document: delete the document).
         */
        delete: operations["documents_uploads_destroy"];
        options?: never;
        head?: never;
        /**
         * Send a chunk of the file
         * @description The body is the chunk's raw bytes (`Content-Type: application/offset+octet-stream`, at most
         *     `max_chunk_size`), starting at `Upload-Offset`, which must equal the upload's `offset`. Answers
         *     the upload with its new `offset` (also in the `Upload-Offset` header). The chunk that reaches
         *     `size` finishes the upload: the whole file's SHA-256 is checked against the one declared, then
         *     the file goes through the same intake as `POST /api/documents/upload/` (limits judged from its
         *     headers, virus scan, type by content, duplicate check, storage, processing queued) and the answer
         *     has `status` `complete` and the `document`. Sending the last chunk again after a complete upload
         *     (its answer was lost) answers the complete upload only with an empty body at `offset` = `size`;
         *     otherwise GET it.
         *
         *     Access: its uploader, while they may see its claim.
         *
         *     Errors: 400 `invalid_upload_offset` (missing or not a number), `unsupported_checksum_algorithm`,
         *     `invalid_checksum`; 404 `not_found`; 409 `offset_mismatch` (the problem's `offset` is where the
         *     server is: send from there), `upload_not_open` (complete, refused or cancelled: `upload_status`
         *     says which); 410 `upload_expired`; 413 `chunk_too_large` (over `max_chunk_size`), `chunk_past_end`
         *     (beyond `size`); 415 `unsupported_media_type`; 422 `chunk_checksum_mismatch` (the chunk was not
         *     kept; send it again). On the last chunk: 422 `checksum_mismatch` (the file differs from the
         *     declared SHA-256: the upload is reset to offset 0, send the file again); and the single upload's
         *     refusals, after which the upload is `refused` and its bytes removed: 409 `duplicate_document`,
         *     415 `unsupported_type`, 415 `not_an_image` (a `photo` that is not an image), 422 `corrupt_file`,
         *     `image_too_large`, `file_too_complex`, `infected` (quarantined, never served; the problem names
         *     the `document`).
         */
        patch: operations["documents_uploads_partial_update"];
        trace?: never;
    };
    "/api/documents/validate/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate a document against its claim
         * @description Compares the extracted fields with the claim, its vehicle and its policy (VIN and registration
         *     match, dates inside the policy period, plausible amounts) and records `validation_status` and
         *     `validation_findings`; a mismatch raises an alert for the claim's staff.
         *
         *     Access: whoever may see the document.
         *
         *     Errors: 400 `validation_error`; 404 `not_found`; 409 `not_processed` (process it first); 409
         *     `no_claim` (not attached to a claim).
         */
        post: operations["documents_validate_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/imports/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the imports the caller may see
         * @description Newest first, paged by number, each with its counts (rows, processed, created, refused, replayed).
         *
         *     Access: supervisors (their department's imports, their partners' included), admins (all), a
         *     partner through its API key (its own).
         *
         *     Errors: 403 `permission_denied` (other roles).
         */
        get: operations["intake_imports_list"];
        put?: never;
        /**
         * Import a file of incidents (or check it with `dry_run`)
         * @description `multipart/form-data` with the file in `file` (CSV or XLSX, judged by its content; at most
         *     `INTAKE_MAX_BYTES`, 5 MB, and `INTAKE_MAX_ROWS`, 20,000 lines; the layout is in docs/intake.md)
         *     and `dry_run`. A dry run answers 200 with every row's result (`valid`, `refused` with its reasons,
         *     `replayed` with the claim an earlier import made of it) and writes nothing. Otherwise the rows are
         *     stored and a job turns them into claims in batches (progress as `intake.progress` events, then
         *     `intake.finished`); the answer is the import (202). The same file again answers the earlier import
         *     (200, `replayed: true`); a row imported before (same `external_reference`, else same values) is
         *     `replayed`, never filed twice. Each row is checked as a claim's first notice of loss is.
         *
         *     Access: supervisors (policies of their department), admins, and partners through their API key
         *     (the policies in their scope).
         *
         *     Errors: 400 `validation_error` (no file), `empty_file`, `no_rows`, `wrong_columns` (the problem
         *     lists the expected columns), `mixed_encoding` (names the line), `undecodable`, `malformed_csv`;
         *     403 `permission_denied`; 413 `file_too_large`, `too_many_rows`, `file_too_complex`;
         *     415 `unsupported_type`; 422 `corrupt_file`.
         */
        post: operations["intake_imports_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/imports/{import_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show an import with its counts
         * @description Access: whoever may see the import (see the list).
         *
         *     Errors: 403 `permission_denied` (other roles); 404 `not_found`.
         */
        get: operations["intake_imports_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/imports/{import_id}/report.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an import's report as CSV
         * @description One line per row of the file: its line number, status, the claim number it became, its external
         *     reference and policy number, and the reasons it was refused. Text a spreadsheet could read as a
         *     formula is escaped with a leading apostrophe.
         *
         *     Access: whoever may see the import.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`.
         */
        get: operations["intake_imports_report.csv_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/imports/{import_id}/resume/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume an interrupted import
         * @description Runs the job again over the rows still pending (rows already done are never redone). Imports
         *     are also resumed by running the job again from a worker.
         *
         *     Access: whoever may see the import.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`; 409 `import_finished`.
         */
        post: operations["intake_imports_resume_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/imports/{import_id}/rows/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an import's rows with their results
         * @description In the file's order, paged by number: each row's line, status (`pending`, `created`, `refused`,
         *     `replayed`), the claim it became, its normalised values and, when refused, why. Filter by `status`.
         *
         *     Access: whoever may see the import.
         *
         *     Errors: 400 `validation_error` (an unknown status); 403 `permission_denied`; 404 `not_found`.
         */
        get: operations["intake_imports_rows_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/partners/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the intake partners (fleet owners and brokers)
         * @description Access: admins.
         *
         *     Errors: 403 `permission_denied`.
         */
        get: operations["intake_partners_list"];
        put?: never;
        /**
         * Add an intake partner
         * @description `kind` is `fleet_owner` or `broker`; `department` (motor by default) decides whose supervisors see
         *     its imports.
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error` (including a name already taken); 403 `permission_denied`.
         */
        post: operations["intake_partners_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/partners/{partner_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show an intake partner
         * @description Access: admins.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`.
         */
        get: operations["intake_partners_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an intake partner (an inactive partner's keys are refused)
         * @description Access: admins.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`.
         */
        patch: operations["intake_partners_partial_update"];
        trace?: never;
    };
    "/api/intake/partners/{partner_id}/keys/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a partner's API keys (their prefixes, never the keys)
         * @description Access: admins.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`.
         */
        get: operations["intake_partners_keys_list"];
        put?: never;
        /**
         * Make an API key for a partner
         * @description The answer holds the key itself, this once: only its hash is kept. The partner sends it as
         *     `Authorization: Api-Key <key>` to the import endpoints (and nowhere else).
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`.
         */
        post: operations["intake_partners_keys_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/partners/{partner_id}/keys/{key_id}/revoke/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a partner's API key (at once; revoking twice is harmless)
         * @description Access: admins.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`.
         */
        post: operations["intake_partners_keys_revoke_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/partners/{partner_id}/policies/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bring policies into a partner's scope or take them out
         * @description `add` and `remove` list policy numbers; the answer lists the policy numbers in scope afterwards.
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error` (a policy number that does not exist); 403 `permission_denied`;
         *     404 `not_found`.
         */
        post: operations["intake_partners_policies_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/claims/{claim_id}/enrichment/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show what outside sources said about a claim
         * @description The incident's place (geocoded), the policyholder's home, the distance between them, the weather
         *     at the incident's place and time, the vehicle checks' state, and the risk flags drawn from them
         *     (`status`: `pending`, `partial` with parts to retry, `complete`). Risk flags are internal.
         *
         *     Access: staff who may see the claim.
         *
         *     Errors: 403 `permission_denied` (customers); 404 `not_found` (a claim the caller may not see, or
         *     one not enriched yet).
         */
        get: operations["integrations_claims_enrichment_retrieve"];
        put?: never;
        /**
         * Enrich a claim again
         * @description Runs the enrichment in the background (202): parts already answered are not fetched again, unless
         *     `refresh` is true (the incident's place or time changed), which forgets the place, the weather and
         *     the flags and fetches them anew. Asking twice is harmless.
         *
         *     Access: staff who may see the claim.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied` (customers); 404 `not_found`; 409
         *     `enrichment_disabled` (`INTEGRATIONS_ENRICH_CLAIMS` is off).
         */
        post: operations["integrations_claims_enrichment_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/geocode/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find places matching an address or place name
         * @description Nominatim (OpenStreetMap) results for `q`, optionally limited to `countrycodes` (comma-separated
         *     ISO 3166-1 alpha-2 codes, e.g. `ke,ug`): name, latitude, longitude and address parts.
         *
         *     A provider's failure never fails the request: the answer's `status` says what happened (`ok`,
         *     `not_found`, `not_configured`, `unavailable` while its circuit breaker is open, `rate_limited`
         *     with `retry_after`, `failed`) and `data` is there when it is `ok`. Answers are cached
         *     (`from_cache`).
         *
         *     Access: staff, and customers (to say where an incident happened when they report a claim).
         *
         *     Errors: 400 `validation_error` (no `q`, malformed `countrycodes`), or the provider's code when it
         *     refuses the input.
         */
        get: operations["integrations_geocode_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/geocode/reverse/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find the address at a point
         * @description Nominatim (OpenStreetMap) reverse geocoding of `lat`, `lon`.
         *
         *     A provider's failure never fails the request: the answer's `status` says what happened (`ok`,
         *     `not_found`, `not_configured`, `unavailable` while its circuit breaker is open, `rate_limited`
         *     with `retry_after`, `failed`) and `data` is there when it is `ok`. Answers are cached
         *     (`from_cache`).
         *
         *     Access: staff, and customers (their location, when they report a claim).
         *
         *     Errors: 400 `validation_error` (missing or out-of-range `lat` or `lon`), or the provider's code
         *     when it refuses the input.
         */
        get: operations["integrations_geocode_reverse_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/vin/{vin}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Decode a VIN
         * @description `offline`: what the VIN itself says (ISO 3779 structure, manufacturer from its WMI, country,
         *     possible model years), always there; `online`: NHTSA vPIC's detail when that provider is
         *     reachable (a lookup result: see its `status`). North American VINs must carry a correct check
         *     digit; European VINs carry none. Limited per caller (`THROTTLE_VIN_DECODE`, 30 a minute by
         *     default).
         *
         *     Access: staff; customers (the quote page, as they type their car's VIN) get the `offline` part
         *     only (`online` is null).
         *
         *     Errors: 400 `vin_length` (not 17 characters), `vin_characters` (I, O, Q or anything but capital
         *     letters and digits), `vin_check_digit`; 403 `permission_denied` (neither staff nor a customer);
         *     429 `throttled`.
         */
        get: operations["integrations_vin_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/weather/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Look up the weather at a place and time
         * @description Open-Meteo's hourly conditions at `lat`, `lon` at the hour of `at` (ISO 8601, default now): its
         *     archive for older dates, its forecast API for the recent past.
         *
         *     A provider's failure never fails the request: the answer's `status` says what happened (`ok`,
         *     `not_found`, `not_configured`, `unavailable` while its circuit breaker is open, `rate_limited`
         *     with `retry_after`, `failed`) and `data` is there when it is `ok`. Answers are cached
         *     (`from_cache`).
         *
         *     Access: staff.
         *
         *     Errors: 400 `validation_error` (missing or out-of-range `lat` or `lon`, a malformed `at`),
         *     `future_time`, or the provider's code when it refuses the input; 403 `permission_denied` (customers).
         */
        get: operations["integrations_weather_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your notifications
         * @description Your in-app inbox, newest first, with cursor pagination: what happened (`kind`, `topic`,
         *     `title`, `body`), a `link` to the page about it, and `read_at`. Filters: `unread`, `topic`,
         *     `kind`, `created_after`. New ones also arrive live as `notification.created` events. Which topics
         *     reach the inbox, e-mail or SMS is set in `/api/auth/me/notification-preferences/`.
         *
         *     Access: any signed-in user; everyone (admins too) sees only their own.
         *
         *     Errors: 400 `validation_error` (a malformed filter value).
         */
        get: operations["notifications_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{notification_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show one of your notifications
         * @description Access: its recipient.
         *
         *     Errors: 404 `not_found` (no such notification, or someone else's).
         */
        get: operations["notifications_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{notification_id}/read/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of your notifications as read
         * @description Marking a read notification again changes nothing (its first `read_at` stays).
         *
         *     Access: its recipient.
         *
         *     Errors: 404 `not_found`.
         */
        post: operations["notifications_read_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all your notifications as read
         * @description Answers how many were unread (`marked_read`); calling it again answers 0.
         *
         *     Access: any signed-in user, for their own notifications.
         *
         *     Errors: none of its own.
         */
        post: operations["notifications_read_all_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/bank-statements/reconcile/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reconcile a bank statement
         * @description `multipart/form-data` with a UTF-8 CSV `file` (at most 5 MB) with the columns `date`,
         *     `reference`, `amount`, `currency` and `bank_reference`. Each line is matched to a pending
         *     transfer by its reference, currency and exact amount and credits it; a bank line is credited at
         *     most once ever, so uploading the same statement twice is harmless. The answer lists the lines
         *     `matched`, `already_credited` and `unmatched` (with the reason).
         *
         *     Access: supervisors and admins.
         *
         *     Errors: 400 `validation_error` (no file), `bad_statement` (not UTF-8, or columns missing); 403
         *     `permission_denied`; 413 `statement_too_large`.
         */
        post: operations["payments_bank_statements_reconcile_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/bank-transfers/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay a policy's instalment by bank transfer
         * @description Records a `pending` transfer for the policy's next due instalment (or the `instalment` named)
         *     and answers 201 with our bank details (`pay_to`) and the `reference` the customer must quote.
         *     The payment succeeds when a bank statement with that reference and the exact amount is
         *     reconciled.
         *
         *     Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
         *     request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
         *     and does nothing twice; the same key with another body answers 422 `idempotency_key_reused`, and
         *     409 `request_in_progress` while the first runs.
         *
         *     Access: the policy's customer; staff and admins on their behalf.
         *
         *     Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`,
         *     `instalment_mismatch`, `currency_mismatch`, `amount_mismatch` (it must be the instalment's
         *     amount); 404 `not_found`; 409 `policy_not_payable` (only a policy awaiting payment, active or
         *     lapsed takes payment), `nothing_due`, `instalment_paid`, `request_in_progress`; 422
         *     `idempotency_key_reused`.
         */
        post: operations["payments_bank_transfers_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/card/intents/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a card payment of a policy's instalment
         * @description Creates a payment intent with the card provider (`CARD_PROVIDER`: Stripe, or the sandbox of the
         *     embedded default) for the policy's next due instalment, or the `instalment` named. Answers 201
         *     with the `pending` transaction and the intent's `client_secret`, which the web app hands to the
         *     provider's card form; the result arrives by the provider's webhook.
         *
         *     An instalment has at most one open card payment: while one is pending, asking again answers that
         *     payment and its `client_secret` (nothing new is created), so however often the customer asks, the
         *     card is charged once; when the instalment is paid another way, its open card payment is cancelled.
         *
         *     Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
         *     request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
         *     and does nothing twice; the same key with another body answers 422 `idempotency_key_reused`, and
         *     409 `request_in_progress` while the first runs.
         *
         *     Access: the policy's customer; staff and admins on their behalf.
         *
         *     Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`,
         *     `instalment_mismatch`, `currency_mismatch`, `amount_mismatch` (it must be the instalment's
         *     amount); 404 `not_found`; 409 `policy_not_payable` (only a policy awaiting payment, active or
         *     lapsed takes payment), `nothing_due`, `instalment_paid`, `payment_in_progress` (the open card
         *     payment is being started or completed: its result comes shortly), `request_in_progress`; 422
         *     `idempotency_key_reused`; 502 `card_provider_unavailable`.
         */
        post: operations["payments_card_intents_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/card/sandbox/{transaction_id}/settle/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Settle a sandbox card payment
         * @description Plays the customer's bank for a payment made with the sandbox card provider (the embedded
         *     default): `outcome` `succeeded` credits the instalment (the policy may turn active), `failed`
         *     fails it. A payment whose instalment was paid meanwhile is `cancelled` instead: nothing is
         *     collected twice. Exists only outside production, and only while `CARD_PROVIDER` is `sandbox`.
         *
         *     Access: whoever may see the transaction.
         *
         *     Errors: 400 `validation_error`; 404 `not_found` (also when the card provider is not the
         *     sandbox); 409 `not_sandbox`, `already_settled`.
         */
        post: operations["payments_card_sandbox_settle_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/card/webhook/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a card payment result (Stripe webhook)
         * @description `payment_intent.succeeded`, `payment_intent.payment_failed` and `payment_intent.canceled` events
         *     settle the payment they are about, once; other event types are acknowledged and ignored.
         *
         *     Access: the card provider: no user token; the `Stripe-Signature` header must verify with
         *     `STRIPE_WEBHOOK_SECRET` and be recent.
         *
         *     Errors: 400 `bad_signature`, `malformed_webhook`; 404 `unknown_intent` (no payment waits for
         *     this intent).
         */
        post: operations["payments_card_webhook_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/mpesa/b2c/result/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive an M-Pesa payout result (Daraja B2C ResultURL)
         * @description `Result` with `OriginatorConversationID` (our payout's reference), `ConversationID`, `ResultCode`
         *     and `ResultParameters`: 0 pays the payout with its `TransactionReceipt` (`payout.succeeded`; a
         *     claim settlement's claim turns `settled`), anything else fails it with `ResultDesc`
         *     (`payout.failed`; the claim goes back to its agent, a refund is asked for again). A repeat, or a
         *     result for a payout already final, changes nothing (`duplicate`). Answered in Daraja's format.
         *
         *     Access: Daraja: no user token; the `token` query parameter must be the callback secret
         *     (`MPESA_CALLBACK_SECRET`) that was in the ResultURL we gave it.
         *
         *     Errors: 400 `malformed_callback`; 403 `bad_callback_token`; 404 `unknown_payout`; 409
         *     `conversation_mismatch` (not the ConversationID M-Pesa gave for this payout), `payout_not_sent`.
         */
        post: operations["payments_mpesa_b2c_result_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/mpesa/b2c/status-result/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive the answer to an M-Pesa transaction status query about a payout
         * @description `Result.ReferenceData` carries our payout's reference (the query's `Occasion`). `TransactionStatus`
         *     `Completed` pays the payout with its `ReceiptNo`; another status fails it; M-Pesa having no such
         *     transaction fails a payout sent long enough ago (it never left). Idempotent, as the result.
         *
         *     Access: Daraja: no user token; the `token` query parameter must be the callback secret.
         *
         *     Errors: 400 `malformed_callback`; 403 `bad_callback_token`; 404 `unknown_payout`; 409 `payout_not_sent`.
         */
        post: operations["payments_mpesa_b2c_status_result_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/mpesa/b2c/timeout/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive an M-Pesa queue timeout (Daraja B2C QueueTimeOutURL)
         * @description The payout's request was not processed in time; M-Pesa may still have paid it, so it is not
         *     failed: its status is asked at once (the transaction status query), whose answer settles it.
         *
         *     Access: Daraja: no user token; the `token` query parameter must be the callback secret.
         *
         *     Errors: 400 `malformed_callback`; 403 `bad_callback_token`; 404 `unknown_payout`.
         */
        post: operations["payments_mpesa_b2c_timeout_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/mpesa/callback/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive an M-Pesa payment result (Daraja callback)
         * @description Daraja's STK callback (`Body.stkCallback` with `CheckoutRequestID`, `ResultCode` and the
         *     metadata) for a push we made. A success credits the instalment once however many times the
         *     callback comes (repeats answer `duplicate`); a failure, or an amount below what is due, fails
         *     the payment. Always answered in Daraja's format (`ResultCode` 0) when accepted.
         *
         *     Access: Daraja: no user token; the `token` query parameter must be the callback secret
         *     (`MPESA_CALLBACK_SECRET`) that was in the callback URL we gave it.
         *
         *     Errors: 400 `malformed_callback`; 403 `bad_callback_token`; 404 `unknown_checkout` (no payment
         *     waits for this CheckoutRequestID).
         */
        post: operations["payments_mpesa_callback_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/mpesa/stk-push/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay a policy's instalment by M-Pesa (STK push)
         * @description Sends an M-Pesa payment prompt to `phone` (a Kenyan number, e.g. `0712345678` or `2547...`) for
         *     the policy's next due instalment, or the `instalment` named; `amount` and `currency`, when
         *     given, must match it. Answers 202 with the `pending` transaction: the customer enters their PIN
         *     on the phone, Daraja calls back and the payment succeeds or fails (`payment.succeeded` /
         *     `payment.failed` events; the policy turns active on its first payment). A push whose callback
         *     never comes is settled by asking Daraja for its status later.
         *
         *     Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
         *     request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
         *     and does nothing twice; the same key with another body answers 422 `idempotency_key_reused`, and
         *     409 `request_in_progress` while the first runs.
         *
         *     Access: the policy's customer; staff and admins on their behalf.
         *
         *     Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`,
         *     `invalid_phone`, `instalment_mismatch`, `currency_mismatch`, `amount_mismatch` (it must be the
         *     instalment's amount); 404 `not_found` (a policy or instalment the caller may not see); 409
         *     `policy_not_payable` (only a policy awaiting payment, active or lapsed takes payment),
         *     `nothing_due`, `instalment_paid`, `currency_unsupported` (M-Pesa takes KES only),
         *     `request_in_progress`; 422 `idempotency_key_reused`; 502 `mpesa_unavailable` (Daraja refused the
         *     push; the transaction is failed); 503 `mpesa_not_configured`.
         */
        post: operations["payments_mpesa_stk_push_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/payout-batches/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List bank payout files
         * @description Each file made: its reference, currency, number of lines and total, who made it and when; newest
         *     first, paged by number.
         *
         *     Access: supervisors and admins.
         *
         *     Errors: 403 `permission_denied`.
         */
        get: operations["payments_payout_batches_list"];
        put?: never;
        /**
         * Make a bank payout file
         * @description Puts every released, pending bank payout in `currency` (default KES) not yet in a file into one
         *     new file (CSV layout in docs/operations.md; download it from `download/`), once: a payout is in
         *     one file only. Each line carries the payout's reference, which the bank quotes on its statement;
         *     reconciling the statement (`POST /api/payments/bank-statements/reconcile/`) marks it paid.
         *
         *     Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
         *     request with the same key answers the first answer again and makes one file.
         *
         *     Access: supervisors and admins.
         *
         *     Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`; 403
         *     `permission_denied`; 409 `nothing_to_pay`, `request_in_progress`; 422 `idempotency_key_reused`.
         */
        post: operations["payments_payout_batches_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/payout-batches/{batch_id}/download/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a bank payout file (CSV)
         * @description The file as made (columns `reference`, `payee_name`, `amount`, `currency`, `narrative`), to hand
         *     to the bank. Downloading it again gives the same file; it pays nothing by itself.
         *
         *     Access: supervisors and admins.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`.
         */
        get: operations["payments_payout_batches_download_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/payouts/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payouts (money out)
         * @description Every outgoing payment (claim settlements, refund payouts), newest first, paged by number: the
         *     transaction with its payee, the claim it settles or the refund it pays. Filters: `status`
         *     (`pending`, `succeeded`, `failed`, ...), `payout_stage` (`awaiting_approval`: held above its
         *     payer's authority for a supervisor to release; `ready`, `sent`, `batched`, `confirming`),
         *     `method`; `search` in our reference and the provider's receipt number.
         *
         *     Access: supervisors and admins.
         *
         *     Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied`.
         */
        get: operations["payments_payouts_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/refunds/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List refunds
         * @description Refund requests with their amount, reason, status (`requested`, `approved`, `rejected`), who
         *     asked and decided, and the payout; paged by number. Filters: `status`, `transaction`.
         *
         *     Access: customers see the refunds of their payments; agents, supervisors and admins all;
         *     assessors those of the claims assigned to them.
         *
         *     Errors: 400 `validation_error` (a malformed filter value).
         */
        get: operations["payments_refunds_list"];
        put?: never;
        /**
         * Request a refund of a payment
         * @description Asks for `amount` (at most what is left of the payment after earlier refunds) back from a
         *     succeeded incoming `transaction`, with a `reason`; staff then decide. Answers the request (201).
         *
         *     Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
         *     request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
         *     and does nothing twice; the same key with another body answers 422 `idempotency_key_reused`, and
         *     409 `request_in_progress` while the first runs.
         *
         *     Access: the payment's customer; staff and admins.
         *
         *     Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`,
         *     `refund_too_large`; 404 `not_found`; 409 `not_refundable` (not a succeeded incoming payment),
         *     `request_in_progress`; 422 `idempotency_key_reused`.
         */
        post: operations["payments_refunds_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/refunds/{refund_id}/decision/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or reject a refund request
         * @description `approve: false` rejects it (with a `note`). `approve: true` creates the payout: card refunds
         *     are sent to the card provider at once; M-Pesa and bank refunds are `pending` until finance
         *     confirms them (`POST /api/payments/transactions/{id}/payout/`). The payment becomes refunded or
         *     partially refunded; an active policy all of whose payments are refunded is cancelled.
         *
         *     Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
         *     request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
         *     and does nothing twice; the same key with another body answers 422 `idempotency_key_reused`, and
         *     409 `request_in_progress` while the first runs.
         *
         *     Access: agents, supervisors and admins; whoever requested a refund may not approve it too
         *     (admins excepted).
         *
         *     Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`; 403
         *     `permission_denied` (customers, assessors), `maker_checker`; 404 `not_found`; 409
         *     `already_decided`, `refund_too_large`, `request_in_progress`; 422 `idempotency_key_reused`; 502
         *     `card_provider_unavailable`.
         */
        post: operations["payments_refunds_decision_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/schedules/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payment schedules
         * @description Each policy's plan (annual, quarterly, monthly) with its instalments: amount, due date, status
         *     (`due`, `paid`, `waived`) and when paid; paged by number. Filters: `policy`, `plan`.
         *
         *     Access: customers see their own; agents, supervisors and admins all;
         *     assessors those of the claims assigned to them.
         *
         *     Errors: 400 `validation_error` (a malformed filter value).
         */
        get: operations["payments_schedules_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/schedules/{schedule_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a payment schedule with its instalments
         * @description Access: the policy's customer; staff and admins.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["payments_schedules_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/transactions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payments and payouts
         * @description Incoming payments (premiums) and outgoing ones (refund payouts, claim settlements) with their
         *     method, amount, status and references; paged by number. Filters: `status`, `method`,
         *     `direction` (`in`, `out`), `policy`; `search` in our reference and the provider's receipt
         *     number, or a whole phone number (sealed: matched exactly by its blind index, never in part);
         *     `ordering` by `created_at` or `amount`.
         *
         *     Access: customers see their own; agents, supervisors and admins all;
         *     assessors those of the claims assigned to them.
         *
         *     Errors: 400 `validation_error` (a malformed filter value).
         */
        get: operations["payments_transactions_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/transactions/{transaction_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a payment or payout
         * @description Access: its customer; staff and admins.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["payments_transactions_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/transactions/{transaction_id}/payout/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a payout made by finance
         * @description Records that a pending outgoing payment (an M-Pesa B2C or bank refund) was paid, with the
         *     provider's reference; the payout succeeds (`payment.payout_confirmed`).
         *
         *     Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
         *     request with the same key and body answers the first answer again (`Idempotent-Replayed: true`)
         *     and does nothing twice; the same key with another body answers 422 `idempotency_key_reused`, and
         *     409 `request_in_progress` while the first runs.
         *
         *     Access: supervisors and admins.
         *
         *     Errors: 400 `validation_error`, `idempotency_key_required`, `bad_idempotency_key`; 403
         *     `permission_denied`; 404 `not_found`; 409 `not_a_pending_payout`, `reference_used` (the
         *     reference is already on another payment), `request_in_progress`; 422 `idempotency_key_reused`.
         */
        post: operations["payments_transactions_payout_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/transactions/{transaction_id}/payout/release/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release a payout held above its payer's authority
         * @description A payout larger than its payer's payout authority (`PAYOUT_AUTHORITY_LIMITS`) waits
         *     (`payout_stage` `awaiting_approval`); a supervisor or admin within their own authority, other than
         *     the payer (admins excepted), releases it and it goes on its way: M-Pesa by B2C, a bank payout into
         *     the next payout file, a cheque to finance.
         *
         *     Requires an `Idempotency-Key` header (400 `idempotency_key_required` without it): a retried
         *     request with the same key answers the first answer again and does nothing twice.
         *
         *     Access: supervisors and admins.
         *
         *     Errors: 400 `idempotency_key_required`, `bad_idempotency_key`; 403 `permission_denied`,
         *     `above_authority`, `maker_checker`; 404 `not_found`; 409 `not_awaiting_approval`,
         *     `request_in_progress`; 422 `idempotency_key_reused`.
         */
        post: operations["payments_transactions_payout_release_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policies/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the policies the caller may see
         * @description Paged by number. Filters: `status`, `customer`, `vehicle`, `payment_plan`,
         *     `policy_type__category`; `search` in policy number, or a whole registration (sealed: matched
         *     exactly by its blind index, never in part); `ordering` by
         *     `created_at`, `start_date`, `end_date` or `premium`.
         *
         *     Access: customers see their own policies (quotes included); agents, supervisors and admins
         *     all; assessors those of the claims assigned to them.
         *
         *     Errors: 400 `validation_error` (a malformed filter value).
         */
        get: operations["policies_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policies/{policy_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a policy
         * @description Access: its customer; staff and admins.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["policies_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policies/{policy_id}/accept/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a quote
         * @description The quote becomes `pending_payment` and its instalment schedule is made (one payment, or
         *     quarterly or monthly instalments); the policy turns `active` when the first payment succeeds.
         *
         *     Access: the customer; agents, supervisors and admins on their behalf.
         *
         *     Errors: 403 `permission_denied` (assessors); 404 `not_found`; 409 `illegal_transition` (not a
         *     quote; `current_status` and `allowed_from` say why); 409 `quote_expired`; 409
         *     `overlapping_policy` (the vehicle already has a policy in this category for overlapping dates).
         */
        post: operations["policies_accept_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policies/{policy_id}/cancel/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a policy
         * @description A quote, a policy awaiting payment or an active policy is cancelled with a `reason`; the time is
         *     recorded. The pro-rata refund of what was paid (shown beforehand by `GET
         *     /api/policies/{id}/cancellation-quote/`) is asked for in the same transaction, one refund per
         *     payment, for staff to decide.
         *
         *     Access: the customer; agents, supervisors and admins on their behalf.
         *
         *     Errors: 400 `validation_error` (no `reason`); 403 `permission_denied` (assessors); 404
         *     `not_found`; 409 `illegal_transition` (already cancelled, lapsed or expired).
         */
        post: operations["policies_cancel_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policies/{policy_id}/cancellation-quote/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show the refund cancelling a policy today would give
         * @description The premium earned by the days covered (the day of cancellation included) is kept; the rest
         *     of what was paid is the `refund`, which `POST /api/policies/{id}/cancel/` asks for (the same
         *     computation; staff then decide it as any refund). Nothing is written.
         *
         *     Access: whoever may see the policy.
         *
         *     Errors: 404 `not_found`; 409 `illegal_transition` (the policy can no longer be cancelled).
         */
        get: operations["policies_cancellation_quote_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policies/{policy_id}/certificate.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the certificate of insurance (PDF)
         * @description For an active motor policy: the insurer's certificate number (given when the policy turned
         *     active), the vehicle's registration, the period of cover and the insurer. Each download is
         *     audited.
         *
         *     Access: its customer; staff as they may see the policy.
         *
         *     Errors: 404 `not_found`; 409 `no_certificate` (not a motor policy, or not active).
         */
        get: operations["policies_certificate.pdf_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policies/{policy_id}/history/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a policy's history
         * @description Every status it went through (quote, pending payment, active, ...), when it entered and left each,
         *     who moved it and why.
         *
         *     Access: its customer; staff and admins.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["policies_history_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policies/{policy_id}/renew/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Renew a policy
         * @description Makes a new quote (201) for the same product, vehicle, plan and add-ons, starting the day after
         *     this policy ends (or today), priced at today's rules; accept it as any quote. Renewal opens 60
         *     days before an active policy's end date; an expired policy may be renewed at any time.
         *
         *     Access: the customer; agents, supervisors and admins on their behalf.
         *
         *     Errors: 403 `permission_denied` (assessors); 404 `not_found`; 409 `illegal_transition` (neither
         *     active nor expired), `too_early_to_renew`, `already_renewed`, `product_unavailable`.
         */
        post: operations["policies_renew_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policies/{policy_id}/reviews/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the reviews of a policy's product
         * @description As `GET /api/policy-types/{type_id}/reviews/`, for the product this policy is for.
         *
         *     Access: whoever may see the policy.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["policies_reviews_list"];
        put?: never;
        /**
         * Review the product of your policy
         * @description A `rating` (1-5) and a `text`, once per product.
         *
         *     Access: the customer who holds the policy.
         *
         *     Errors: 400 `validation_error`; 403 `customers_only`; 404 `not_found`; 409 `already_reviewed`.
         */
        post: operations["policies_reviews_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policies/{policy_id}/schedule.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the policy schedule (PDF)
         * @description Made now from the policy: the insurer, the product, the policyholder, the vehicle, the period,
         *     the sum insured, the premium and its breakdown, the add-ons and the instalment plan. Each
         *     download is audited.
         *
         *     Access: its customer; staff as they may see the policy (assessors: the policies of their
         *     claims).
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["policies_schedule.pdf_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policies/quote/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a quote for a product
         * @description Prices `policy_type` for the customer: a motor product needs the customer's `vehicle` (its
         *     estimated value is the sum insured unless `sum_insured` is given), others a `sum_insured`; with
         *     `start_date` (default today), `payment_plan` (annual, quarterly, monthly) and `addons`. The
         *     answer (201) is a policy in status `quote` with its premium and price breakdown, valid for 30
         *     days; accept it with `POST /api/policies/{id}/accept/`.
         *
         *     Access: customers, for themselves; staff and admins for a customer named in `customer`.
         *
         *     Errors: 400 `validation_error`, `customer_required` (staff did not name the customer),
         *     `vehicle_required`, `vehicle_not_owned`, `sum_insured_required`, `start_in_past`; 404
         *     `not_found` (the product, the vehicle, or a customer naming someone else); 409
         *     `product_unavailable` (not on sale).
         */
        post: operations["policies_quote_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policy-categories/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the product categories
         * @description Motor, health, life, home, travel, ... in display order, with their number of products; not
         *     paginated.
         *
         *     Access: anyone, without signing in.
         *
         *     Errors: none of its own.
         */
        get: operations["policy_categories_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policy-categories/{slug}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a product category
         * @description Access: anyone, without signing in.
         *
         *     Errors: 404 `not_found` (no category with that slug).
         */
        get: operations["policy_categories_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policy-types/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the insurance products
         * @description Each product (policy type) with its company, category, coverage details, base premium and
         *     pricing rules, term and ratings. Filters: `category`, `company`, `currency`; `search` in
         *     name, description and company name; `ordering` by `name` or `base_premium`.
         *
         *     Access: anyone, without signing in; inactive ones are shown to admins only.
         *
         *     Errors: 400 `validation_error` (a malformed filter value).
         */
        get: operations["policy_types_list"];
        put?: never;
        /**
         * Add an insurance product to the catalogue
         * @description Access: admins.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied`.
         */
        post: operations["policy_types_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policy-types/{type_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show an insurance product
         * @description With `already_reviewed` and `can_review` for the caller: a signed-in customer who holds or
         *     held the product may review it once; both are false for anyone else.
         *
         *     Access: anyone, without signing in; inactive ones are shown to admins only.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["policy_types_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit an insurance product
         * @description Price changes apply to quotes made from now on; issued quotes and policies keep their price.
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`.
         */
        patch: operations["policy_types_partial_update"];
        trace?: never;
    };
    "/api/policy-types/{type_id}/reviews/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a product's reviews
         * @description Newest first, paged by number: rating (1-5), text, and the reviewer as a first name and initial.
         *
         *     Access: anyone, without signing in.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["policy_types_reviews_list"];
        put?: never;
        /**
         * Review a product
         * @description A `rating` (1-5) and a `text`, once per product, by a customer who holds or held a policy of
         *     it.
         *
         *     Access: customers.
         *
         *     Errors: 400 `validation_error`; 403 `customers_only`, `not_a_policyholder`; 404 `not_found` (no
         *     such product on sale); 409 `already_reviewed`.
         */
        post: operations["policy_types_reviews_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/consents/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show your consents
         * @description One entry per purpose (`marketing`, `partner_sharing`, `analytics`, `telematics`): whether you
         *     granted it and when you last changed it. A purpose never answered is not granted.
         *
         *     Access: any signed-in user, for themselves.
         *
         *     Errors: none of its own.
         */
        get: operations["privacy_consents_retrieve"];
        /**
         * Give or withdraw consents
         * @description Each entry of `consents` records `granted` for its `purpose` (every change is kept, with the time
         *     and IP address); purposes not sent are unchanged. Answers all your consents.
         *
         *     Access: any signed-in user, for themselves.
         *
         *     Errors: 400 `validation_error` (an unknown purpose, an empty list).
         */
        put: operations["privacy_consents_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/erasure/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request the erasure of a person's data
         * @description Files an erasure request (202) for an admin to decide. It is `held` while something must
         *     finish first (`hold_reasons`: an open claim, a pending payment or payout, an export being
         *     built) and `requested` otherwise. Erasure pseudonymises what the law requires to keep (claims,
         *     payments) and deletes the rest.
         *
         *     Access: anyone, about themselves; admins about anyone (`subject`).
         *
         *     Errors: 400 `validation_error`; 404 `not_found` (another person's `subject`, unless you are an
         *     admin); 409 `erasure_pending` (one is already open for this person).
         */
        post: operations["privacy_erasure_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/export/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request an export of a person's data
         * @description Builds, in the background, one zip archive with `data.json` (every app's part: profile,
         *     policies, payments, vehicles, claims, documents, consents, notifications, ...) and the person's
         *     files. Answers 202 with the request (`processing`); when it is `completed` its `download_url`
         *     works for `PRIVACY_EXPORT_LINK_HOURS` hours (24).
         *
         *     Access: anyone, about themselves; admins about anyone (`subject`).
         *
         *     Errors: 400 `validation_error`; 404 `not_found` (a `subject` other than yourself, unless you are
         *     an admin, or no such user).
         */
        post: operations["privacy_export_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/requests/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List privacy requests
         * @description Exports and erasures with their state, newest first by default. Filters: `kind`, `status`;
         *     `ordering` by `created_at`.
         *
         *     Access: any signed-in user sees the requests about themselves; admins see all.
         *
         *     Errors: 400 `validation_error` (a malformed filter value).
         */
        get: operations["privacy_requests_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/requests/{request_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a privacy request
         * @description Access: the person it is about, and admins.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["privacy_requests_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/requests/{request_id}/decision/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide an erasure request
         * @description `approve: false` rejects it (with a `note`). `approve: true` checks the holds again: if nothing
         *     holds it back, the erasure runs now and the request is `completed` with a summary per app in
         *     `result`; otherwise it stays `held` and the answer is 409.
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`; 409 `not_pending`
         *     (not an erasure, or already decided); 409 `erasure_held` (`hold_reasons` says what must finish
         *     first).
         */
        post: operations["privacy_requests_decision_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/requests/{request_id}/download/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a data export (zip)
         * @description The archive of a completed export, while its link is valid; never cached.
         *
         *     Access: the person it is about, and admins.
         *
         *     Errors: 404 `not_found`; 409 `export_not_ready` (not an export, or not completed yet); 410
         *     `export_expired` (request a new export).
         */
        get: operations["privacy_requests_download_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List user accounts
         * @description Paged by number, by e-mail. Filters: `role`, `department`, `is_active`, `certification_level`,
         *     `created_after`, `created_before`; `search` in e-mail and name; `ordering` by `email`, `name`,
         *     `created_at` or `role`.
         *
         *     Access: admins see everyone; supervisors the agents, assessors and supervisors of their
         *     department (and themselves); anyone else only themselves.
         *
         *     Errors: 400 `validation_error` (a malformed filter value).
         */
        get: operations["users_list"];
        put?: never;
        /**
         * Create a user account of any role
         * @description Staff accounts (`agent`, `assessor`, `supervisor` with a `department`; assessors with a
         *     `certification_level`), admins and customers, with a password the rules accept.
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied`; 409 `email_taken`.
         */
        post: operations["users_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{user_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a user account
         * @description Viewing someone else's account is recorded in the audit log.
         *
         *     Access: admins (anyone), supervisors (their department's staff), anyone (themselves).
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["users_retrieve"];
        put?: never;
        post?: never;
        /**
         * Deactivate a user account
         * @description The account is deactivated and its sessions end; it is never deleted, because records that must
         *     be kept refer to it (personal data is removed through a privacy erasure).
         *
         *     Access: admins.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`; 409 `cannot_deactivate_self`.
         */
        delete: operations["users_destroy"];
        options?: never;
        head?: never;
        /**
         * Edit a user account
         * @description Name, phone, role, department, certification level, verification flags and `is_active`.
         *     Deactivating an account ends its sessions. Admins cannot remove their own admin role.
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`; 409
         *     `cannot_demote_self`.
         */
        patch: operations["users_partial_update"];
        trace?: never;
    };
    "/api/vehicles/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the vehicles the caller may see
         * @description Paged by number, oldest first. Filters: `owner`, `make`, `year`; `search` in VIN, make and model,
         *     or a whole registration (sealed at rest: matched exactly, any case, spaces and dashes ignored;
         *     a part of one finds nothing); `ordering` by `created_at` or `year`.
         *
         *     Access: customers see their own vehicles; agents, supervisors and admins all; assessors those
         *     of the claims assigned to them.
         *
         *     Errors: 400 `validation_error` (a malformed filter value).
         */
        get: operations["vehicles_list"];
        put?: never;
        /**
         * Register a vehicle
         * @description The registration and VIN are normalised (upper case, no spaces) and the VIN checked (17
         *     characters, no I, O or Q, a correct check digit where the VIN carries one). The vehicle's
         *     `estimated_value` (in `currency`) is what total-loss recommendations compare repair costs with.
         *     If another customer's vehicle has the same VIN or registration, the answer is the same as for a
         *     fresh vehicle and staff are told (`vehicle.identity_shared`). Answers the vehicle (201).
         *
         *     Access: customers, for themselves (`owner` left out, or their own id); staff and admins for a
         *     customer named in `owner`.
         *
         *     Errors: 400 `validation_error` (including an invalid VIN), `owner_required` (staff did not name
         *     the owner); 404 `not_found` (a customer naming someone else, or an `owner` who is no active
         *     customer); 409 `vin_taken`, `registration_taken` (the same owner already registered it).
         */
        post: operations["vehicles_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles/{vehicle_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a vehicle
         * @description Access: its owner, staff and admins.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["vehicles_retrieve"];
        put?: never;
        post?: never;
        /**
         * Delete a vehicle
         * @description Only a vehicle that was never on a policy may be deleted.
         *
         *     Access: its owner, staff and admins.
         *
         *     Errors: 404 `not_found`; 409 `vehicle_has_policies`.
         */
        delete: operations["vehicles_destroy"];
        options?: never;
        head?: never;
        /**
         * Edit a vehicle
         * @description Any of registration, VIN, make, model, year, colour and estimated value; the VIN and the
         *     registration of a vehicle on an active or pending policy cannot change.
         *
         *     Access: its owner, staff and admins.
         *
         *     Errors: 400 `validation_error` (including an invalid VIN); 404 `not_found`; 409
         *     `vehicle_insured`; 409 `vin_taken`, `registration_taken` (the owner has another vehicle with it).
         */
        patch: operations["vehicles_partial_update"];
        trace?: never;
    };
    "/api/vehicles/{vehicle_id}/checks/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a vehicle's checks
         * @description Registry (`dvla`), history (`hpi`) and VIN (`vin`) checks with their state, the provider's
         *     result and its findings: contradictions with our record of the vehicle (e.g. `stolen`,
         *     `written_off`, `make_mismatch`). Filters: `kind`, `status`; `ordering` by `created_at`.
         *
         *     Access: whoever may see the vehicle (its owner, staff, admins).
         *
         *     Errors: 400 `validation_error` (a malformed filter value); 404 `not_found` (a vehicle the caller
         *     may not see).
         */
        get: operations["vehicles_checks_list"];
        put?: never;
        /**
         * Request a check of a vehicle
         * @description Records a `pending` check of `kind` (`dvla`, `hpi` or `vin`) and runs it in the background; the
         *     answer (201) shows its state, `pending` until a worker has run it: read it again with
         *     `GET /api/vehicles/{vehicle_id}/checks/{check_id}/`. Checks a provider failed are tried again
         *     later.
         *
         *     Access: staff who may see the vehicle.
         *
         *     Errors: 400 `validation_error` (an unknown `kind`); 403 `permission_denied` (customers); 404
         *     `not_found`.
         */
        post: operations["vehicles_checks_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles/{vehicle_id}/checks/{check_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show one vehicle check
         * @description Access: whoever may see the vehicle.
         *
         *     Errors: 404 `not_found`.
         */
        get: operations["vehicles_checks_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List partners' webhook subscriptions
         * @description Paged by number. Filter `active`; `search` in name and URL; `ordering` by `name` or
         *     `created_at`. Secrets are never listed.
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied`.
         */
        get: operations["webhooks_list"];
        put?: never;
        /**
         * Subscribe a partner endpoint to events
         * @description Every event whose type matches `event_types` (exact types such as `claim.status_changed`,
         *     prefixes such as `payment.*`, or `*`) is POSTed to `url`, signed with the subscription's secret
         *     (see the webhooks part of the event stream's documentation). The answer (201) is the only one that
         *     shows the `secret`.
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error` (a bad URL, an empty list or a malformed pattern); 403
         *     `permission_denied`.
         */
        post: operations["webhooks_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{webhook_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a webhook subscription
         * @description Access: admins.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`.
         */
        get: operations["webhooks_retrieve"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook subscription
         * @description Its pending deliveries go with it.
         *
         *     Access: admins.
         *
         *     Errors: 403 `permission_denied`; 404 `not_found`.
         */
        delete: operations["webhooks_destroy"];
        options?: never;
        head?: never;
        /**
         * Change a webhook subscription
         * @description Changes `name`, `url`, `event_types` or `active` (inactive subscriptions receive nothing).
         *     `rotate_secret: true` makes a new secret, shown in this answer only; the old one stops signing at
         *     once.
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`.
         */
        patch: operations["webhooks_partial_update"];
        trace?: never;
    };
    "/api/webhooks/{webhook_id}/deliveries/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a subscription's deliveries
         * @description Each event sent (or to be sent) with its state (`pending`, `delivered`, `failed` after the last
         *     attempt), attempts, next attempt, last HTTP status and error, newest first. Filters: `status`,
         *     `ordering_key` (the claim the event is about); `ordering` by `id` or `created_at`.
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error` (a malformed filter value); 403 `permission_denied`; 404
         *     `not_found`.
         */
        get: operations["webhooks_deliveries_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{webhook_id}/replay/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send events again to a subscription
         * @description Queues every event after event id `since` that the subscription wants, delivered before or not,
         *     in order; answers how many were queued (202).
         *
         *     Access: admins.
         *
         *     Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`.
         */
        post: operations["webhooks_replay_create"];
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
        AcceptedEstimate: {
            /** Format: uuid */
            id: string;
            source: string;
            /** Format: decimal */
            total: string;
            currency: string;
        };
        Action: {
            action: string;
            count: number;
        };
        /**
         * @description * `approve` - approve
         *     * `pay` - pay
         *     * `reject` - reject
         * @enum {string}
         */
        ActionEnum: "approve" | "pay" | "reject";
        Alert: {
            /** Format: uuid */
            readonly id: string;
            readonly kind: string;
            readonly severity: components["schemas"]["SeverityEnum"];
            readonly title: string;
            readonly message: string;
            readonly data: unknown;
            /** Format: uuid */
            readonly claim: string | null;
            readonly claim_number: string | null;
            readonly department: string;
            readonly status: components["schemas"]["AlertStatusEnum"];
            /** Format: uuid */
            readonly acknowledged_by: string | null;
            /** @description Who acknowledged it (name, else e-mail). */
            readonly acknowledged_by_name: string | null;
            /** Format: date-time */
            readonly acknowledged_at: string | null;
            /** Format: date-time */
            readonly created_at: string;
        };
        /**
         * @description * `open` - Open
         *     * `acknowledged` - Acknowledged
         *     * `resolved` - Resolved
         * @enum {string}
         */
        AlertStatusEnum: "open" | "acknowledged" | "resolved";
        AlertSummary: {
            /** @description Open alerts the caller may see (in `department` when given). */
            open: number;
            by_severity: components["schemas"]["SeverityCounts"];
        };
        ApiKeyCreatedOutput: {
            /** Format: uuid */
            readonly id: string;
            readonly name: string;
            readonly prefix: string;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly revoked_at: string | null;
            /** Format: date-time */
            readonly last_used_at: string | null;
            /** @description The key itself: shown this once, never again. */
            readonly key: string;
        };
        ApiKeyInputRequest: {
            /** @description What the key is for, e.g. the partner's system. */
            name: string;
        };
        ApiKeyOutput: {
            /** Format: uuid */
            readonly id: string;
            readonly name: string;
            readonly prefix: string;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly revoked_at: string | null;
            /** Format: date-time */
            readonly last_used_at: string | null;
        };
        /** @description An assessment as staff see it: everything, including internal notes and the total-loss reasoning (customers receive the AssessmentSummary fields: the required ones). */
        Assessment: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly claim: string;
            readonly claim_number: string;
            /** @default scheduled */
            readonly status: components["schemas"]["AssessmentStatusEnum"];
            /** Format: date-time */
            readonly scheduled_at: string | null;
            /** Format: date-time */
            readonly started_at: string | null;
            /** Format: date-time */
            readonly completed_at: string | null;
            readonly completion_percentage: number;
            readonly overall_severity: number | null;
            readonly total_loss: boolean | null;
            readonly summary: string;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
            /** Format: uuid */
            readonly assessor?: string | null;
            readonly assessor_name?: string | null;
            readonly notes?: string;
            readonly total_loss_recommendation?: boolean | null;
            readonly total_loss_reasoning?: string;
            /** Format: decimal */
            readonly vehicle_value?: string | null;
            readonly total_loss_override?: boolean | null;
            readonly total_loss_override_reason?: string;
            /** Format: uuid */
            readonly total_loss_overridden_by?: string | null;
            /** Format: date-time */
            readonly cancelled_at?: string | null;
            readonly cancel_reason?: string;
            readonly accepted_estimate?: components["schemas"]["AcceptedEstimate"] | null;
            /** @description What still stands between the assessment and its completion (empty when it may be completed): the same checks `POST .../complete/` makes, so a screen can name them before the click. */
            readonly blockers?: components["schemas"]["Blocker"][];
            /** @description Whether the caller may change it (sections, photos, estimates, total loss, complete). */
            readonly can_edit?: boolean;
            /** @description Each move of the assessment, oldest first. */
            readonly status_history?: components["schemas"]["AssessmentStatusChange"][];
        };
        /**
         * @description * `assessment_closed` - The assessment is completed or cancelled
         *     * `sections_open` - Sections are still open
         *     * `no_accepted_estimate` - No estimate is accepted
         * @enum {string}
         */
        AssessmentBlockerCodeEnum: "assessment_closed" | "sections_open" | "no_accepted_estimate";
        AssessmentCreateRequest: {
            /** Format: uuid */
            claim: string;
            /** Format: uuid */
            assessor?: string | null;
            /** Format: date-time */
            scheduled_at?: string;
            /** @default  */
            notes: string;
        };
        AssessmentFigures: {
            in_progress: number | null;
            /** Format: double */
            mean_completion: number | null;
        };
        /**
         * @description * `awaiting_scan` - Awaiting virus scan
         *     * `ready` - Ready
         * @enum {string}
         */
        AssessmentPhotoStatusEnum: "awaiting_scan" | "ready";
        /**
         * @description * `exterior` - Exterior
         *     * `interior` - Interior
         *     * `mechanical` - Mechanical
         *     * `electrical` - Electrical
         *     * `structural` - Structural
         *     * `glass` - Glass
         *     * `tyres_and_wheels` - Tyres and wheels
         *     * `safety_systems` - Safety systems
         * @enum {string}
         */
        AssessmentSectionKindEnum: "exterior" | "interior" | "mechanical" | "electrical" | "structural" | "glass" | "tyres_and_wheels" | "safety_systems";
        AssessmentStatusChange: {
            /** @description Empty for the first entry (scheduled). */
            readonly from_status: string;
            readonly to_status: string;
            /** Format: uuid */
            readonly actor: string | null;
            readonly actor_name: string | null;
            readonly reason: string;
            /** Format: date-time */
            readonly at: string;
        };
        /**
         * @description * `scheduled` - Scheduled
         *     * `in_progress` - In progress
         *     * `completed` - Completed
         *     * `cancelled` - Cancelled
         * @enum {string}
         */
        AssessmentStatusEnum: "scheduled" | "in_progress" | "completed" | "cancelled";
        AssessmentsOverview: {
            available: boolean;
            by_status?: {
                [key: string]: number;
            };
            overdue?: number;
            completion_distribution?: {
                [key: string]: number;
            };
            assessor_load?: components["schemas"]["AssessorLoad"][];
        };
        AssessorLoad: {
            /** Format: uuid */
            assessor: string;
            /** @description May be empty: show the e-mail then. */
            name: string;
            /** Format: email */
            email: string;
            open: number;
        };
        AssignRequest: {
            /** Format: uuid */
            agent?: string | null;
            /** Format: uuid */
            assessor?: string | null;
            /** @default false */
            auto_assessor: boolean;
            /** @default  */
            reason: string;
        };
        Assignee: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: email */
            email: string;
            role: string;
            department: string;
            certification_level: number | null;
            /** @description Open claims assigned to this person now. */
            open_claims: number;
            eligible: boolean;
            ineligible_reason: string;
        };
        Assignees: {
            department: string;
            required_certification: number | null;
            agents: components["schemas"]["Assignee"][];
            assessors: components["schemas"]["Assignee"][];
        };
        AuditEventOutput: {
            readonly id: number;
            readonly sequence: number | null;
            /** Format: date-time */
            readonly at: string;
            /** Format: uuid */
            readonly actor: string | null;
            readonly action: string;
            readonly object_type: string;
            readonly object_id: string;
            readonly changes: unknown;
            readonly ip: string | null;
            readonly user_agent: string;
            readonly request_id: string;
            readonly prev_hash: string;
            readonly hash: string | null;
        };
        BankDetails: {
            bank: string;
            account_name: string;
            account_number: string;
            branch: string;
            swift: string;
        };
        BankTransferOutput: {
            transaction: components["schemas"]["TransactionOutput"];
            pay_to: components["schemas"]["BankDetails"];
            instructions: string;
        };
        /**
         * @description * `fixed` - A fixed amount
         *     * `estimate` - A percentage of the claim's estimate
         * @enum {string}
         */
        BasisEnum: "fixed" | "estimate";
        /** @enum {unknown} */
        BlankEnum: "";
        Blocker: {
            code: components["schemas"]["AssessmentBlockerCodeEnum"];
            message: string;
            /** @description For `sections_open`: the open sections. */
            sections: components["schemas"]["AssessmentSectionKindEnum"][];
        };
        BulkAssignRequest: {
            claims: string[];
            /** Format: uuid */
            agent?: string | null;
            /** Format: uuid */
            assessor?: string | null;
            /** @default false */
            auto_assessor: boolean;
            /** @default  */
            reason: string;
        };
        /**
         * @description * `email` - Email
         *     * `sms` - SMS
         *     * `letter` - Letter
         * @enum {string}
         */
        BulkMessageChannelEnum: "email" | "sms" | "letter";
        BulkMessageRequest: {
            claims: string[];
            /**
             * @description How the message is recorded on each claim; the customer is notified by their own preferences.
             *
             *     * `email` - Email
             *     * `sms` - SMS
             *     * `letter` - Letter
             * @default email
             */
            channel: components["schemas"]["BulkMessageChannelEnum"];
            /** @default  */
            subject: string;
            body: string;
            /** @default  */
            subject_sw: string;
            /**
             * @description The Kiswahili text, for customers who chose Kiswahili (else they get `body`).
             * @default
             */
            body_sw: string;
        };
        BulkMessageResponse: {
            succeeded: number;
            /** @description Claims with nothing to do (not counted as failed). */
            skipped: number;
            failed: number;
            results: components["schemas"]["BulkMessageResult"][];
        };
        BulkMessageResult: {
            /** Format: uuid */
            claim: string;
            claim_number: string | null;
            ok: boolean;
            /**
             * @description ok; skipped (nothing to do, `code` says why); error (refused, as `status` and `code`).
             *
             *     * `ok` - Done
             *     * `skipped` - Nothing to do
             *     * `error` - Refused
             */
            outcome: components["schemas"]["BulkOutcomeEnum"];
            /** @description The HTTP status this claim alone would have answered. */
            status: number;
            /** @description "ok", the reason it was skipped, or the problem code of the refusal (e.g. "transition_refused"). */
            code: string;
            /** @description The claim's new status (or what was done) when ok, else why not. */
            detail: string;
            /**
             * Format: uuid
             * @description ok: the communication written on the claim.
             */
            communication?: string;
        };
        /**
         * @description * `ok` - Done
         *     * `skipped` - Nothing to do
         *     * `error` - Refused
         * @enum {string}
         */
        BulkOutcomeEnum: "ok" | "skipped" | "error";
        BulkReserveRequest: {
            claims?: string[];
            /**
             * Format: uuid
             * @description Instead of `claims`: every open claim of this catastrophe event you may see.
             */
            catastrophe?: string;
            rule: components["schemas"]["BulkReserveRuleRequest"];
            reason: string;
        };
        BulkReserveResponse: {
            succeeded: number;
            /** @description Claims with nothing to do (not counted as failed). */
            skipped: number;
            failed: number;
            results: components["schemas"]["BulkReserveResult"][];
        };
        BulkReserveResult: {
            /** Format: uuid */
            claim: string;
            claim_number: string | null;
            ok: boolean;
            /**
             * @description ok; skipped (nothing to do, `code` says why); error (refused, as `status` and `code`).
             *
             *     * `ok` - Done
             *     * `skipped` - Nothing to do
             *     * `error` - Refused
             */
            outcome: components["schemas"]["BulkOutcomeEnum"];
            /** @description The HTTP status this claim alone would have answered. */
            status: number;
            /** @description "ok", the reason it was skipped, or the problem code of the refusal (e.g. "transition_refused"). */
            code: string;
            /** @description The claim's new status (or what was done) when ok, else why not. */
            detail: string;
            /**
             * Format: decimal
             * @description ok: the reserve set.
             */
            amount?: string;
            /**
             * Format: decimal
             * @description ok: the reserve before (null: none).
             */
            previous_amount?: string | null;
        };
        BulkReserveRuleRequest: {
            cost_type: components["schemas"]["CostTypeEnum"];
            basis: components["schemas"]["BasisEnum"];
            /**
             * Format: decimal
             * @description basis fixed: the amount on every claim.
             */
            amount?: string;
            /**
             * Format: decimal
             * @description basis estimate: this percentage of the claim's estimated cost.
             */
            percent?: string;
            /**
             * Format: decimal
             * @description basis estimate: at least this (also for no estimate).
             */
            floor?: string;
            /**
             * Format: decimal
             * @description basis estimate: at most this.
             */
            cap?: string;
            /**
             * @description Leave a reserve already above the figure alone (skipped `would_lower`).
             * @default true
             */
            only_raise: boolean;
        };
        BulkResponse: {
            succeeded: number;
            /** @description Claims with nothing to do (not counted as failed). */
            skipped: number;
            failed: number;
            results: components["schemas"]["BulkResult"][];
        };
        BulkResult: {
            /** Format: uuid */
            claim: string;
            claim_number: string | null;
            ok: boolean;
            /**
             * @description ok; skipped (nothing to do, `code` says why); error (refused, as `status` and `code`).
             *
             *     * `ok` - Done
             *     * `skipped` - Nothing to do
             *     * `error` - Refused
             */
            outcome: components["schemas"]["BulkOutcomeEnum"];
            /** @description The HTTP status this claim alone would have answered. */
            status: number;
            /** @description "ok", the reason it was skipped, or the problem code of the refusal (e.g. "transition_refused"). */
            code: string;
            /** @description The claim's new status (or what was done) when ok, else why not. */
            detail: string;
        };
        BulkTransitionRequest: {
            claims: string[];
            to: components["schemas"]["ClaimStatusEnum"];
            /** @default  */
            reason: string;
        };
        CallbackAck: {
            ResultCode: number;
            ResultDesc: string;
        };
        CancelRequest: {
            reason: string;
        };
        CancellationQuoteOutput: {
            /** Format: uuid */
            policy: string;
            /**
             * Format: date
             * @description The day of cancellation the figures are for (today); cover ends with it.
             */
            on: string;
            days_in_period: number;
            /** @description Days of cover used, the day of cancellation included. */
            days_covered: number;
            /**
             * Format: decimal
             * @description What the customer's payments hold, net of refunds made or asked for.
             */
            paid: string;
            /**
             * Format: decimal
             * @description The premium for the days covered: premium x days_covered / days_in_period.
             */
            earned: string;
            /**
             * Format: decimal
             * @description paid - earned, never below zero: asked for when the policy is cancelled.
             */
            refund: string;
            currency: string;
        };
        CardIntentOutput: {
            transaction: components["schemas"]["TransactionOutput"];
            client_secret: string;
            provider: string;
            /** @description Stripe's publishable key for its card form in the browser; empty for the sandbox. */
            publishable_key: string;
        };
        CatastropheCloseRequest: {
            reason?: string;
        };
        CatastropheDeclareRequest: {
            /** @description A closed ring of [longitude, latitude] points (GeoJSON's order): at least 4 points, the last repeating the first, not crossing itself nor the antimeridian. */
            polygon?: number[][] | null;
            name: string;
            peril: components["schemas"]["PerilEnum"];
            description?: string;
            /** Format: decimal */
            centre_latitude?: string | null;
            /** Format: decimal */
            centre_longitude?: string | null;
            /**
             * Format: decimal
             * @description More than 0, at most 500 km.
             */
            radius_km?: string | null;
            /** Format: date-time */
            starts_at: string;
            /**
             * Format: date-time
             * @description Null: still going on.
             */
            ends_at?: string | null;
            /** @description The SLA of the event's claims, in hours from filing (null: the priority's usual SLA). */
            sla_hours?: number | null;
            /**
             * Format: decimal
             * @description Claims estimated below this go straight to a desk assessor (null: no fast track).
             */
            fast_track_limit?: string | null;
            currency?: components["schemas"]["CurrencyEnum"];
            /** @description The staff who take the event's claims: agents, assessors and supervisors of its department. */
            desk?: string[];
            /**
             * @description Defaults to the supervisor's own department.
             *
             *     * `motor` - Motor
             *     * `health` - Health
             *     * `life` - Life
             *     * `property` - Home and property
             *     * `travel` - Travel
             *     * `business` - Business
             *     * `agriculture` - Agriculture
             *     * `marine` - Marine
             *     * `personal_accident` - Personal accident
             *     * `liability` - Liability
             */
            department?: components["schemas"]["DepartmentEnum"];
        };
        CatastropheEvent: {
            /** Format: uuid */
            readonly id: string;
            readonly code: string;
            readonly name: string;
            readonly peril: components["schemas"]["PerilEnum"];
            readonly department: components["schemas"]["DepartmentEnum"];
            readonly description: string;
            readonly status: components["schemas"]["CatastropheStatusEnum"];
            readonly area_type: string;
            /** Format: decimal */
            readonly centre_latitude: string | null;
            /** Format: decimal */
            readonly centre_longitude: string | null;
            /** Format: decimal */
            readonly radius_km: string | null;
            readonly polygon: number[][] | null;
            readonly bbox: number[];
            /** Format: date-time */
            readonly starts_at: string;
            /** Format: date-time */
            readonly ends_at: string | null;
            readonly sla_hours: number | null;
            /** Format: decimal */
            readonly fast_track_limit: string | null;
            readonly currency: components["schemas"]["CurrencyEnum"];
            readonly desk: components["schemas"]["DeskMember"][];
            readonly declared_by: components["schemas"]["Person"];
            /** Format: date-time */
            readonly declared_at: string;
            readonly closed_by: components["schemas"]["Person"] | null;
            /** Format: date-time */
            readonly closed_at: string | null;
            /** Format: date-time */
            readonly updated_at: string;
        };
        CatastropheFigures: {
            event: components["schemas"]["EventRef"];
            /** @description The currency of the amounts (the event's). */
            currency: string;
            /** @description Filed claims tagged with the event (drafts left out). */
            claims: number;
            /** @description Of them, those still open. */
            open: number;
            /** @description Of them, those fast-tracked to a desk assessor. */
            fast_tracked: number;
            /** @description Claims in another currency: counted, not summed. */
            other_currency: number;
            /**
             * Format: decimal
             * @description The sum of the claims' estimated costs.
             */
            exposure: string;
            /**
             * Format: decimal
             * @description The open reserve: reserved less paid, on open reserves.
             */
            reserves: string;
            /**
             * Format: decimal
             * @description Paid out on the claims.
             */
            paid: string;
            by_day: components["schemas"]["FiguresDay"][];
        };
        CatastropheRef: {
            /** Format: uuid */
            id: string;
            /** @description The event's number, e.g. CAT-2026-0001. */
            code: string;
            name: string;
        };
        /**
         * @description * `open` - Open
         *     * `closed` - Closed
         * @enum {string}
         */
        CatastropheStatusEnum: "open" | "closed";
        CatastropheTagRequest: {
            /**
             * Format: uuid
             * @description The event to tag the claim with; null untags it.
             */
            event: string | null;
            reason: string;
        };
        CategoryOutput: {
            readonly slug: string;
            readonly name: string;
            readonly icon: string;
            readonly description: string;
            readonly product_count: number;
        };
        ClaimCreateRequest: {
            /** Format: uuid */
            policy: string;
            /** Format: uuid */
            vehicle?: string;
            /** Format: date-time */
            incident_date: string;
            /** @default  */
            incident_address: string;
            /** Format: decimal */
            incident_latitude?: string;
            /** Format: decimal */
            incident_longitude?: string;
            description: string;
            /** @default false */
            injury: boolean;
            /** @default false */
            total_loss_hint: boolean;
            /** @default  */
            police_report_number: string;
            /** @default false */
            third_party_involved: boolean;
            /** Format: decimal */
            estimated_cost?: string;
            priority?: components["schemas"]["ClaimPriorityEnum"];
            /** @default false */
            draft: boolean;
        };
        ClaimDetail: {
            /** Format: uuid */
            readonly id: string;
            readonly claim_number: string;
            readonly status: components["schemas"]["ClaimStatusEnum"];
            readonly priority: components["schemas"]["ClaimPriorityEnum"];
            readonly department: components["schemas"]["DepartmentEnum"];
            /** Format: uuid */
            readonly customer: string;
            readonly customer_name: string;
            /** Format: uuid */
            readonly policy: string;
            readonly policy_number: string;
            /** Format: uuid */
            readonly vehicle: string | null;
            readonly vehicle_registration: string | null;
            /** Format: uuid */
            readonly assigned_agent: string | null;
            /** @description The assigned agent's name (else e-mail). */
            readonly assigned_agent_name: string | null;
            /** Format: uuid */
            readonly assigned_assessor: string | null;
            /** @description The assigned assessor's name (else e-mail). */
            readonly assigned_assessor_name: string | null;
            /** Format: date-time */
            readonly incident_date: string;
            /** Format: decimal */
            estimated_cost: string | null;
            /** Format: decimal */
            approved_amount: string | null;
            readonly currency: components["schemas"]["CurrencyEnum"];
            /** Format: date-time */
            readonly sla_due_at: string | null;
            /** @default false */
            readonly has_open_alerts: boolean;
            /** @description The catastrophe event the claim is tagged with. */
            readonly catastrophe: components["schemas"]["CatastropheRef"] | null;
            /** @description Fast-tracked to a desk assessor by its catastrophe event's rules. */
            readonly catastrophe_fast_track: boolean;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
            readonly incident_address: string;
            /** Format: decimal */
            readonly incident_latitude: string | null;
            /** Format: decimal */
            readonly incident_longitude: string | null;
            readonly description: string;
            readonly injury: boolean;
            readonly total_loss_hint: boolean;
            readonly police_report_number: string;
            readonly third_party_involved: boolean;
            /** Format: date-time */
            readonly submitted_at: string | null;
            /** Format: date-time */
            readonly assessment_completed_at: string | null;
            /** Format: date-time */
            readonly settled_at: string | null;
            /** Format: date-time */
            readonly closed_at: string | null;
            /** Format: date-time */
            readonly last_activity_at: string | null;
            readonly allowed_transitions: string[];
            /** @description Where the claim stands for its customer, in codes (see CustomerStatus). */
            readonly customer_status: components["schemas"]["CustomerStatus"];
        };
        ClaimEnrichmentOutput: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly claim: string;
            readonly status: components["schemas"]["ClaimEnrichmentOutputStatusEnum"];
            readonly parts: unknown;
            readonly incident_location: unknown;
            readonly home_location: unknown;
            readonly weather: unknown;
            /** Format: decimal */
            readonly distance_from_home_km: string | null;
            readonly risk_flags: unknown;
            readonly attempts: number;
            /** Format: date-time */
            readonly fetched_at: string | null;
            /** Format: date-time */
            readonly created_at: string;
        };
        /**
         * @description * `pending` - Pending
         *     * `partial` - Partial (some providers to retry)
         *     * `complete` - Complete
         * @enum {string}
         */
        ClaimEnrichmentOutputStatusEnum: "pending" | "partial" | "complete";
        ClaimEnrichmentRefreshRequest: {
            /**
             * @description Forget the place, weather and flags (the incident's place or time changed)
             * @default false
             */
            refresh: boolean;
        };
        ClaimList: {
            /** Format: uuid */
            readonly id: string;
            readonly claim_number: string;
            readonly status: components["schemas"]["ClaimStatusEnum"];
            readonly priority: components["schemas"]["ClaimPriorityEnum"];
            readonly department: components["schemas"]["DepartmentEnum"];
            /** Format: uuid */
            readonly customer: string;
            readonly customer_name: string;
            /** Format: uuid */
            readonly policy: string;
            readonly policy_number: string;
            /** Format: uuid */
            readonly vehicle: string | null;
            readonly vehicle_registration: string | null;
            /** Format: uuid */
            readonly assigned_agent: string | null;
            /** @description The assigned agent's name (else e-mail). */
            readonly assigned_agent_name: string | null;
            /** Format: uuid */
            readonly assigned_assessor: string | null;
            /** @description The assigned assessor's name (else e-mail). */
            readonly assigned_assessor_name: string | null;
            /** Format: date-time */
            readonly incident_date: string;
            /** Format: decimal */
            estimated_cost: string | null;
            /** Format: decimal */
            approved_amount: string | null;
            readonly currency: components["schemas"]["CurrencyEnum"];
            /** Format: date-time */
            readonly sla_due_at: string | null;
            /** @default false */
            readonly has_open_alerts: boolean;
            /** @description The catastrophe event the claim is tagged with. */
            readonly catastrophe: components["schemas"]["CatastropheRef"] | null;
            /** @description Fast-tracked to a desk assessor by its catastrophe event's rules. */
            readonly catastrophe_fast_track: boolean;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        /**
         * @description * `low` - Low
         *     * `normal` - Normal
         *     * `high` - High
         *     * `urgent` - Urgent
         * @enum {string}
         */
        ClaimPriorityEnum: "low" | "normal" | "high" | "urgent";
        /**
         * @description * `draft` - Draft
         *     * `submitted` - Submitted
         *     * `under_review` - Under review
         *     * `assessment` - Assessment
         *     * `approved` - Approved
         *     * `rejected` - Rejected
         *     * `settlement` - Settlement
         *     * `settled` - Settled
         *     * `closed` - Closed
         *     * `withdrawn` - Withdrawn
         * @enum {string}
         */
        ClaimStatusEnum: "draft" | "submitted" | "under_review" | "assessment" | "approved" | "rejected" | "settlement" | "settled" | "closed" | "withdrawn";
        ClaimsGeo: {
            mode: components["schemas"]["ModeEnum"];
            /** @description Claims in the area that match the filters. */
            total: number;
            /** @description The area's box, GeoJSON's order. */
            bbox: number[];
            /**
             * Format: double
             * @description The grid's cell in degrees (clusters only).
             */
            cell_size: number | null;
            /** @description Up to this many claims the answer is points. */
            points_up_to: number;
            points: components["schemas"]["GeoPoint"][];
            clusters: components["schemas"]["GeoCluster"][];
        };
        ClaimsOverview: {
            /** @description status -> priority -> open claim count. */
            status_priority_matrix: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            /** @description Open claims by days since filing. */
            aging: {
                [key: string]: number;
            };
            /** @description The caller's open assigned claims, earliest SLA first. */
            my_queue: components["schemas"]["ClaimList"][];
            /** @description The claims in scope changed last. */
            recently_changed: components["schemas"]["ClaimList"][];
        };
        Communication: {
            /** Format: uuid */
            readonly id: string;
            readonly channel: components["schemas"]["CommunicationChannelEnum"];
            readonly direction: components["schemas"]["CommunicationDirectionEnum"];
            readonly party: components["schemas"]["CommunicationPartyEnum"];
            readonly subject: string;
            readonly body: string;
            /** Format: uuid */
            readonly author: string;
            /** @description The author's name (else e-mail). */
            readonly author_name: string | null;
            /** Format: date-time */
            readonly at: string;
        };
        /**
         * @description * `email` - Email
         *     * `sms` - SMS
         *     * `phone` - Phone
         *     * `letter` - Letter
         *     * `note` - Internal note
         * @enum {string}
         */
        CommunicationChannelEnum: "email" | "sms" | "phone" | "letter" | "note";
        CommunicationCreateRequest: {
            /** @default note */
            channel: components["schemas"]["CommunicationChannelEnum"];
            /** @default internal */
            direction: components["schemas"]["CommunicationDirectionEnum"];
            /** @default insurer */
            party: components["schemas"]["CommunicationPartyEnum"];
            /** @default  */
            subject: string;
            body: string;
        };
        /**
         * @description * `inbound` - Inbound
         *     * `outbound` - Outbound
         *     * `internal` - Internal
         * @enum {string}
         */
        CommunicationDirectionEnum: "inbound" | "outbound" | "internal";
        /**
         * @description * `customer` - Customer
         *     * `assessor` - Assessor
         *     * `garage` - Garage
         *     * `insurer` - Insurer
         *     * `third_party` - Third party
         *     * `police` - Police
         * @enum {string}
         */
        CommunicationPartyEnum: "customer" | "assessor" | "garage" | "insurer" | "third_party" | "police";
        CompanyInputRequest: {
            name: string;
            registration_number: string;
            email?: string;
            phone?: string;
            website?: string;
            address?: string;
            logo_url?: string;
            active?: boolean;
        };
        CompanyOutput: {
            /** Format: uuid */
            readonly id: string;
            readonly name: string;
            readonly registration_number: string;
            /**
             * Format: email
             * @description Null when the company has none.
             */
            readonly email: string | null;
            readonly phone: string;
            /**
             * Format: uri
             * @description Null when the company has none.
             */
            readonly website: string | null;
            readonly address: string;
            /**
             * Format: uri
             * @description Null when the company has none.
             */
            readonly logo_url: string | null;
            readonly active: boolean;
            readonly average_rating: string | null;
            readonly review_count: number;
            readonly product_count: number;
        };
        Comparison: {
            /** Format: uuid */
            baseline: string;
            /** Format: decimal */
            threshold_percent: string;
            estimates: components["schemas"]["ComparisonEstimate"][];
            lines: components["schemas"]["ComparisonLine"][];
            flagged_lines: number;
        };
        ComparisonCell: {
            /** Format: uuid */
            estimate: string;
            /** Format: decimal */
            amount: string | null;
            /** Format: decimal */
            difference: string | null;
            /** Format: decimal */
            variance_percent: string | null;
            flag: (components["schemas"]["EstimateComparisonFlagEnum"] | components["schemas"]["NullEnum"]) | null;
        };
        ComparisonEstimate: {
            /** Format: uuid */
            estimate: string;
            source: string;
            supplier: string;
            status: string;
            currency: string;
            /** Format: decimal */
            subtotal: string;
            /** Format: decimal */
            tax_total: string;
            /** Format: decimal */
            total: string;
            /** Format: decimal */
            difference: string;
            /** Format: decimal */
            variance_percent: string | null;
            flagged: boolean;
        };
        ComparisonLine: {
            key: string;
            kind: string;
            description: string;
            cells: components["schemas"]["ComparisonCell"][];
            flagged: boolean;
        };
        Consent: {
            purpose: components["schemas"]["PurposeEnum"];
            granted: boolean;
            /** Format: date-time */
            readonly updated_at: string | null;
        };
        ConsentRequest: {
            purpose: components["schemas"]["PurposeEnum"];
            granted: boolean;
        };
        ConsentsInputRequest: {
            consents: components["schemas"]["ConsentRequest"][];
        };
        ConsentsOutput: {
            consents: components["schemas"]["Consent"][];
        };
        /**
         * @description * `own_damage` - Own vehicle damage
         *     * `third_party` - Third-party property
         *     * `injury` - Injury
         *     * `legal` - Legal
         *     * `expenses` - Expenses
         * @enum {string}
         */
        CostTypeEnum: "own_damage" | "third_party" | "injury" | "legal" | "expenses";
        CsrfOutput: {
            csrf_token: string;
        };
        /**
         * @description * `KES` - Kenyan shilling
         *     * `UGX` - Ugandan shilling
         *     * `TZS` - Tanzanian shilling
         *     * `USD` - US dollar
         *     * `GBP` - Pound sterling
         *     * `EUR` - Euro
         * @enum {string}
         */
        CurrencyEnum: "KES" | "UGX" | "TZS" | "USD" | "GBP" | "EUR";
        CustomerContact: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: email */
            email: string;
            email_verified: boolean;
            phone: string;
            phone_verified: boolean;
            /** @description The customer's claims still open, this one included. */
            open_claims: number;
        };
        CustomerStatus: {
            code: components["schemas"]["ClaimStatusEnum"];
            next_step_code: components["schemas"]["NextStepCodeEnum"];
            action_required: boolean;
            /** @description Documents asked for and not yet sent. */
            documents_requested: number;
            /**
             * Format: uuid
             * @description The settlement offer waiting for an answer.
             */
            offer: string | null;
        };
        Day: {
            /** Format: date */
            day: string;
            actions: number;
            users: number;
        };
        /**
         * @description * `accept` - accept
         *     * `decline` - decline
         * @enum {string}
         */
        DecisionEnum: "accept" | "decline";
        DecisionInputRequest: {
            approve: boolean;
            /** @default  */
            note: string;
        };
        /**
         * @description * `motor` - Motor
         *     * `health` - Health
         *     * `life` - Life
         *     * `property` - Home and property
         *     * `travel` - Travel
         *     * `business` - Business
         *     * `agriculture` - Agriculture
         *     * `marine` - Marine
         *     * `personal_accident` - Personal accident
         *     * `liability` - Liability
         * @enum {string}
         */
        DepartmentEnum: "motor" | "health" | "life" | "property" | "travel" | "business" | "agriculture" | "marine" | "personal_accident" | "liability";
        DeskMember: {
            /** Format: uuid */
            id: string;
            /** @description The person's name, else their e-mail. */
            name: string;
            role: components["schemas"]["DeskMemberRoleEnum"];
        };
        /**
         * @description * `agent` - agent
         *     * `assessor` - assessor
         *     * `supervisor` - supervisor
         * @enum {string}
         */
        DeskMemberRoleEnum: "agent" | "assessor" | "supervisor";
        DetailOutput: {
            detail: string;
        };
        DocumentDetailOutput: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly owner: string;
            /** Format: uuid */
            readonly claim: string | null;
            readonly kind: components["schemas"]["DocumentKindEnum"];
            readonly kind_guessed: boolean;
            readonly filename: string;
            readonly file_type: components["schemas"]["DocumentFileTypeEnum"];
            readonly file_size: number;
            readonly sha256: string;
            /** Format: date-time */
            readonly upload_date: string;
            readonly scan_status: components["schemas"]["DocumentScanStatusEnum"];
            /** Format: date-time */
            readonly scanned_at: string | null;
            readonly processing_status: components["schemas"]["DocumentProcessingStatusEnum"];
            readonly processing_progress: number;
            readonly processing_error: string;
            /** Format: date-time */
            readonly processed_at: string | null;
            readonly page_count: number | null;
            readonly validation_status: components["schemas"]["DocumentValidationStatusEnum"];
            /** Format: date-time */
            readonly validated_at: string | null;
            readonly image_width: number | null;
            readonly image_height: number | null;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
            readonly scan_signature: string;
            readonly extracted_text: string;
            readonly processed_data: unknown;
            readonly validation_findings: unknown;
        };
        /**
         * @description * `application/pdf` - PDF
         *     * `image/jpeg` - JPEG
         *     * `image/png` - PNG
         *     * `image/webp` - WebP
         *     * `image/heic` - HEIC
         *     * `image/tiff` - TIFF
         *     * `application/vnd.openxmlformats-officedocument.wordprocessingml.document` - DOCX
         *     * `application/octet-stream` - Unknown (only for quarantined files)
         * @enum {string}
         */
        DocumentFileTypeEnum: "application/pdf" | "image/jpeg" | "image/png" | "image/webp" | "image/heic" | "image/tiff" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "application/octet-stream";
        /**
         * @description * `id` - Identity document
         *     * `driving_licence` - Driving licence
         *     * `vehicle_registration` - Vehicle registration certificate (V5C / logbook)
         *     * `police_report` - Police report
         *     * `repair_invoice` - Repair invoice
         *     * `estimate` - Estimate
         *     * `medical_report` - Medical report
         *     * `photo` - Photo
         *     * `other` - Other
         * @enum {string}
         */
        DocumentKindAskedEnum: "id" | "driving_licence" | "vehicle_registration" | "police_report" | "repair_invoice" | "estimate" | "medical_report" | "photo" | "other";
        /**
         * @description * `policy_document` - Policy document
         *     * `id` - Identity document
         *     * `driving_licence` - Driving licence
         *     * `vehicle_registration` - Vehicle registration certificate (V5C / logbook)
         *     * `police_report` - Police report
         *     * `repair_invoice` - Repair invoice
         *     * `estimate` - Estimate
         *     * `medical_report` - Medical report
         *     * `photo` - Photo
         *     * `other` - Other
         * @enum {string}
         */
        DocumentKindEnum: "policy_document" | "id" | "driving_licence" | "vehicle_registration" | "police_report" | "repair_invoice" | "estimate" | "medical_report" | "photo" | "other";
        DocumentOutput: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly owner: string;
            /** Format: uuid */
            readonly claim: string | null;
            readonly kind: components["schemas"]["DocumentKindEnum"];
            readonly kind_guessed: boolean;
            readonly filename: string;
            readonly file_type: components["schemas"]["DocumentFileTypeEnum"];
            readonly file_size: number;
            readonly sha256: string;
            /** Format: date-time */
            readonly upload_date: string;
            readonly scan_status: components["schemas"]["DocumentScanStatusEnum"];
            /** Format: date-time */
            readonly scanned_at: string | null;
            readonly processing_status: components["schemas"]["DocumentProcessingStatusEnum"];
            readonly processing_progress: number;
            readonly processing_error: string;
            /** Format: date-time */
            readonly processed_at: string | null;
            readonly page_count: number | null;
            readonly validation_status: components["schemas"]["DocumentValidationStatusEnum"];
            /** Format: date-time */
            readonly validated_at: string | null;
            readonly image_width: number | null;
            readonly image_height: number | null;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        /**
         * @description * `pending` - Pending
         *     * `processing` - Processing
         *     * `done` - Done
         *     * `failed` - Failed
         * @enum {string}
         */
        DocumentProcessingStatusEnum: "pending" | "processing" | "done" | "failed";
        DocumentRefInputRequest: {
            /** Format: uuid */
            document: string;
        };
        DocumentRequest: {
            /** Format: uuid */
            readonly id: string;
            readonly kind: components["schemas"]["DocumentKindAskedEnum"];
            readonly note: string;
            readonly state: components["schemas"]["StateEnum"];
            /** Format: uuid */
            readonly requested_by: string;
            /** @description Who asked (name, else e-mail). */
            readonly requested_by_name: string | null;
            /** Format: date-time */
            readonly requested_at: string;
            /** Format: uuid */
            readonly fulfilled_by_document: string | null;
            /** Format: date-time */
            readonly fulfilled_at: string | null;
            /** Format: date-time */
            readonly cancelled_at: string | null;
        };
        DocumentRequestCreateRequest: {
            kind: components["schemas"]["DocumentKindAskedEnum"];
            /**
             * @description To the customer: they read it.
             * @default
             */
            note: string;
        };
        /**
         * @description * `pending` - Pending
         *     * `clean` - Clean
         *     * `infected` - Infected (quarantined)
         *     * `unscanned` - Unscanned (no scanner available)
         *     * `error` - Scan failed
         * @enum {string}
         */
        DocumentScanStatusEnum: "pending" | "clean" | "infected" | "unscanned" | "error";
        /**
         * @description * `not_validated` - Not validated
         *     * `valid` - Valid
         *     * `needs_review` - Needs review
         *     * `invalid` - Invalid
         * @enum {string}
         */
        DocumentValidationStatusEnum: "not_validated" | "valid" | "needs_review" | "invalid";
        DryRunOutput: {
            dry_run: boolean;
            file_format: string;
            total: number;
            valid: number;
            refused: number;
            replayed: number;
            rows: components["schemas"]["DryRunRow"][];
        };
        DryRunRow: {
            /** @description The line in the file (the header is line 1). */
            number: number;
            status: components["schemas"]["DryRunRowStatusEnum"];
            /** @description For a replayed row, its earlier claim. */
            claim_number: string;
            external_reference: string;
            errors: components["schemas"]["RowError"][];
        };
        /**
         * @description * `valid` - Valid
         *     * `refused` - Refused
         *     * `replayed` - Already imported
         * @enum {string}
         */
        DryRunRowStatusEnum: "valid" | "refused" | "replayed";
        EmailChangeInputRequest: {
            /** Format: email */
            new_email: string;
            /** @description The current password, to confirm it is you. */
            password: string;
        };
        EmailConfirmedOutput: {
            detail: string;
            /** Format: email */
            email: string;
            email_verified: boolean;
        };
        ErasureInputRequest: {
            /**
             * Format: uuid
             * @description Admins only: the person; default yourself.
             */
            subject?: string;
            /** @default  */
            reason: string;
        };
        Estimate: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly assessment: string;
            readonly source: components["schemas"]["EstimateSourceEnum"];
            readonly supplier: string;
            readonly reference: string;
            /** @default draft */
            readonly status: components["schemas"]["EstimateStatusEnum"];
            readonly currency: components["schemas"]["CurrencyEnum"];
            /** Format: decimal */
            subtotal: string;
            /** Format: decimal */
            tax_total: string;
            /** Format: decimal */
            total: string;
            readonly notes: string;
            readonly lines: components["schemas"]["Line"][];
            /** Format: uuid */
            readonly created_by: string;
            /** Format: uuid */
            readonly accepted_by: string | null;
            /** Format: date-time */
            readonly accepted_at: string | null;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        /**
         * @description * `missing` - Missing
         *     * `not_in_baseline` - Not in baseline
         *     * `variance` - Variance
         * @enum {string}
         */
        EstimateComparisonFlagEnum: "missing" | "not_in_baseline" | "variance";
        EstimateCreateRequest: {
            source: components["schemas"]["EstimateSourceEnum"];
            /** @default  */
            supplier: string;
            /** @default  */
            reference: string;
            /** @default  */
            notes: string;
            currency?: string;
            lines: components["schemas"]["LineInputRequest"][];
        };
        /**
         * @description * `part` - Part
         *     * `labour` - Labour
         *     * `paint` - Paint
         *     * `other` - Other
         * @enum {string}
         */
        EstimateLineKindEnum: "part" | "labour" | "paint" | "other";
        /**
         * @description * `assessor` - Assessor
         *     * `garage_quote` - Garage quote
         *     * `insurer` - Insurer
         *     * `third_party` - Third party
         * @enum {string}
         */
        EstimateSourceEnum: "assessor" | "garage_quote" | "insurer" | "third_party";
        /**
         * @description * `draft` - Draft
         *     * `accepted` - Accepted
         *     * `rejected` - Rejected
         * @enum {string}
         */
        EstimateStatusEnum: "draft" | "accepted" | "rejected";
        EstimatesOrComparison: components["schemas"]["Estimate"][] | components["schemas"]["Comparison"];
        EventRef: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
        };
        ExportInputRequest: {
            /**
             * Format: uuid
             * @description Admins only: the person; default yourself.
             */
            subject?: string;
        };
        FiguresDay: {
            /**
             * Format: date
             * @description A UTC day.
             */
            day: string;
            /** @description Claims filed that day. */
            claims: number;
        };
        /**
         * @description * `csv` - CSV
         *     * `xlsx` - XLSX
         * @enum {string}
         */
        FileFormatEnum: "csv" | "xlsx";
        GeoCluster: {
            /** @description Claims in the cell. */
            count: number;
            /**
             * Format: double
             * @description Their mean latitude.
             */
            lat: number;
            /**
             * Format: double
             * @description Their mean longitude.
             */
            lon: number;
            /** @description Of them, the open ones (not settled, closed, rejected or withdrawn). */
            open: number;
            /** @description Counts by status (non-zero only). */
            by_status: {
                [key: string]: number;
            };
            /** @description The cell: min_lon,min_lat,max_lon,max_lat. */
            cell: number[];
        };
        GeoPoint: {
            /** Format: uuid */
            id: string;
            claim_number: string;
            status: components["schemas"]["ClaimStatusEnum"];
            priority: components["schemas"]["ClaimPriorityEnum"];
            /** Format: double */
            lat: number;
            /** Format: double */
            lon: number;
        };
        ImportInputRequest: {
            /**
             * Format: binary
             * @description The incidents: CSV (UTF-8 or Windows-1252) or XLSX, judged by content; layout in docs/intake.md.
             */
            file: string;
            /**
             * @description Check every row and answer the results; write nothing.
             * @default false
             */
            dry_run: boolean;
        };
        ImportOutput: {
            /** Format: uuid */
            readonly id: string;
            readonly filename: string;
            readonly file_format: components["schemas"]["FileFormatEnum"];
            readonly sha256: string;
            readonly status: components["schemas"]["ImportStatusEnum"];
            /** Format: uuid */
            readonly partner: string | null;
            readonly partner_name: string;
            /** Format: uuid */
            readonly uploaded_by: string | null;
            readonly department: components["schemas"]["DepartmentEnum"] | components["schemas"]["BlankEnum"];
            readonly total_rows: number;
            readonly processed_rows: number;
            readonly created_count: number;
            readonly refused_count: number;
            readonly replayed_count: number;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly started_at: string | null;
            /** Format: date-time */
            readonly finished_at: string | null;
        };
        ImportStartedOutput: {
            /** Format: uuid */
            readonly id: string;
            readonly filename: string;
            readonly file_format: components["schemas"]["FileFormatEnum"];
            readonly sha256: string;
            readonly status: components["schemas"]["ImportStatusEnum"];
            /** Format: uuid */
            readonly partner: string | null;
            readonly partner_name: string;
            /** Format: uuid */
            readonly uploaded_by: string | null;
            readonly department: components["schemas"]["DepartmentEnum"] | components["schemas"]["BlankEnum"];
            readonly total_rows: number;
            readonly processed_rows: number;
            readonly created_count: number;
            readonly refused_count: number;
            readonly replayed_count: number;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly started_at: string | null;
            /** Format: date-time */
            readonly finished_at: string | null;
            /** @description True: the same file was imported before; this is it. */
            readonly replayed: boolean;
        };
        /**
         * @description * `pending` - Pending
         *     * `running` - Running
         *     * `finished` - Finished
         * @enum {string}
         */
        ImportStatusEnum: "pending" | "running" | "finished";
        InstalmentOutput: {
            /** Format: uuid */
            readonly id: string;
            readonly sequence: number;
            /** Format: date */
            readonly due_date: string;
            /** Format: decimal */
            amount: string;
            readonly status: components["schemas"]["InstalmentOutputStatusEnum"];
            /** Format: date-time */
            readonly paid_at: string | null;
        };
        /**
         * @description * `due` - Due
         *     * `paid` - Paid
         *     * `waived` - Waived
         * @enum {string}
         */
        InstalmentOutputStatusEnum: "due" | "paid" | "waived";
        /**
         * @description * `pending` - Pending
         *     * `created` - Created
         *     * `refused` - Refused
         *     * `replayed` - Already imported
         * @enum {string}
         */
        IntakeRowStatusEnum: "pending" | "created" | "refused" | "replayed";
        /** @description Staff see their scope's figures from the rollups; an assessor sees their own claims' (then `range`, `new_claims`, `open_reserves`, `period` and `previous_period` are absent and `assigned_in_period` is present). */
        Kpi: {
            /**
             * Format: date-time
             * @description When these figures were computed. Answers are cached for up to `DASHBOARD_CACHE_SECONDS`; a change to claims or assessments starts fresh figures at once, so only clock-driven figures (SLA breaches, today's claims) can be that old.
             */
            as_of: string;
            /** @description ISO 4217 code of the amounts. */
            currency: string;
            range?: components["schemas"]["RangeOut"];
            open_claims: number;
            new_claims?: components["schemas"]["NewClaims"];
            claims_by_status: {
                [key: string]: number;
            };
            claims_by_priority: {
                [key: string]: number;
            };
            sla_breaches_open: number;
            /** Format: decimal */
            estimated_exposure: string;
            /** Format: decimal */
            open_reserves?: string;
            /** Format: decimal */
            settled_amount_this_month?: string;
            period?: components["schemas"]["PeriodFigures"];
            previous_period?: components["schemas"]["PeriodFigures"];
            assigned_in_period?: number;
            assessments: components["schemas"]["AssessmentFigures"];
        };
        /**
         * @description * `en` - English
         *     * `sw` - Kiswahili
         * @enum {string}
         */
        LanguageEnum: "en" | "sw";
        Line: {
            readonly position: number;
            readonly kind: components["schemas"]["EstimateLineKindEnum"];
            readonly description: string;
            readonly part_number: string;
            /** Format: decimal */
            readonly quantity: string;
            /** Format: decimal */
            unit_price: string;
            /** Format: decimal */
            readonly hours: string | null;
            /** Format: decimal */
            rate: string | null;
            /** Format: decimal */
            readonly tax_rate: string;
            /** Format: decimal */
            net: string;
            /** Format: decimal */
            tax: string;
            /** Format: decimal */
            total: string;
        };
        LineInputRequest: {
            kind: components["schemas"]["EstimateLineKindEnum"];
            description: string;
            /** @default  */
            part_number: string;
            /** Format: decimal */
            quantity?: string;
            /** Format: decimal */
            unit_price?: string;
            /** Format: decimal */
            hours?: string | null;
            /** Format: decimal */
            rate?: string | null;
            /**
             * Format: decimal
             * @default 0.00
             */
            tax_rate: string;
        };
        LoginInputRequest: {
            /** Format: email */
            email: string;
            password: string;
        };
        /** @description A provider's answer: `status` says whether `data` is there (never a 5xx for a provider failure). */
        LookupResult: {
            provider: string;
            status: components["schemas"]["LookupResultStatusEnum"];
            data: unknown;
            error_code: string;
            error: string;
            from_cache: boolean;
            /** Format: double */
            retry_after: number | null;
            warnings: string[];
        };
        /**
         * @description * `ok` - OK
         *     * `not_found` - Not found at the provider
         *     * `invalid` - The provider refused the input
         *     * `not_configured` - Provider not configured
         *     * `unavailable` - Provider unavailable (circuit open)
         *     * `rate_limited` - Rate limited
         *     * `failed` - Failed
         * @enum {string}
         */
        LookupResultStatusEnum: "ok" | "not_found" | "invalid" | "not_configured" | "unavailable" | "rate_limited" | "failed";
        /**
         * @description * `points` - points
         *     * `clusters` - clusters
         * @enum {string}
         */
        ModeEnum: "points" | "clusters";
        NewClaims: {
            today: number;
            "7_days": number;
            "30_days": number;
        };
        /**
         * @description * `agent_reviews` - agent_reviews
         *     * `answer_offer` - answer_offer
         *     * `assessor_contacts` - assessor_contacts
         *     * `finish_and_submit` - finish_and_submit
         *     * `nothing_needed` - nothing_needed
         *     * `offer_being_prepared` - offer_being_prepared
         *     * `payment_made` - payment_made
         *     * `payment_on_its_way` - payment_on_its_way
         *     * `reply_if_you_disagree` - reply_if_you_disagree
         *     * `upload_documents` - upload_documents
         * @enum {string}
         */
        NextStepCodeEnum: "agent_reviews" | "answer_offer" | "assessor_contacts" | "finish_and_submit" | "nothing_needed" | "offer_being_prepared" | "payment_made" | "payment_on_its_way" | "reply_if_you_disagree" | "upload_documents";
        NotificationOutput: {
            /** Format: uuid */
            readonly id: string;
            readonly topic: components["schemas"]["TopicEnum"];
            readonly kind: string;
            readonly title: string;
            readonly body: string;
            readonly link: string;
            readonly data: unknown;
            readonly read: boolean;
            /** Format: date-time */
            readonly read_at: string | null;
            /** Format: date-time */
            readonly created_at: string;
        };
        NotificationPreference: {
            channel: components["schemas"]["NotificationPreferenceChannelEnum"];
            topic: components["schemas"]["TopicEnum"];
            enabled: boolean;
        };
        /**
         * @description * `in_app` - In-app
         *     * `email` - Email
         *     * `sms` - SMS
         * @enum {string}
         */
        NotificationPreferenceChannelEnum: "in_app" | "email" | "sms";
        NotificationPreferenceRequest: {
            channel: components["schemas"]["NotificationPreferenceChannelEnum"];
            topic: components["schemas"]["TopicEnum"];
            enabled: boolean;
        };
        NotificationPreferencesInputRequest: {
            preferences: components["schemas"]["NotificationPreferenceRequest"][];
        };
        NotificationPreferencesOutput: {
            preferences: components["schemas"]["NotificationPreference"][];
        };
        /** @enum {unknown} */
        NullEnum: null;
        /**
         * @description * `awaiting_answer` - awaiting_answer
         *     * `accepted` - accepted
         *     * `declined` - declined
         *     * `paid` - paid
         * @enum {string}
         */
        OfferStatusEnum: "awaiting_answer" | "accepted" | "declined" | "paid";
        PaginatedAlertList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Alert"][];
        };
        PaginatedAssessmentList: {
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?cursor=cD00ODY%3D"
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?cursor=cj0xJnA9NDg3
             */
            previous?: string | null;
            results: components["schemas"]["Assessment"][];
        };
        PaginatedAuditEventOutputList: {
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?cursor=cD00ODY%3D"
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?cursor=cj0xJnA9NDg3
             */
            previous?: string | null;
            results: components["schemas"]["AuditEventOutput"][];
        };
        PaginatedCatastropheEventList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["CatastropheEvent"][];
        };
        PaginatedClaimListList: {
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?cursor=cD00ODY%3D"
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?cursor=cj0xJnA9NDg3
             */
            previous?: string | null;
            results: components["schemas"]["ClaimList"][];
        };
        PaginatedCommunicationList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Communication"][];
        };
        PaginatedCompanyOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["CompanyOutput"][];
        };
        PaginatedDocumentOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["DocumentOutput"][];
        };
        PaginatedDocumentRequestList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["DocumentRequest"][];
        };
        PaginatedImportOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["ImportOutput"][];
        };
        PaginatedNotificationOutputList: {
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?cursor=cD00ODY%3D"
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?cursor=cj0xJnA9NDg3
             */
            previous?: string | null;
            results: components["schemas"]["NotificationOutput"][];
        };
        PaginatedPartnerOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["PartnerOutput"][];
        };
        PaginatedPayoutBatchList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["PayoutBatch"][];
        };
        PaginatedPayoutOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["PayoutOutput"][];
        };
        PaginatedPolicyOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["PolicyOutput"][];
        };
        PaginatedPolicyTypeOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["PolicyTypeOutput"][];
        };
        PaginatedPrivacyRequestOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["PrivacyRequestOutput"][];
        };
        PaginatedReadAuditEntryOutputList: {
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?cursor=cD00ODY%3D"
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?cursor=cj0xJnA9NDg3
             */
            previous?: string | null;
            results: components["schemas"]["ReadAuditEntryOutput"][];
        };
        PaginatedRefundOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["RefundOutput"][];
        };
        PaginatedReviewOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["ReviewOutput"][];
        };
        PaginatedRowOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["RowOutput"][];
        };
        PaginatedScheduleOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["ScheduleOutput"][];
        };
        PaginatedTimelineItemList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["TimelineItem"][];
        };
        PaginatedTransactionOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["TransactionOutput"][];
        };
        PaginatedUserOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["UserOutput"][];
        };
        PaginatedVehicleCheckOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["VehicleCheckOutput"][];
        };
        PaginatedVehicleOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["VehicleOutput"][];
        };
        PaginatedWebhookDeliveryOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["WebhookDeliveryOutput"][];
        };
        PaginatedWebhookSubscriptionOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["WebhookSubscriptionOutput"][];
        };
        PartnerInputRequest: {
            name: string;
            kind: components["schemas"]["PartnerKindEnum"];
            /** @default motor */
            department: components["schemas"]["DepartmentEnum"];
        };
        /**
         * @description * `fleet_owner` - Fleet owner
         *     * `broker` - Broker
         * @enum {string}
         */
        PartnerKindEnum: "fleet_owner" | "broker";
        PartnerOutput: {
            /** Format: uuid */
            readonly id: string;
            readonly name: string;
            readonly kind: components["schemas"]["PartnerKindEnum"];
            readonly department: components["schemas"]["DepartmentEnum"];
            readonly active: boolean;
            /** Format: date-time */
            readonly created_at: string;
        };
        PartnerPoliciesInputRequest: {
            /** @description Policy numbers to bring into the partner's scope. */
            add?: string[];
            /** @description Policy numbers to take out of it. */
            remove?: string[];
        };
        PartnerPoliciesOutput: {
            added: number;
            removed: number;
            /** @description The policy numbers in scope now. */
            policies: string[];
        };
        PasswordChangeInputRequest: {
            old_password: string;
            new_password: string;
        };
        PasswordChangeOutput: {
            detail: string;
            sessions_revoked: number;
        };
        PasswordResetConfirmInputRequest: {
            /** @description The `token` of the link sent by e-mail. */
            token: string;
            /** @description The new password. */
            password: string;
        };
        PasswordResetDoneOutput: {
            detail: string;
            sessions_revoked: number;
        };
        PasswordResetInputRequest: {
            /** Format: email */
            email: string;
        };
        PatchedAssessmentUpdateRequest: {
            /** Format: uuid */
            assessor?: string | null;
            /** Format: date-time */
            scheduled_at?: string;
            overall_severity?: number | null;
            notes?: string;
            summary?: string;
        };
        PatchedCatastropheWriteRequest: {
            /** @description A closed ring of [longitude, latitude] points (GeoJSON's order): at least 4 points, the last repeating the first, not crossing itself nor the antimeridian. */
            polygon?: number[][] | null;
            name?: string;
            peril?: components["schemas"]["PerilEnum"];
            description?: string;
            /** Format: decimal */
            centre_latitude?: string | null;
            /** Format: decimal */
            centre_longitude?: string | null;
            /**
             * Format: decimal
             * @description More than 0, at most 500 km.
             */
            radius_km?: string | null;
            /** Format: date-time */
            starts_at?: string;
            /**
             * Format: date-time
             * @description Null: still going on.
             */
            ends_at?: string | null;
            /** @description The SLA of the event's claims, in hours from filing (null: the priority's usual SLA). */
            sla_hours?: number | null;
            /**
             * Format: decimal
             * @description Claims estimated below this go straight to a desk assessor (null: no fast track).
             */
            fast_track_limit?: string | null;
            currency?: components["schemas"]["CurrencyEnum"];
            /** @description The staff who take the event's claims: agents, assessors and supervisors of its department. */
            desk?: string[];
        };
        PatchedClaimUpdateRequest: {
            /** Format: date-time */
            incident_date?: string;
            incident_address?: string;
            /** Format: decimal */
            incident_latitude?: string;
            /** Format: decimal */
            incident_longitude?: string;
            description?: string;
            injury?: boolean;
            total_loss_hint?: boolean;
            police_report_number?: string;
            third_party_involved?: boolean;
            /** Format: decimal */
            estimated_cost?: string | null;
            priority?: components["schemas"]["ClaimPriorityEnum"];
        };
        PatchedCompanyUpdateRequest: {
            name?: string;
            registration_number?: string;
            email?: string;
            phone?: string;
            website?: string;
            address?: string;
            logo_url?: string;
            active?: boolean;
        };
        PatchedDocumentUpdateInputRequest: {
            kind?: components["schemas"]["DocumentKindEnum"];
            filename?: string;
            /** Format: uuid */
            claim?: string | null;
        };
        PatchedEstimateUpdateRequest: {
            source?: components["schemas"]["EstimateSourceEnum"];
            supplier?: string;
            reference?: string;
            notes?: string;
            currency?: string;
            lines?: components["schemas"]["LineInputRequest"][];
        };
        /** @description What a user may change about themselves (name, phone, language); every other field is read-only and refused. */
        PatchedMeUpdateInputRequest: {
            name?: string;
            phone?: string;
            language?: components["schemas"]["LanguageEnum"];
        };
        PatchedPartnerUpdateInputRequest: {
            name?: string;
            kind?: components["schemas"]["PartnerKindEnum"];
            department?: components["schemas"]["DepartmentEnum"];
            active?: boolean;
        };
        PatchedPhotoUpdateRequest: {
            caption?: string;
            section?: (components["schemas"]["AssessmentSectionKindEnum"] | components["schemas"]["NullEnum"]) | null;
            position?: number;
            /** Format: date-time */
            taken_at?: string | null;
        };
        PatchedPolicyTypeUpdateRequest: {
            name?: string;
            description?: string;
            coverage_details?: unknown;
            /** Format: decimal */
            base_premium?: string;
            pricing_rules?: unknown;
            term_months?: number;
            active?: boolean;
        };
        PatchedSectionUpdateRequest: {
            findings?: unknown;
            severity?: number | null;
            notes?: string;
            completed?: boolean;
        };
        PatchedUserUpdateInputRequest: {
            name?: string;
            phone?: string;
            role?: components["schemas"]["RoleEnum"];
            department?: components["schemas"]["DepartmentEnum"] | components["schemas"]["BlankEnum"];
            certification_level?: number;
            email_verified?: boolean;
            phone_verified?: boolean;
            is_active?: boolean;
        };
        PatchedVehicleUpdateRequest: {
            registration?: string;
            vin?: string;
            make?: string;
            model?: string;
            year?: number;
            colour?: string;
            /** Format: decimal */
            estimated_value?: string;
        };
        PatchedWebhookSubscriptionUpdateRequest: {
            name?: string;
            /** Format: uri */
            url?: string;
            event_types?: string[];
            active?: boolean;
            rotate_secret?: boolean;
        };
        PayInputRequest: {
            /** Format: uuid */
            policy: string;
            /** Format: uuid */
            instalment?: string;
            /** Format: decimal */
            amount?: string;
            currency?: components["schemas"]["CurrencyEnum"];
        };
        /**
         * @description * `annual` - Annual (one payment)
         *     * `quarterly` - Quarterly
         *     * `monthly` - Monthly
         * @enum {string}
         */
        PaymentPlanEnum: "annual" | "quarterly" | "monthly";
        PayoutBatch: {
            /** Format: uuid */
            readonly id: string;
            readonly reference: string;
            readonly currency: components["schemas"]["CurrencyEnum"];
            readonly line_count: number;
            /** Format: decimal */
            total: string;
            /** Format: uuid */
            readonly created_by: string;
            /** Format: date-time */
            readonly created_at: string;
        };
        PayoutBatchInputRequest: {
            /** @default KES */
            currency: components["schemas"]["CurrencyEnum"];
        };
        PayoutClaim: {
            /** Format: uuid */
            id: string;
            claim_number: string;
        };
        PayoutConfirmInputRequest: {
            /** @description The M-Pesa or bank reference of the payout. */
            provider_reference: string;
        };
        PayoutOutput: {
            /** Format: uuid */
            readonly id: string;
            readonly reference: string;
            /** Format: uuid */
            readonly customer: string;
            /** Format: uuid */
            readonly policy: string | null;
            /** Format: uuid */
            readonly instalment: string | null;
            readonly method: components["schemas"]["TransactionOutputMethodEnum"];
            readonly direction: components["schemas"]["TransactionOutputDirectionEnum"];
            /** Format: decimal */
            amount: string;
            readonly currency: components["schemas"]["CurrencyEnum"];
            readonly status: components["schemas"]["TransactionOutputStatusEnum"];
            /** Format: decimal */
            refunded_amount: string;
            /** @default  */
            readonly provider_reference: string;
            readonly receipt_number: string;
            readonly failure_reason: string;
            /** Format: uuid */
            readonly refund_of: string | null;
            readonly payout_stage: components["schemas"]["PayoutStageEnum"] | components["schemas"]["BlankEnum"];
            /** Format: uuid */
            readonly payout_batch: string | null;
            /** Format: date-time */
            readonly sent_at: string | null;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly completed_at: string | null;
            readonly payee: string;
            readonly claim: components["schemas"]["PayoutClaim"] | null;
            /** Format: uuid */
            readonly refund: string | null;
        };
        /**
         * @description * `awaiting_approval` - Awaiting a supervisor (above the payer's authority)
         *     * `ready` - Ready to send
         *     * `sent` - Sent: the provider accepted it, its result is awaited
         *     * `batched` - In a bank payout file: the bank statement will show it
         *     * `confirming` - Paid by finance (a cheque): awaiting its confirmation
         * @enum {string}
         */
        PayoutStageEnum: "awaiting_approval" | "ready" | "sent" | "batched" | "confirming";
        /**
         * @description * `flood` - Flood
         *     * `storm` - Storm
         *     * `hail` - Hail
         *     * `fire` - Fire
         *     * `riot` - Riot
         *     * `pile_up` - Pile-up
         *     * `other` - Other
         * @enum {string}
         */
        PerilEnum: "flood" | "storm" | "hail" | "fire" | "riot" | "pile_up" | "other";
        PeriodFigures: {
            new_claims: number;
            settled_claims: number;
            /** Format: decimal */
            settled_amount: string;
            /** Format: double */
            mean_cycle_days: number | null;
            /** Format: double */
            median_cycle_days: number | null;
            /**
             * Format: double
             * @description Share of decisions that approved, 0-1.
             */
            approval_rate: number | null;
            /** Format: double */
            rejection_rate: number | null;
        };
        Person: {
            /** Format: uuid */
            id: string;
            /** @description The person's name, else their e-mail. */
            name: string;
        };
        PhoneCodeInputRequest: {
            /** @description The 6-digit code sent by SMS. */
            code: string;
        };
        PhotoUploadRequest: {
            /** @description One part per photo (JPEG, PNG, WebP or TIFF); a single part may be named `file`. */
            files: string[];
            /**
             * @description Caption for every photo sent.
             * @default
             */
            caption: string;
            /**
             * @description The section of the assessment the photos belong to.
             *
             *     * `exterior` - Exterior
             *     * `interior` - Interior
             *     * `mechanical` - Mechanical
             *     * `electrical` - Electrical
             *     * `structural` - Structural
             *     * `glass` - Glass
             *     * `tyres_and_wheels` - Tyres and wheels
             *     * `safety_systems` - Safety systems
             */
            section?: (components["schemas"]["AssessmentSectionKindEnum"] | components["schemas"]["NullEnum"]) | null;
            /**
             * Format: date-time
             * @description When they were taken, if the photos' own metadata is wrong.
             */
            taken_at?: string | null;
        };
        PolicyOutput: {
            /** Format: uuid */
            readonly id: string;
            readonly policy_number: string;
            /** Format: uuid */
            readonly customer: string;
            /** Format: uuid */
            readonly policy_type: string;
            readonly product: string;
            readonly company: string;
            readonly category: string;
            /** Format: uuid */
            readonly vehicle: string | null;
            readonly vehicle_registration: string | null;
            readonly status: components["schemas"]["PolicyOutputStatusEnum"];
            /** Format: date */
            readonly start_date: string;
            /** Format: date */
            readonly end_date: string;
            /** Format: decimal */
            premium: string;
            /** Format: decimal */
            sum_insured: string;
            readonly currency: components["schemas"]["CurrencyEnum"];
            readonly payment_plan: components["schemas"]["PaymentPlanEnum"];
            readonly addons: unknown;
            readonly quote_details: unknown;
            /** Format: date-time */
            readonly quote_valid_until: string | null;
            /** Format: date-time */
            readonly activated_at: string | null;
            /** Format: date-time */
            readonly cancelled_at: string | null;
            readonly certificate_number: string;
            /** @description Whether GET /api/policies/{id}/certificate.pdf answers (an active motor policy). */
            readonly certificate_available: boolean;
            /** Format: uuid */
            readonly renewed_from: string | null;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        /**
         * @description * `quote` - Quote
         *     * `pending_payment` - Pending payment
         *     * `active` - Active
         *     * `lapsed` - Lapsed
         *     * `cancelled` - Cancelled
         *     * `expired` - Expired
         * @enum {string}
         */
        PolicyOutputStatusEnum: "quote" | "pending_payment" | "active" | "lapsed" | "cancelled" | "expired";
        PolicyTypeDetailOutput: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly company: string;
            readonly company_name: string;
            readonly category: string;
            readonly name: string;
            readonly description: string;
            readonly coverage_details: unknown;
            /** Format: decimal */
            base_premium: string;
            readonly pricing_rules: unknown;
            readonly term_months: number;
            readonly currency: components["schemas"]["CurrencyEnum"];
            readonly active: boolean;
            readonly average_rating: string | null;
            readonly review_count: number;
            /** @description The signed-in customer has reviewed this product (false for anyone else). */
            readonly already_reviewed: boolean;
            /** @description The signed-in customer holds or held this product and has not reviewed it yet. */
            readonly can_review: boolean;
        };
        PolicyTypeInputRequest: {
            /** Format: uuid */
            company: string;
            category: string;
            name: string;
            description?: string;
            coverage_details: unknown;
            /** Format: decimal */
            base_premium: string;
            pricing_rules?: unknown;
            term_months?: number;
            currency?: components["schemas"]["CurrencyEnum"];
            active?: boolean;
        };
        PolicyTypeOutput: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly company: string;
            readonly company_name: string;
            readonly category: string;
            readonly name: string;
            readonly description: string;
            readonly coverage_details: unknown;
            /** Format: decimal */
            base_premium: string;
            readonly pricing_rules: unknown;
            readonly term_months: number;
            readonly currency: components["schemas"]["CurrencyEnum"];
            readonly active: boolean;
            readonly average_rating: string | null;
            readonly review_count: number;
        };
        PrivacyRequestOutput: {
            /** Format: uuid */
            readonly id: string;
            readonly kind: components["schemas"]["PrivacyRequestOutputKindEnum"];
            readonly status: components["schemas"]["PrivacyRequestOutputStatusEnum"];
            /** Format: uuid */
            readonly subject: string;
            /** Format: uuid */
            readonly requested_by: string;
            /** Format: uuid */
            readonly decided_by: string | null;
            readonly reason: string;
            readonly hold_reasons: unknown;
            /** Format: date-time */
            readonly expires_at: string | null;
            readonly archive_sha256: string;
            readonly result: unknown;
            readonly error: string;
            /** Format: date-time */
            readonly completed_at: string | null;
            /** Format: date-time */
            readonly created_at: string;
            readonly download_url: string | null;
        };
        /**
         * @description * `export` - Export of personal data
         *     * `erasure` - Erasure
         * @enum {string}
         */
        PrivacyRequestOutputKindEnum: "export" | "erasure";
        /**
         * @description * `requested` - Requested (awaiting approval)
         *     * `held` - Held (cannot proceed yet)
         *     * `processing` - Processing
         *     * `completed` - Completed
         *     * `rejected` - Rejected
         *     * `failed` - Failed
         * @enum {string}
         */
        PrivacyRequestOutputStatusEnum: "requested" | "held" | "processing" | "completed" | "rejected" | "failed";
        /**
         * @description * `marketing` - Offers and news
         *     * `partner_sharing` - Sharing with partner garages and brokers
         *     * `analytics` - Product analytics
         *     * `telematics` - Driving data for pricing
         * @enum {string}
         */
        PurposeEnum: "marketing" | "partner_sharing" | "analytics" | "telematics";
        QuoteInputRequest: {
            /** Format: uuid */
            policy_type: string;
            /**
             * Format: uuid
             * @description Staff only: the customer being quoted.
             */
            customer?: string;
            /** Format: uuid */
            vehicle?: string;
            /** Format: decimal */
            sum_insured?: string;
            /** Format: date */
            start_date?: string;
            /** @default annual */
            payment_plan: components["schemas"]["PaymentPlanEnum"];
            addons?: string[];
        };
        RangeOut: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /** @description null: every department. */
            departments: string[] | null;
        };
        ReadAllOutput: {
            marked_read: number;
        };
        ReadAuditEntryOutput: {
            readonly id: number;
            /** Format: date-time */
            readonly at: string;
            /** Format: uuid */
            readonly actor: string;
            readonly actor_name: string;
            readonly actor_email: string;
            readonly actor_role: string;
            /** Format: uuid */
            readonly subject: string | null;
            readonly object_type: string;
            readonly object_id: string;
            readonly fields: unknown;
            readonly ip: string | null;
            readonly user_agent: string;
            readonly request_id: string;
        };
        ReasonInputRequest: {
            reason: string;
        };
        ReconcileReport: {
            matched: {
                [key: string]: unknown;
            }[];
            /** @description Debit lines that paid our payouts. */
            paid_out: {
                [key: string]: unknown;
            }[];
            already_credited: {
                [key: string]: unknown;
            }[];
            /** @description Debit lines for a payout already paid: reported, never recorded. */
            duplicate: {
                [key: string]: unknown;
            }[];
            unmatched: {
                [key: string]: unknown;
            }[];
        };
        RefreshInputRequest: {
            refresh: string;
        };
        RefreshOutput: {
            access: string;
            refresh: string;
        };
        RefundDecisionInputRequest: {
            approve: boolean;
            /** @default  */
            note: string;
        };
        RefundInputRequest: {
            /** Format: uuid */
            transaction: string;
            /** Format: decimal */
            amount: string;
            reason: string;
        };
        RefundOutput: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly transaction: string;
            /** Format: decimal */
            amount: string;
            readonly reason: string;
            readonly status: components["schemas"]["RefundOutputStatusEnum"];
            /** Format: uuid */
            readonly requested_by: string;
            /** Format: uuid */
            readonly decided_by: string | null;
            /** Format: uuid */
            readonly payout: string | null;
            /** Format: date-time */
            readonly created_at: string;
        };
        /**
         * @description * `requested` - Requested
         *     * `approved` - Approved and paid out
         *     * `rejected` - Rejected
         * @enum {string}
         */
        RefundOutputStatusEnum: "requested" | "approved" | "rejected";
        RegisterInputRequest: {
            /** Format: email */
            email: string;
            password: string;
            /** @default  */
            name: string;
            /** @default  */
            phone: string;
            /**
             * @description The web application's language.
             *
             *     * `en` - English
             *     * `sw` - Kiswahili
             * @default en
             */
            language: components["schemas"]["LanguageEnum"];
        };
        RegisteredOutput: {
            detail: string;
            /** Format: email */
            email: string;
        };
        Reserve: {
            /** Format: uuid */
            readonly id: string;
            readonly cost_type: components["schemas"]["CostTypeEnum"];
            /** Format: decimal */
            amount: string;
            /** Format: decimal */
            paid: string;
            /** Format: decimal */
            readonly open_amount: string;
            readonly currency: components["schemas"]["CurrencyEnum"];
            /** Format: date-time */
            readonly closed_at: string | null;
            /** Format: date-time */
            readonly updated_at: string;
            /** @description Every change of the amount, oldest first, with why. */
            readonly history: components["schemas"]["ReserveChange"][];
        };
        ReserveChange: {
            readonly id: number;
            /** Format: decimal */
            previous_amount: string;
            /** Format: decimal */
            new_amount: string;
            readonly reason: string;
            /** Format: uuid */
            readonly actor: string | null;
            /** @description Who changed it (name, else e-mail). */
            readonly actor_name: string | null;
            /** Format: date-time */
            readonly at: string;
        };
        ReserveSetRequest: {
            cost_type: components["schemas"]["CostTypeEnum"];
            /** Format: decimal */
            amount: string;
            reason: string;
        };
        ResumableUploadOutput: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly claim: string;
            readonly document_type: components["schemas"]["DocumentKindEnum"];
            readonly filename: string;
            readonly content_type: string;
            readonly size: number;
            readonly sha256: string;
            readonly offset: number;
            /** @description The chunk size the server advises, in bytes. */
            readonly chunk_size: number;
            /** @description The largest chunk the server takes, in bytes. */
            readonly max_chunk_size: number;
            readonly status: components["schemas"]["ResumableUploadOutputStatusEnum"];
            /** @description The intake's code when `status` is `refused`. */
            readonly error: string;
            /** Format: date-time */
            readonly expires_at: string;
            /** Format: date-time */
            readonly completed_at: string | null;
            readonly document: components["schemas"]["DocumentOutput"] | null;
            /** Format: date-time */
            readonly created_at: string;
        };
        /**
         * @description * `open` - Open (receiving chunks)
         *     * `complete` - Complete (handed to the intake: see its document)
         *     * `refused` - Refused by the intake (see error)
         *     * `cancelled` - Cancelled
         *     * `expired` - Expired
         * @enum {string}
         */
        ResumableUploadOutputStatusEnum: "open" | "complete" | "refused" | "cancelled" | "expired";
        ReviewInputRequest: {
            rating: number;
            /** @default  */
            text: string;
        };
        ReviewOutput: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly policy_type: string;
            readonly rating: number;
            readonly text: string;
            readonly author: string;
            /** Format: date-time */
            readonly created_at: string;
        };
        /**
         * @description * `customer` - Customer
         *     * `agent` - Agent
         *     * `assessor` - Assessor
         *     * `supervisor` - Supervisor
         *     * `admin` - Admin
         * @enum {string}
         */
        RoleEnum: "customer" | "agent" | "assessor" | "supervisor" | "admin";
        RowError: {
            field: string | null;
            message: string;
            code: string;
        };
        RowOutput: {
            readonly number: number;
            readonly status: components["schemas"]["IntakeRowStatusEnum"];
            /** Format: uuid */
            readonly claim: string | null;
            readonly claim_number: string;
            readonly external_reference: string;
            readonly values: unknown;
            readonly errors: components["schemas"]["RowError"][];
        };
        /**
         * @description * `succeeded` - succeeded
         *     * `failed` - failed
         * @enum {string}
         */
        SandboxSettleInputOutcomeEnum: "succeeded" | "failed";
        SandboxSettleInputRequest: {
            outcome: components["schemas"]["SandboxSettleInputOutcomeEnum"];
        };
        ScheduleOutput: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly policy: string;
            readonly plan: string;
            /** Format: decimal */
            total: string;
            readonly currency: components["schemas"]["CurrencyEnum"];
            readonly instalments: components["schemas"]["InstalmentOutput"][];
            /** Format: date-time */
            readonly created_at: string;
        };
        /** @description A section as staff see it (customers receive the required fields: no findings or notes). */
        Section: {
            /** Format: uuid */
            readonly id: string;
            readonly kind: components["schemas"]["AssessmentSectionKindEnum"];
            readonly position: number;
            findings?: unknown;
            readonly severity: number | null;
            readonly notes?: string;
            readonly completed: boolean;
            /** Format: date-time */
            readonly completed_at?: string | null;
            /** Format: date-time */
            readonly updated_at?: string;
        };
        SectionSchema: {
            kind: components["schemas"]["AssessmentSectionKindEnum"];
            schema: unknown;
        };
        SessionOutput: {
            access: string;
            user: components["schemas"]["UserOutput"];
        };
        Settlement: {
            /** Format: uuid */
            readonly id: string;
            /** Format: decimal */
            amount: string;
            readonly currency: components["schemas"]["CurrencyEnum"];
            readonly cost_type: components["schemas"]["CostTypeEnum"];
            readonly payee: string;
            readonly method: components["schemas"]["SettlementMethodEnum"];
            readonly status: components["schemas"]["SettlementStatusEnum"];
            /** Format: uuid */
            readonly proposed_by: string;
            /** @description Who proposed it (name, else e-mail). */
            readonly proposed_by_name: string | null;
            /** Format: uuid */
            readonly approved_by: string | null;
            /** @description Who approved it (name, else e-mail). */
            readonly approved_by_name: string | null;
            /** Format: uuid */
            readonly paid_transaction: string | null;
            readonly note: string;
            /** Format: date-time */
            readonly approved_at: string | null;
            readonly customer_decision: components["schemas"]["SettlementDecisionEnum"];
            readonly customer_decision_reason: string;
            /** Format: date-time */
            readonly customer_decided_at: string | null;
            /** @description Who gave the customer's answer: the customer, or staff who recorded it for them. */
            readonly customer_decided_by_name: string | null;
            readonly customer_decision_note: string;
            /** @description Staff recorded the customer's answer. */
            readonly answered_on_behalf: boolean;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        SettlementActionRequest: {
            action: components["schemas"]["ActionEnum"];
            /** @default  */
            reason: string;
        };
        /**
         * @description * `accepted` - Accepted
         *     * `declined` - Declined
         * @enum {string}
         */
        SettlementDecisionEnum: "accepted" | "declined";
        /**
         * @description * `bank_transfer` - Bank transfer
         *     * `mpesa` - M-Pesa
         *     * `cheque` - Cheque
         * @enum {string}
         */
        SettlementMethodEnum: "bank_transfer" | "mpesa" | "cheque";
        SettlementOffer: {
            /** Format: uuid */
            readonly id: string;
            /** Format: decimal */
            amount: string;
            readonly currency: components["schemas"]["CurrencyEnum"];
            readonly cost_type: components["schemas"]["CostTypeEnum"];
            readonly payee: string;
            readonly method: components["schemas"]["SettlementMethodEnum"];
            /** @description The policy's excess (deductible), in `currency`; null: none. */
            readonly excess: string | null;
            readonly offer_status: components["schemas"]["OfferStatusEnum"];
            /** Format: date-time */
            readonly approved_at: string | null;
            readonly customer_decision: components["schemas"]["SettlementDecisionEnum"];
            readonly customer_decision_reason: string;
            /** Format: date-time */
            readonly customer_decided_at: string | null;
            /** @description The answer was recorded by staff for the customer (e.g. by phone). */
            readonly answered_on_behalf: boolean;
        };
        SettlementProposeRequest: {
            /** Format: decimal */
            amount: string;
            payee: string;
            method: components["schemas"]["SettlementMethodEnum"];
            /** @default own_damage */
            cost_type: components["schemas"]["CostTypeEnum"];
            /** @default  */
            note: string;
        };
        SettlementResponseRequest: {
            decision: components["schemas"]["DecisionEnum"];
            /**
             * @description Why declined (required then).
             * @default
             */
            reason: string;
            /**
             * @description Staff answering for the customer: how the customer gave the answer (required then).
             * @default
             */
            note: string;
        };
        /**
         * @description * `proposed` - Proposed
         *     * `approved` - Approved
         *     * `paid` - Paid
         *     * `rejected` - Rejected
         * @enum {string}
         */
        SettlementStatusEnum: "proposed" | "approved" | "paid" | "rejected";
        SeverityCounts: {
            low: number;
            medium: number;
            high: number;
            critical: number;
        };
        /**
         * @description * `low` - Low
         *     * `medium` - Medium
         *     * `high` - High
         *     * `critical` - Critical
         * @enum {string}
         */
        SeverityEnum: "low" | "medium" | "high" | "critical";
        SignedUrlOutput: {
            /** Format: uri */
            url: string;
            expires_in: number;
        };
        /** @description A gallery item as staff see it: also the original's metadata (device, times, GPS) and its fingerprints (customers receive the Photo fields: the required ones). */
        StaffPhoto: {
            /** Format: uuid */
            readonly id: string;
            readonly status: components["schemas"]["AssessmentPhotoStatusEnum"];
            readonly caption: string;
            readonly section: (components["schemas"]["AssessmentSectionKindEnum"] | components["schemas"]["NullEnum"]) | null;
            readonly position: number;
            /** Format: date-time */
            readonly taken_at: string | null;
            readonly filename: string;
            readonly width: number | null;
            readonly height: number | null;
            readonly served_size: number | null;
            /**
             * Format: uri
             * @description Null until the photo is ready.
             */
            readonly url: string | null;
            /**
             * Format: uri
             * @description Null until the photo is ready.
             */
            readonly thumbnail_url: string | null;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: uuid */
            readonly uploaded_by?: string;
            /** Format: uuid */
            readonly document?: string | null;
            readonly sha256?: string;
            readonly original_size?: number;
            readonly perceptual_hash?: string;
            readonly original_metadata?: unknown;
        };
        StageOutput: {
            readonly stage: string;
            /** Format: date-time */
            readonly entered_at: string;
            /** Format: date-time */
            readonly left_at: string | null;
            /** Format: uuid */
            readonly actor: string | null;
            readonly note: string;
        };
        /**
         * @description * `open` - open
         *     * `fulfilled` - fulfilled
         *     * `cancelled` - cancelled
         * @enum {string}
         */
        StateEnum: "open" | "fulfilled" | "cancelled";
        StatementUploadRequest: {
            /**
             * Format: binary
             * @description The bank statement: a UTF-8 CSV with date, reference, amount, currency and bank_reference columns.
             */
            file: string;
        };
        StkPushInputRequest: {
            /** Format: uuid */
            policy: string;
            /** Format: uuid */
            instalment?: string;
            /** Format: decimal */
            amount?: string;
            currency?: components["schemas"]["CurrencyEnum"];
            phone: string;
        };
        StkPushOutput: {
            transaction: components["schemas"]["TransactionOutput"];
            customer_message: string;
        };
        Summary: {
            per_day: components["schemas"]["Day"][];
            per_user: components["schemas"]["UserSummary"][];
            per_action: components["schemas"]["Action"][];
        };
        TimelineItem: {
            type: string;
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            actor: string | null;
            /** @description Who did it (name, else e-mail); null: the system. */
            actor_name: string | null;
            detail?: string;
            /** @description status_changed: the new status; reserve_changed: the amount. */
            to?: string;
            /** @description assigned: `agent` or `assessor`. */
            role?: string;
            /**
             * Format: uuid
             * @description assigned: the new assignee.
             */
            user?: string | null;
            /** @description assigned: the new assignee's name. */
            user_name?: string | null;
            /**
             * Format: uuid
             * @description assigned: who it was before.
             */
            previous_user?: string | null;
            /** @description assigned: picked by the system. */
            automatic?: boolean;
            /** @description communication: email, sms, phone, letter or note. */
            channel?: string;
            /** @description communication: inbound, outbound or internal. */
            direction?: string;
            /** @description communication: who it was with. */
            party?: string;
            /** @description reserve_changed: the reserve's cost type. */
            cost_type?: string;
            /** @description settlement_*: the amount (decimal string). */
            amount?: string;
            /**
             * Format: uuid
             * @description document, document_request_fulfilled: the document's id.
             */
            document?: string;
            /** @description document_request_*: the kind of document asked for. */
            kind?: string;
            /** @description status_changed: the status before; reserve_changed: the amount before. */
            from?: string;
        };
        TokenInputRequest: {
            /** @description The `token` of the link sent by e-mail. */
            token: string;
        };
        TokenPairOutput: {
            access: string;
            refresh: string;
            user: components["schemas"]["UserOutput"];
        };
        /**
         * @description * `claim_updates` - Claim updates
         *     * `assessment_updates` - Assessment updates
         *     * `payments` - Payments and receipts
         *     * `policy_renewals` - Policy renewals and expiry
         *     * `documents` - Documents
         *     * `assignments` - Work assigned to me
         *     * `alerts` - Alerts
         *     * `security` - Security (sign-ins, password changes)
         *     * `marketing` - Offers and news
         * @enum {string}
         */
        TopicEnum: "claim_updates" | "assessment_updates" | "payments" | "policy_renewals" | "documents" | "assignments" | "alerts" | "security" | "marketing";
        TotalLossOverrideRequest: {
            total_loss: boolean | null;
            /** @default  */
            reason: string;
        };
        TransactionOutput: {
            /** Format: uuid */
            readonly id: string;
            readonly reference: string;
            /** Format: uuid */
            readonly customer: string;
            /** Format: uuid */
            readonly policy: string | null;
            /** Format: uuid */
            readonly instalment: string | null;
            readonly method: components["schemas"]["TransactionOutputMethodEnum"];
            readonly direction: components["schemas"]["TransactionOutputDirectionEnum"];
            /** Format: decimal */
            amount: string;
            readonly currency: components["schemas"]["CurrencyEnum"];
            readonly status: components["schemas"]["TransactionOutputStatusEnum"];
            /** Format: decimal */
            refunded_amount: string;
            /** @default  */
            readonly provider_reference: string;
            readonly receipt_number: string;
            readonly failure_reason: string;
            /** Format: uuid */
            readonly refund_of: string | null;
            readonly payout_stage: components["schemas"]["PayoutStageEnum"] | components["schemas"]["BlankEnum"];
            /** Format: uuid */
            readonly payout_batch: string | null;
            /** Format: date-time */
            readonly sent_at: string | null;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly completed_at: string | null;
        };
        /**
         * @description * `in` - Incoming
         *     * `out` - Outgoing
         * @enum {string}
         */
        TransactionOutputDirectionEnum: "in" | "out";
        /**
         * @description * `mpesa` - M-Pesa
         *     * `card` - Card
         *     * `bank_transfer` - Bank transfer
         *     * `cheque` - Cheque
         * @enum {string}
         */
        TransactionOutputMethodEnum: "mpesa" | "card" | "bank_transfer" | "cheque";
        /**
         * @description * `pending` - Pending
         *     * `succeeded` - Succeeded
         *     * `failed` - Failed
         *     * `cancelled` - Cancelled
         *     * `refunded` - Refunded
         *     * `partially_refunded` - Partially refunded
         * @enum {string}
         */
        TransactionOutputStatusEnum: "pending" | "succeeded" | "failed" | "cancelled" | "refunded" | "partially_refunded";
        TransitionRequest: {
            to: components["schemas"]["ClaimStatusEnum"];
            /** @default  */
            reason: string;
            /** Format: decimal */
            approved_amount?: string;
        };
        Trend: {
            range: components["schemas"]["RangeOut"];
            /** @description ISO 4217 code of the amounts. */
            currency: string;
            days: components["schemas"]["TrendDay"][];
        };
        TrendDay: {
            /** Format: date */
            day: string;
            new: number;
            settled: number;
            /** Format: decimal */
            settled_amount: string;
        };
        UploadCreateInputRequest: {
            /**
             * Format: uuid
             * @description The claim the file belongs to (one the caller may see).
             */
            claim: string;
            /**
             * @description What the document is; `photo` must be an image.
             *
             *     * `policy_document` - Policy document
             *     * `id` - Identity document
             *     * `driving_licence` - Driving licence
             *     * `vehicle_registration` - Vehicle registration certificate (V5C / logbook)
             *     * `police_report` - Police report
             *     * `repair_invoice` - Repair invoice
             *     * `estimate` - Estimate
             *     * `medical_report` - Medical report
             *     * `photo` - Photo
             *     * `other` - Other
             */
            document_type: components["schemas"]["DocumentKindEnum"];
            /** @description The file's name on the device; display only. */
            filename: string;
            /** @description The whole file's size in bytes. */
            size: number;
            /** @description Hex SHA-256 of the whole file, checked when the last byte arrives. */
            sha256: string;
            /** @description As the device names it; the content decides. */
            content_type?: string;
            /**
             * @description Keep it even if you uploaded the same file before.
             * @default false
             */
            allow_duplicate: boolean;
        };
        UploadInputRequest: {
            /**
             * Format: binary
             * @description The file: PDF, JPEG, PNG, WebP, HEIC, TIFF or DOCX (judged by its content).
             */
            file: string;
            /**
             * @description What the document is; guessed when left out.
             *
             *     * `policy_document` - Policy document
             *     * `id` - Identity document
             *     * `driving_licence` - Driving licence
             *     * `vehicle_registration` - Vehicle registration certificate (V5C / logbook)
             *     * `police_report` - Police report
             *     * `repair_invoice` - Repair invoice
             *     * `estimate` - Estimate
             *     * `medical_report` - Medical report
             *     * `photo` - Photo
             *     * `other` - Other
             */
            kind?: components["schemas"]["DocumentKindEnum"];
            /**
             * Format: uuid
             * @description The claim it belongs to (one the caller may see).
             */
            claim?: string;
            /**
             * @description Keep it even if you uploaded the same file before.
             * @default false
             */
            allow_duplicate: boolean;
        };
        UserCreateInputRequest: {
            /** Format: email */
            email: string;
            password: string;
            role: components["schemas"]["RoleEnum"];
            /** @default  */
            name: string;
            /** @default  */
            phone: string;
            /** @default  */
            department: components["schemas"]["DepartmentEnum"] | components["schemas"]["BlankEnum"];
            /** @default 0 */
            certification_level: number;
        };
        UserOutput: {
            /** Format: uuid */
            readonly id: string;
            /** Format: email */
            readonly email: string;
            readonly name: string;
            readonly phone: string;
            readonly role: components["schemas"]["RoleEnum"];
            /**
             * @description Empty for customers and admins.
             *
             *     * `motor` - Motor
             *     * `health` - Health
             *     * `life` - Life
             *     * `property` - Home and property
             *     * `travel` - Travel
             *     * `business` - Business
             *     * `agriculture` - Agriculture
             *     * `marine` - Marine
             *     * `personal_accident` - Personal accident
             *     * `liability` - Liability
             */
            readonly department: components["schemas"]["DepartmentEnum"] | components["schemas"]["BlankEnum"];
            readonly certification_level: number;
            readonly language: components["schemas"]["LanguageEnum"];
            readonly email_verified: boolean;
            readonly phone_verified: boolean;
            readonly is_active: boolean;
            /** Format: date-time */
            readonly last_login: string | null;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        UserSummary: {
            /** Format: uuid */
            user: string;
            /** Format: email */
            email: string;
            role: string;
            actions: number;
            /** Format: date-time */
            last_active: string;
        };
        VehicleCheckInputRequest: {
            kind: components["schemas"]["VehicleCheckKindEnum"];
        };
        /**
         * @description * `dvla` - DVLA vehicle enquiry
         *     * `hpi` - Vehicle history (HPI-style)
         *     * `vin` - VIN decoding
         * @enum {string}
         */
        VehicleCheckKindEnum: "dvla" | "hpi" | "vin";
        VehicleCheckOutput: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly vehicle: string;
            readonly kind: components["schemas"]["VehicleCheckKindEnum"];
            readonly provider: string;
            status: components["schemas"]["VehicleCheckOutputStatusEnum"];
            readonly result: unknown;
            readonly findings: unknown;
            readonly error_code: string;
            readonly error: string;
            readonly attempts: number;
            /** Format: date-time */
            readonly fetched_at: string | null;
            /** Format: uuid */
            readonly requested_by: string | null;
            /** Format: date-time */
            readonly created_at: string;
        };
        /**
         * @description * `pending` - Pending
         *     * `ok` - OK
         *     * `not_found` - Not found at the provider
         *     * `invalid` - The provider refused the input
         *     * `not_configured` - Provider not configured
         *     * `unavailable` - Provider unavailable (circuit open)
         *     * `rate_limited` - Rate limited
         *     * `failed` - Failed
         * @enum {string}
         */
        VehicleCheckOutputStatusEnum: "pending" | "ok" | "not_found" | "invalid" | "not_configured" | "unavailable" | "rate_limited" | "failed";
        VehicleInputRequest: {
            /**
             * Format: uuid
             * @description Staff only: the customer who owns it.
             */
            owner?: string;
            registration: string;
            vin: string;
            make: string;
            model: string;
            year: number;
            /** @default  */
            colour: string;
            /** Format: decimal */
            estimated_value: string;
        };
        VehicleOutput: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly owner: string;
            readonly registration: string;
            readonly vin: string;
            readonly make: string;
            readonly model: string;
            readonly year: number;
            readonly colour: string;
            /** Format: decimal */
            estimated_value: string;
            readonly currency: string;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        VinDecoding: {
            vin: string;
            /** @description ISO 3779 structure, WMI manufacturer, country, model years */
            offline: unknown;
            /** @description NHTSA vPIC detail when reachable; null when not asked (customers' decodings) */
            online: components["schemas"]["LookupResult"] | null;
        };
        WebhookDeliveryOutput: {
            readonly id: number;
            readonly event: number;
            readonly event_type: string;
            readonly ordering_key: string;
            readonly status: components["schemas"]["WebhookDeliveryOutputStatusEnum"];
            readonly attempts: number;
            /** Format: date-time */
            readonly next_attempt_at: string;
            readonly last_status_code: number | null;
            readonly last_error: string;
            /** Format: date-time */
            readonly delivered_at: string | null;
            readonly replay: boolean;
            /** Format: date-time */
            readonly created_at: string;
        };
        /**
         * @description * `pending` - Pending
         *     * `delivered` - Delivered
         *     * `failed` - Failed (gave up)
         * @enum {string}
         */
        WebhookDeliveryOutputStatusEnum: "pending" | "delivered" | "failed";
        WebhookReplayInputRequest: {
            since: number;
        };
        WebhookReplayOutput: {
            queued: number;
        };
        WebhookSubscriptionInputRequest: {
            name: string;
            /** Format: uri */
            url: string;
            event_types: string[];
        };
        WebhookSubscriptionOutput: {
            /** Format: uuid */
            readonly id: string;
            readonly name: string;
            /** Format: uri */
            readonly url: string;
            readonly event_types: unknown;
            readonly active: boolean;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        /** @description A subscription with its signing secret, shown once: when the secret is made (create, rotate). */
        WebhookSubscriptionWithSecret: {
            /** Format: uuid */
            readonly id: string;
            readonly name: string;
            /** Format: uri */
            readonly url: string;
            readonly event_types: unknown;
            readonly active: boolean;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
            readonly secret: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    analytics_activity_retrieve: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                user?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Summary"];
                };
            };
        };
    };
    assessments_list: {
        parameters: {
            query?: {
                assessor?: string;
                claim?: string;
                /** @description The pagination cursor value. */
                cursor?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
                /**
                 * @description * `scheduled` - Scheduled
                 *     * `in_progress` - In progress
                 *     * `completed` - Completed
                 *     * `cancelled` - Cancelled
                 */
                status?: ("cancelled" | "completed" | "in_progress" | "scheduled")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedAssessmentList"];
                };
            };
        };
    };
    assessments_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssessmentCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"];
                };
            };
        };
    };
    assessments_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"];
                };
            };
        };
    };
    assessments_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedAssessmentUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"];
                };
            };
        };
    };
    assessments_cancel_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"];
                };
            };
        };
    };
    assessments_complete_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"];
                };
            };
        };
    };
    assessments_estimates_list: {
        parameters: {
            query?: {
                /** @description Estimate to compare against (default: the accepted one, else the assessor's first, else the first) */
                baseline?: string;
                /** @description Side-by-side comparison of the estimates */
                compare?: boolean;
            };
            header?: never;
            path: {
                assessment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EstimatesOrComparison"];
                };
            };
        };
    };
    assessments_estimates_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EstimateCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Estimate"];
                };
            };
        };
    };
    assessments_estimates_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
                estimate_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Estimate"];
                };
            };
        };
    };
    assessments_estimates_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
                estimate_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    assessments_estimates_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
                estimate_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedEstimateUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Estimate"];
                };
            };
        };
    };
    assessments_estimates_accept_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
                estimate_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Estimate"];
                };
            };
        };
    };
    assessments_photos_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffPhoto"][];
                };
            };
        };
    };
    assessments_photos_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["PhotoUploadRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffPhoto"][];
                };
            };
        };
    };
    assessments_photos_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
                photo_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffPhoto"];
                };
            };
        };
    };
    assessments_photos_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
                photo_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    assessments_photos_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
                photo_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedPhotoUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffPhoto"];
                };
            };
        };
    };
    assessments_photos_file_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
                photo_id: string;
                variant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/webp": string;
                };
            };
        };
    };
    "assessments_report.pdf_retrieve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
        };
    };
    assessments_sections_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Section"][];
                };
            };
        };
    };
    assessments_sections_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Section"];
                };
            };
        };
    };
    assessments_sections_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedSectionUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Section"];
                };
            };
        };
    };
    assessments_total_loss_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assessment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotalLossOverrideRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"];
                };
            };
        };
    };
    assessments_section_schemas_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SectionSchema"][];
                };
            };
        };
    };
    audit_list: {
        parameters: {
            query?: {
                action?: string;
                action_prefix?: string;
                actor?: string;
                created_after?: string;
                created_before?: string;
                /** @description The pagination cursor value. */
                cursor?: string;
                object_id?: string;
                object_type?: string;
                /** @description Number of results to return per page. */
                page_size?: number;
                request_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedAuditEventOutputList"];
                };
            };
        };
    };
    audit_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                event_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventOutput"];
                };
            };
        };
    };
    audit_reads_list: {
        parameters: {
            query: {
                /** @description The pagination cursor value. */
                cursor?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
                /** @description The customer's user id. */
                subject: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedReadAuditEntryOutputList"];
                };
            };
        };
    };
    auth_email_change_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailChangeInputRequest"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DetailOutput"];
                };
            };
        };
    };
    auth_login_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairOutput"];
                };
            };
        };
    };
    auth_logout_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshInputRequest"];
            };
        };
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    auth_me_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOutput"];
                };
            };
        };
    };
    auth_me_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedMeUpdateInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOutput"];
                };
            };
        };
    };
    auth_me_notification_preferences_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesOutput"];
                };
            };
        };
    };
    auth_me_notification_preferences_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPreferencesInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesOutput"];
                };
            };
        };
    };
    auth_password_reset_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetInputRequest"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DetailOutput"];
                };
            };
        };
    };
    auth_password_reset_confirm_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetDoneOutput"];
                };
            };
        };
    };
    auth_password_change_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChangeInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordChangeOutput"];
                };
            };
        };
    };
    auth_refresh_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefreshOutput"];
                };
            };
        };
    };
    auth_register_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterInputRequest"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredOutput"];
                };
            };
        };
    };
    auth_session_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOutput"];
                };
            };
            /** @description CSRF token missing or wrong */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    auth_session_csrf_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CsrfOutput"];
                };
            };
        };
    };
    auth_session_logout_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    auth_session_refresh_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOutput"];
                };
            };
            /** @description No usable session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    auth_unlock_confirm_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DetailOutput"];
                };
            };
        };
    };
    auth_verify_email_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DetailOutput"];
                };
            };
        };
    };
    auth_verify_email_confirm_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailConfirmedOutput"];
                };
            };
        };
    };
    auth_verify_phone_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DetailOutput"];
                };
            };
        };
    };
    auth_verify_phone_confirm_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PhoneCodeInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DetailOutput"];
                };
            };
        };
    };
    catastrophes_list: {
        parameters: {
            query?: {
                /**
                 * @description * `motor` - Motor
                 *     * `health` - Health
                 *     * `life` - Life
                 *     * `property` - Home and property
                 *     * `travel` - Travel
                 *     * `business` - Business
                 *     * `agriculture` - Agriculture
                 *     * `marine` - Marine
                 *     * `personal_accident` - Personal accident
                 *     * `liability` - Liability
                 */
                department?: "agriculture" | "business" | "health" | "liability" | "life" | "marine" | "motor" | "personal_accident" | "property" | "travel";
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /**
                 * @description * `flood` - Flood
                 *     * `storm` - Storm
                 *     * `hail` - Hail
                 *     * `fire` - Fire
                 *     * `riot` - Riot
                 *     * `pile_up` - Pile-up
                 *     * `other` - Other
                 */
                peril?: "fire" | "flood" | "hail" | "other" | "pile_up" | "riot" | "storm";
                /**
                 * @description * `open` - Open
                 *     * `closed` - Closed
                 */
                status?: "closed" | "open";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedCatastropheEventList"];
                };
            };
        };
    };
    catastrophes_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CatastropheDeclareRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatastropheEvent"];
                };
            };
        };
    };
    catastrophes_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatastropheEvent"];
                };
            };
        };
    };
    catastrophes_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedCatastropheWriteRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatastropheEvent"];
                };
            };
        };
    };
    catastrophes_close_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CatastropheCloseRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatastropheEvent"];
                };
            };
        };
    };
    catastrophes_figures_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatastropheFigures"];
                };
            };
        };
    };
    claims_list: {
        parameters: {
            query?: {
                assigned_agent?: string;
                assigned_assessor?: string;
                /** @description min_lon,min_lat,max_lon,max_lat (WGS 84 degrees, GeoJSON's order). */
                bbox?: string;
                /** @description Claims tagged with this event. */
                catastrophe?: string;
                created_after?: string;
                created_before?: string;
                /** @description The pagination cursor value. */
                cursor?: string;
                customer?: string;
                /**
                 * @description * `motor` - Motor
                 *     * `health` - Health
                 *     * `life` - Life
                 *     * `property` - Home and property
                 *     * `travel` - Travel
                 *     * `business` - Business
                 *     * `agriculture` - Agriculture
                 *     * `marine` - Marine
                 *     * `personal_accident` - Personal accident
                 *     * `liability` - Liability
                 */
                department?: "agriculture" | "business" | "health" | "liability" | "life" | "marine" | "motor" | "personal_accident" | "property" | "travel";
                /** @description Fast-tracked by their catastrophe event (the desk's queue). */
                fast_track?: boolean;
                has_open_alerts?: boolean;
                incident_after?: string;
                incident_before?: string;
                /** @description The centre's latitude (with lon, radius_km). */
                lat?: number;
                /** @description The centre's longitude (with lat, radius_km). */
                lon?: number;
                /** @description Sort by `created_at` (default, newest first), `sla_due_at`, `priority` (by urgency), `status` (by workflow), `incident_date`, `estimated_cost` or `claim_number`; `-` before a name reverses it. */
                ordering?: string;
                /** @description Number of results to return per page. */
                page_size?: number;
                policy?: string;
                /** @description A lasso: lon,lat,lon,lat,... (3 to 100 corners, not crossing itself). */
                polygon?: string;
                /**
                 * @description * `low` - Low
                 *     * `normal` - Normal
                 *     * `high` - High
                 *     * `urgent` - Urgent
                 */
                priority?: ("high" | "low" | "normal" | "urgent")[];
                /** @description Up to 1000 km from the centre. */
                radius_km?: number;
                /** @description A search term. */
                search?: string;
                sla_breached?: boolean;
                /**
                 * @description * `draft` - Draft
                 *     * `submitted` - Submitted
                 *     * `under_review` - Under review
                 *     * `assessment` - Assessment
                 *     * `approved` - Approved
                 *     * `rejected` - Rejected
                 *     * `settlement` - Settlement
                 *     * `settled` - Settled
                 *     * `closed` - Closed
                 *     * `withdrawn` - Withdrawn
                 */
                status?: ("approved" | "assessment" | "closed" | "draft" | "rejected" | "settled" | "settlement" | "submitted" | "under_review" | "withdrawn")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedClaimListList"];
                };
            };
        };
    };
    claims_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description One unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried: a repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDetail"];
                };
            };
        };
    };
    claims_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDetail"];
                };
            };
        };
    };
    claims_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedClaimUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDetail"];
                };
            };
        };
    };
    claims_assessment_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"];
                };
            };
        };
    };
    claims_assign_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AssignRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDetail"];
                };
            };
        };
    };
    claims_assignees_of_claim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignees"];
                };
            };
        };
    };
    claims_catastrophe_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CatastropheTagRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDetail"];
                };
            };
        };
    };
    claims_communications_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
            };
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedCommunicationList"];
                };
            };
        };
    };
    claims_communications_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommunicationCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Communication"];
                };
            };
        };
    };
    claims_customer_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerContact"];
                };
            };
        };
    };
    claims_document_requests_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
            };
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedDocumentRequestList"];
                };
            };
        };
    };
    claims_document_requests_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DocumentRequestCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentRequest"];
                };
            };
        };
    };
    claims_document_requests_cancel_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentRequest"];
                };
            };
        };
    };
    claims_documents_list: {
        parameters: {
            query?: {
                claim?: string;
                created_after?: string;
                created_before?: string;
                /**
                 * @description * `application/pdf` - PDF
                 *     * `image/jpeg` - JPEG
                 *     * `image/png` - PNG
                 *     * `image/webp` - WebP
                 *     * `image/heic` - HEIC
                 *     * `image/tiff` - TIFF
                 *     * `application/vnd.openxmlformats-officedocument.wordprocessingml.document` - DOCX
                 *     * `application/octet-stream` - Unknown (only for quarantined files)
                 */
                file_type?: "application/octet-stream" | "application/pdf" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "image/heic" | "image/jpeg" | "image/png" | "image/tiff" | "image/webp";
                /**
                 * @description * `policy_document` - Policy document
                 *     * `id` - Identity document
                 *     * `driving_licence` - Driving licence
                 *     * `vehicle_registration` - Vehicle registration certificate (V5C / logbook)
                 *     * `police_report` - Police report
                 *     * `repair_invoice` - Repair invoice
                 *     * `estimate` - Estimate
                 *     * `medical_report` - Medical report
                 *     * `photo` - Photo
                 *     * `other` - Other
                 */
                kind?: "driving_licence" | "estimate" | "id" | "medical_report" | "other" | "photo" | "police_report" | "policy_document" | "repair_invoice" | "vehicle_registration";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /**
                 * @description * `pending` - Pending
                 *     * `processing` - Processing
                 *     * `done` - Done
                 *     * `failed` - Failed
                 */
                processing_status?: "done" | "failed" | "pending" | "processing";
                /**
                 * @description * `pending` - Pending
                 *     * `clean` - Clean
                 *     * `infected` - Infected (quarantined)
                 *     * `unscanned` - Unscanned (no scanner available)
                 *     * `error` - Scan failed
                 */
                scan_status?: "clean" | "error" | "infected" | "pending" | "unscanned";
                /** @description A search term. */
                search?: string;
                /**
                 * @description * `not_validated` - Not validated
                 *     * `valid` - Valid
                 *     * `needs_review` - Needs review
                 *     * `invalid` - Invalid
                 */
                validation_status?: "invalid" | "needs_review" | "not_validated" | "valid";
            };
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedDocumentOutputList"];
                };
            };
        };
    };
    "claims_report.pdf_retrieve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
        };
    };
    claims_reserves_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reserve"][];
                };
            };
        };
    };
    claims_reserves_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReserveSetRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reserve"];
                };
            };
        };
    };
    claims_settlement_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settlement"][];
                };
            };
        };
    };
    claims_settlement_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: one unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried. A repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key": string;
            };
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettlementProposeRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settlement"];
                };
            };
        };
    };
    claims_settlement_action: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: one unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried. A repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key": string;
            };
            path: {
                claim_id: string;
                settlement_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettlementActionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settlement"];
                };
            };
        };
    };
    claims_settlement_response_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: one unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried. A repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key": string;
            };
            path: {
                claim_id: string;
                settlement_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettlementResponseRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementOffer"];
                };
            };
        };
    };
    claims_settlement_offers_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementOffer"][];
                };
            };
        };
    };
    claims_timeline_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
            };
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedTimelineItemList"];
                };
            };
        };
    };
    claims_transition_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransitionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimDetail"];
                };
            };
        };
    };
    claims_assignees_of_department: {
        parameters: {
            query?: {
                /** @description Defaults to the caller's department. */
                department?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignees"];
                };
            };
        };
    };
    claims_bulk_assign_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkAssignRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResponse"];
                };
            };
        };
    };
    claims_bulk_message_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description One unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried: a repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkMessageRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkMessageResponse"];
                };
            };
        };
    };
    claims_bulk_reserve_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description One unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried: a repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkReserveRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkReserveResponse"];
                };
            };
        };
    };
    claims_bulk_transition_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkTransitionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResponse"];
                };
            };
        };
    };
    "claims_export.csv_retrieve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
        };
    };
    claims_geo_retrieve: {
        parameters: {
            query?: {
                assigned_agent?: string;
                assigned_assessor?: string;
                /** @description min_lon,min_lat,max_lon,max_lat (WGS 84 degrees, GeoJSON's order). */
                bbox?: string;
                /** @description Claims tagged with this event. */
                catastrophe?: string;
                created_after?: string;
                created_before?: string;
                customer?: string;
                /**
                 * @description * `motor` - Motor
                 *     * `health` - Health
                 *     * `life` - Life
                 *     * `property` - Home and property
                 *     * `travel` - Travel
                 *     * `business` - Business
                 *     * `agriculture` - Agriculture
                 *     * `marine` - Marine
                 *     * `personal_accident` - Personal accident
                 *     * `liability` - Liability
                 */
                department?: "agriculture" | "business" | "health" | "liability" | "life" | "marine" | "motor" | "personal_accident" | "property" | "travel";
                /** @description Fast-tracked by their catastrophe event (the desk's queue). */
                fast_track?: boolean;
                has_open_alerts?: boolean;
                incident_after?: string;
                incident_before?: string;
                /** @description The centre's latitude (with lon, radius_km). */
                lat?: number;
                /** @description The centre's longitude (with lat, radius_km). */
                lon?: number;
                policy?: string;
                /** @description A lasso: lon,lat,lon,lat,... (3 to 100 corners, not crossing itself). */
                polygon?: string;
                /**
                 * @description * `low` - Low
                 *     * `normal` - Normal
                 *     * `high` - High
                 *     * `urgent` - Urgent
                 */
                priority?: ("high" | "low" | "normal" | "urgent")[];
                /** @description Up to 1000 km from the centre. */
                radius_km?: number;
                /** @description A search term. */
                search?: string;
                sla_breached?: boolean;
                /**
                 * @description * `draft` - Draft
                 *     * `submitted` - Submitted
                 *     * `under_review` - Under review
                 *     * `assessment` - Assessment
                 *     * `approved` - Approved
                 *     * `rejected` - Rejected
                 *     * `settlement` - Settlement
                 *     * `settled` - Settled
                 *     * `closed` - Closed
                 *     * `withdrawn` - Withdrawn
                 */
                status?: ("approved" | "assessment" | "closed" | "draft" | "rejected" | "settled" | "settlement" | "submitted" | "under_review" | "withdrawn")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimsGeo"];
                };
            };
        };
    };
    companies_list: {
        parameters: {
            query?: {
                active?: boolean;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedCompanyOutputList"];
                };
            };
        };
    };
    companies_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyOutput"];
                };
            };
        };
    };
    companies_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyOutput"];
                };
            };
        };
    };
    companies_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedCompanyUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyOutput"];
                };
            };
        };
    };
    dashboard_alerts_list: {
        parameters: {
            query?: {
                claim?: string;
                department?: string;
                kind?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
                /**
                 * @description * `low` - Low
                 *     * `medium` - Medium
                 *     * `high` - High
                 *     * `critical` - Critical
                 */
                severity?: "critical" | "high" | "low" | "medium";
                /**
                 * @description * `open` - Open
                 *     * `acknowledged` - Acknowledged
                 *     * `resolved` - Resolved
                 */
                status?: "acknowledged" | "open" | "resolved";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedAlertList"];
                };
            };
        };
    };
    dashboard_alerts_acknowledge_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alert_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alert"];
                };
            };
        };
    };
    dashboard_alerts_summary_retrieve: {
        parameters: {
            query?: {
                /** @description Only this department's alerts */
                department?: "agriculture" | "business" | "health" | "liability" | "life" | "marine" | "motor" | "personal_accident" | "property" | "travel";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertSummary"];
                };
            };
        };
    };
    dashboard_assessments_retrieve: {
        parameters: {
            query?: {
                /** @description Admins only: one department */
                department?: "agriculture" | "business" | "health" | "liability" | "life" | "marine" | "motor" | "personal_accident" | "property" | "travel";
                /** @description First day (default: 29 days before `to`) */
                from?: string;
                /** @description Last day (default: today) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentsOverview"];
                };
            };
        };
    };
    dashboard_claims_retrieve: {
        parameters: {
            query?: {
                /** @description Admins only: one department */
                department?: "agriculture" | "business" | "health" | "liability" | "life" | "marine" | "motor" | "personal_accident" | "property" | "travel";
                /** @description First day (default: 29 days before `to`) */
                from?: string;
                /** @description Last day (default: today) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimsOverview"];
                };
            };
        };
    };
    dashboard_kpi_retrieve: {
        parameters: {
            query?: {
                /** @description Admins only: one department */
                department?: "agriculture" | "business" | "health" | "liability" | "life" | "marine" | "motor" | "personal_accident" | "property" | "travel";
                /** @description First day (default: 29 days before `to`) */
                from?: string;
                /** @description Last day (default: today) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Kpi"];
                };
            };
        };
    };
    dashboard_trend_retrieve: {
        parameters: {
            query?: {
                /** @description Admins only: one department */
                department?: "agriculture" | "business" | "health" | "liability" | "life" | "marine" | "motor" | "personal_accident" | "property" | "travel";
                /** @description First day (default: 29 days before `to`) */
                from?: string;
                /** @description Last day (default: today) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Trend"];
                };
            };
        };
    };
    documents_list: {
        parameters: {
            query?: {
                claim?: string;
                created_after?: string;
                created_before?: string;
                /**
                 * @description * `application/pdf` - PDF
                 *     * `image/jpeg` - JPEG
                 *     * `image/png` - PNG
                 *     * `image/webp` - WebP
                 *     * `image/heic` - HEIC
                 *     * `image/tiff` - TIFF
                 *     * `application/vnd.openxmlformats-officedocument.wordprocessingml.document` - DOCX
                 *     * `application/octet-stream` - Unknown (only for quarantined files)
                 */
                file_type?: "application/octet-stream" | "application/pdf" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "image/heic" | "image/jpeg" | "image/png" | "image/tiff" | "image/webp";
                /**
                 * @description * `policy_document` - Policy document
                 *     * `id` - Identity document
                 *     * `driving_licence` - Driving licence
                 *     * `vehicle_registration` - Vehicle registration certificate (V5C / logbook)
                 *     * `police_report` - Police report
                 *     * `repair_invoice` - Repair invoice
                 *     * `estimate` - Estimate
                 *     * `medical_report` - Medical report
                 *     * `photo` - Photo
                 *     * `other` - Other
                 */
                kind?: "driving_licence" | "estimate" | "id" | "medical_report" | "other" | "photo" | "police_report" | "policy_document" | "repair_invoice" | "vehicle_registration";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /**
                 * @description * `pending` - Pending
                 *     * `processing` - Processing
                 *     * `done` - Done
                 *     * `failed` - Failed
                 */
                processing_status?: "done" | "failed" | "pending" | "processing";
                /**
                 * @description * `pending` - Pending
                 *     * `clean` - Clean
                 *     * `infected` - Infected (quarantined)
                 *     * `unscanned` - Unscanned (no scanner available)
                 *     * `error` - Scan failed
                 */
                scan_status?: "clean" | "error" | "infected" | "pending" | "unscanned";
                /** @description A search term. */
                search?: string;
                /**
                 * @description * `not_validated` - Not validated
                 *     * `valid` - Valid
                 *     * `needs_review` - Needs review
                 *     * `invalid` - Invalid
                 */
                validation_status?: "invalid" | "needs_review" | "not_validated" | "valid";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedDocumentOutputList"];
                };
            };
        };
    };
    documents_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDetailOutput"];
                };
            };
        };
    };
    documents_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    documents_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedDocumentUpdateInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDetailOutput"];
                };
            };
        };
    };
    documents_download_retrieve: {
        parameters: {
            query?: {
                /** @description Answer a short-lived signed URL (S3). */
                signed?: boolean;
                variant?: "default" | "original" | "served" | "thumbnail";
            };
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                    "application/json": components["schemas"]["SignedUrlOutput"];
                };
            };
        };
    };
    documents_process_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DocumentRefInputRequest"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDetailOutput"];
                };
            };
        };
    };
    documents_upload_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDetailOutput"];
                };
            };
        };
    };
    documents_uploads_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UploadCreateInputRequest"];
            };
        };
        responses: {
            /** @description The open upload of the same file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResumableUploadOutput"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResumableUploadOutput"];
                };
            };
        };
    };
    documents_uploads_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResumableUploadOutput"];
                };
            };
        };
    };
    documents_uploads_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    documents_uploads_partial_update: {
        parameters: {
            query?: never;
            header: {
                /** @description `sha256 <base64 of the chunk's SHA-256>`: a damaged chunk is not kept (422). */
                "Upload-Checksum"?: string;
                /** @description Where in the file this chunk starts: the upload's current `offset`. */
                "Upload-Offset": number;
            };
            path: {
                upload_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/offset+octet-stream": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResumableUploadOutput"];
                };
            };
        };
    };
    documents_validate_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DocumentRefInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDetailOutput"];
                };
            };
        };
    };
    intake_imports_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedImportOutputList"];
                };
            };
        };
    };
    intake_imports_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["ImportInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DryRunOutput"];
                };
            };
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportStartedOutput"];
                };
            };
        };
    };
    intake_imports_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportOutput"];
                };
            };
        };
    };
    "intake_imports_report.csv_retrieve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
        };
    };
    intake_imports_resume_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportOutput"];
                };
            };
        };
    };
    intake_imports_rows_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
                status?: "created" | "pending" | "refused" | "replayed";
            };
            header?: never;
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedRowOutputList"];
                };
            };
        };
    };
    intake_partners_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedPartnerOutputList"];
                };
            };
        };
    };
    intake_partners_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnerInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerOutput"];
                };
            };
        };
    };
    intake_partners_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partner_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerOutput"];
                };
            };
        };
    };
    intake_partners_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partner_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedPartnerUpdateInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerOutput"];
                };
            };
        };
    };
    intake_partners_keys_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A search term. */
                search?: string;
            };
            header?: never;
            path: {
                partner_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyOutput"][];
                };
            };
        };
    };
    intake_partners_keys_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partner_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreatedOutput"];
                };
            };
        };
    };
    intake_partners_keys_revoke_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key_id: string;
                partner_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyOutput"];
                };
            };
        };
    };
    intake_partners_policies_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partner_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PartnerPoliciesInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerPoliciesOutput"];
                };
            };
        };
    };
    integrations_claims_enrichment_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimEnrichmentOutput"];
                };
            };
        };
    };
    integrations_claims_enrichment_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claim_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ClaimEnrichmentRefreshRequest"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimEnrichmentOutput"];
                };
            };
        };
    };
    integrations_geocode_retrieve: {
        parameters: {
            query: {
                countrycodes?: string;
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LookupResult"];
                };
            };
        };
    };
    integrations_geocode_reverse_retrieve: {
        parameters: {
            query: {
                lat: number;
                lon: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LookupResult"];
                };
            };
        };
    };
    integrations_vin_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                vin: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VinDecoding"];
                };
            };
        };
    };
    integrations_weather_retrieve: {
        parameters: {
            query: {
                /** @description ISO 8601; defaults to now; not in the future */
                at?: string;
                lat: number;
                lon: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LookupResult"];
                };
            };
        };
    };
    notifications_list: {
        parameters: {
            query?: {
                created_after?: string;
                /** @description The pagination cursor value. */
                cursor?: string;
                kind?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
                /**
                 * @description * `claim_updates` - Claim updates
                 *     * `assessment_updates` - Assessment updates
                 *     * `payments` - Payments and receipts
                 *     * `policy_renewals` - Policy renewals and expiry
                 *     * `documents` - Documents
                 *     * `assignments` - Work assigned to me
                 *     * `alerts` - Alerts
                 *     * `security` - Security (sign-ins, password changes)
                 *     * `marketing` - Offers and news
                 */
                topic?: "alerts" | "assessment_updates" | "assignments" | "claim_updates" | "documents" | "marketing" | "payments" | "policy_renewals" | "security";
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedNotificationOutputList"];
                };
            };
        };
    };
    notifications_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationOutput"];
                };
            };
        };
    };
    notifications_read_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationOutput"];
                };
            };
        };
    };
    notifications_read_all_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadAllOutput"];
                };
            };
        };
    };
    payments_bank_statements_reconcile_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["StatementUploadRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconcileReport"];
                };
            };
        };
    };
    payments_bank_transfers_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: one unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried. A repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankTransferOutput"];
                };
            };
        };
    };
    payments_card_intents_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: one unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried. A repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardIntentOutput"];
                };
            };
        };
    };
    payments_card_sandbox_settle_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transaction_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SandboxSettleInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionOutput"];
                };
            };
        };
    };
    payments_card_webhook_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackAck"];
                };
            };
        };
    };
    payments_mpesa_b2c_result_create: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackAck"];
                };
            };
        };
    };
    payments_mpesa_b2c_status_result_create: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackAck"];
                };
            };
        };
    };
    payments_mpesa_b2c_timeout_create: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackAck"];
                };
            };
        };
    };
    payments_mpesa_callback_create: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackAck"];
                };
            };
        };
    };
    payments_mpesa_stk_push_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: one unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried. A repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StkPushInputRequest"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StkPushOutput"];
                };
            };
        };
    };
    payments_payout_batches_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedPayoutBatchList"];
                };
            };
        };
    };
    payments_payout_batches_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: one unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried. A repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PayoutBatchInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutBatch"];
                };
            };
        };
    };
    payments_payout_batches_download_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
        };
    };
    payments_payouts_list: {
        parameters: {
            query?: {
                /**
                 * @description * `mpesa` - M-Pesa
                 *     * `card` - Card
                 *     * `bank_transfer` - Bank transfer
                 *     * `cheque` - Cheque
                 */
                method?: "bank_transfer" | "card" | "cheque" | "mpesa";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /**
                 * @description * `awaiting_approval` - Awaiting a supervisor (above the payer's authority)
                 *     * `ready` - Ready to send
                 *     * `sent` - Sent: the provider accepted it, its result is awaited
                 *     * `batched` - In a bank payout file: the bank statement will show it
                 *     * `confirming` - Paid by finance (a cheque): awaiting its confirmation
                 */
                payout_stage?: "awaiting_approval" | "batched" | "confirming" | "ready" | "sent";
                /** @description A search term. */
                search?: string;
                /**
                 * @description * `pending` - Pending
                 *     * `succeeded` - Succeeded
                 *     * `failed` - Failed
                 *     * `cancelled` - Cancelled
                 *     * `refunded` - Refunded
                 *     * `partially_refunded` - Partially refunded
                 */
                status?: "cancelled" | "failed" | "partially_refunded" | "pending" | "refunded" | "succeeded";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedPayoutOutputList"];
                };
            };
        };
    };
    payments_refunds_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
                /**
                 * @description * `requested` - Requested
                 *     * `approved` - Approved and paid out
                 *     * `rejected` - Rejected
                 */
                status?: "approved" | "rejected" | "requested";
                transaction?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedRefundOutputList"];
                };
            };
        };
    };
    payments_refunds_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: one unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried. A repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundOutput"];
                };
            };
        };
    };
    payments_refunds_decision_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: one unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried. A repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key": string;
            };
            path: {
                refund_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundDecisionInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundOutput"];
                };
            };
        };
    };
    payments_schedules_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                plan?: string;
                policy?: string;
                /** @description A search term. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedScheduleOutputList"];
                };
            };
        };
    };
    payments_schedules_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schedule_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleOutput"];
                };
            };
        };
    };
    payments_transactions_list: {
        parameters: {
            query?: {
                /**
                 * @description * `in` - Incoming
                 *     * `out` - Outgoing
                 */
                direction?: "in" | "out";
                /**
                 * @description * `mpesa` - M-Pesa
                 *     * `card` - Card
                 *     * `bank_transfer` - Bank transfer
                 *     * `cheque` - Cheque
                 */
                method?: "bank_transfer" | "card" | "cheque" | "mpesa";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                policy?: string;
                /** @description A search term. */
                search?: string;
                /**
                 * @description * `pending` - Pending
                 *     * `succeeded` - Succeeded
                 *     * `failed` - Failed
                 *     * `cancelled` - Cancelled
                 *     * `refunded` - Refunded
                 *     * `partially_refunded` - Partially refunded
                 */
                status?: "cancelled" | "failed" | "partially_refunded" | "pending" | "refunded" | "succeeded";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedTransactionOutputList"];
                };
            };
        };
    };
    payments_transactions_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transaction_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionOutput"];
                };
            };
        };
    };
    payments_transactions_payout_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: one unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried. A repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key": string;
            };
            path: {
                transaction_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayoutConfirmInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionOutput"];
                };
            };
        };
    };
    payments_transactions_payout_release_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Required: one unique key (e.g. a UUID) per user action, sent again unchanged when the same action is retried. A repeat answers the first answer (`Idempotent-Replayed: true`) and does nothing twice. */
                "Idempotency-Key": string;
            };
            path: {
                transaction_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionOutput"];
                };
            };
        };
    };
    policies_list: {
        parameters: {
            query?: {
                customer?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /**
                 * @description * `annual` - Annual (one payment)
                 *     * `quarterly` - Quarterly
                 *     * `monthly` - Monthly
                 */
                payment_plan?: "annual" | "monthly" | "quarterly";
                policy_type__category?: string;
                /** @description A search term. */
                search?: string;
                /**
                 * @description * `quote` - Quote
                 *     * `pending_payment` - Pending payment
                 *     * `active` - Active
                 *     * `lapsed` - Lapsed
                 *     * `cancelled` - Cancelled
                 *     * `expired` - Expired
                 */
                status?: "active" | "cancelled" | "expired" | "lapsed" | "pending_payment" | "quote";
                vehicle?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedPolicyOutputList"];
                };
            };
        };
    };
    policies_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                policy_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyOutput"];
                };
            };
        };
    };
    policies_accept_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                policy_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyOutput"];
                };
            };
        };
    };
    policies_cancel_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                policy_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyOutput"];
                };
            };
        };
    };
    policies_cancellation_quote_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                policy_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancellationQuoteOutput"];
                };
            };
        };
    };
    "policies_certificate.pdf_retrieve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                policy_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
        };
    };
    policies_history_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                policy_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StageOutput"][];
                };
            };
        };
    };
    policies_renew_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                policy_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyOutput"];
                };
            };
        };
    };
    policies_reviews_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path: {
                policy_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedReviewOutputList"];
                };
            };
        };
    };
    policies_reviews_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                policy_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewOutput"];
                };
            };
        };
    };
    "policies_schedule.pdf_retrieve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                policy_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
        };
    };
    policies_quote_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyOutput"];
                };
            };
        };
    };
    policy_categories_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A search term. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryOutput"][];
                };
            };
        };
    };
    policy_categories_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryOutput"];
                };
            };
        };
    };
    policy_types_list: {
        parameters: {
            query?: {
                category?: string;
                company?: string;
                /**
                 * @description * `KES` - Kenyan shilling
                 *     * `UGX` - Ugandan shilling
                 *     * `TZS` - Tanzanian shilling
                 *     * `USD` - US dollar
                 *     * `GBP` - Pound sterling
                 *     * `EUR` - Euro
                 */
                currency?: "EUR" | "GBP" | "KES" | "TZS" | "UGX" | "USD";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedPolicyTypeOutputList"];
                };
            };
        };
    };
    policy_types_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyTypeInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyTypeOutput"];
                };
            };
        };
    };
    policy_types_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyTypeDetailOutput"];
                };
            };
        };
    };
    policy_types_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedPolicyTypeUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyTypeDetailOutput"];
                };
            };
        };
    };
    policy_types_reviews_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path: {
                type_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedReviewOutputList"];
                };
            };
        };
    };
    policy_types_reviews_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewOutput"];
                };
            };
        };
    };
    privacy_consents_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentsOutput"];
                };
            };
        };
    };
    privacy_consents_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentsInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentsOutput"];
                };
            };
        };
    };
    privacy_erasure_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ErasureInputRequest"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestOutput"];
                };
            };
        };
    };
    privacy_export_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ExportInputRequest"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestOutput"];
                };
            };
        };
    };
    privacy_requests_list: {
        parameters: {
            query?: {
                /**
                 * @description * `export` - Export of personal data
                 *     * `erasure` - Erasure
                 */
                kind?: "erasure" | "export";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
                /**
                 * @description * `requested` - Requested (awaiting approval)
                 *     * `held` - Held (cannot proceed yet)
                 *     * `processing` - Processing
                 *     * `completed` - Completed
                 *     * `rejected` - Rejected
                 *     * `failed` - Failed
                 */
                status?: "completed" | "failed" | "held" | "processing" | "rejected" | "requested";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedPrivacyRequestOutputList"];
                };
            };
        };
    };
    privacy_requests_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestOutput"];
                };
            };
        };
    };
    privacy_requests_decision_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestOutput"];
                };
            };
        };
    };
    privacy_requests_download_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
        };
    };
    users_list: {
        parameters: {
            query?: {
                certification_level?: number;
                created_after?: string;
                created_before?: string;
                /**
                 * @description * `motor` - Motor
                 *     * `health` - Health
                 *     * `life` - Life
                 *     * `property` - Home and property
                 *     * `travel` - Travel
                 *     * `business` - Business
                 *     * `agriculture` - Agriculture
                 *     * `marine` - Marine
                 *     * `personal_accident` - Personal accident
                 *     * `liability` - Liability
                 */
                department?: "agriculture" | "business" | "health" | "liability" | "life" | "marine" | "motor" | "personal_accident" | "property" | "travel";
                is_active?: boolean;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /**
                 * @description * `customer` - Customer
                 *     * `agent` - Agent
                 *     * `assessor` - Assessor
                 *     * `supervisor` - Supervisor
                 *     * `admin` - Admin
                 */
                role?: "admin" | "agent" | "assessor" | "customer" | "supervisor";
                /** @description A search term. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedUserOutputList"];
                };
            };
        };
    };
    users_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreateInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOutput"];
                };
            };
        };
    };
    users_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOutput"];
                };
            };
        };
    };
    users_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    users_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedUserUpdateInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOutput"];
                };
            };
        };
    };
    vehicles_list: {
        parameters: {
            query?: {
                make?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                owner?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedVehicleOutputList"];
                };
            };
        };
    };
    vehicles_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VehicleInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VehicleOutput"];
                };
            };
        };
    };
    vehicles_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                vehicle_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VehicleOutput"];
                };
            };
        };
    };
    vehicles_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                vehicle_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    vehicles_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                vehicle_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedVehicleUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VehicleOutput"];
                };
            };
        };
    };
    vehicles_checks_list: {
        parameters: {
            query?: {
                /**
                 * @description * `dvla` - DVLA vehicle enquiry
                 *     * `hpi` - Vehicle history (HPI-style)
                 *     * `vin` - VIN decoding
                 */
                kind?: "dvla" | "hpi" | "vin";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
                /**
                 * @description * `pending` - Pending
                 *     * `ok` - OK
                 *     * `not_found` - Not found at the provider
                 *     * `invalid` - The provider refused the input
                 *     * `not_configured` - Provider not configured
                 *     * `unavailable` - Provider unavailable (circuit open)
                 *     * `rate_limited` - Rate limited
                 *     * `failed` - Failed
                 */
                status?: "failed" | "invalid" | "not_configured" | "not_found" | "ok" | "pending" | "rate_limited" | "unavailable";
            };
            header?: never;
            path: {
                vehicle_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedVehicleCheckOutputList"];
                };
            };
        };
    };
    vehicles_checks_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                vehicle_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VehicleCheckInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VehicleCheckOutput"];
                };
            };
        };
    };
    vehicles_checks_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                check_id: string;
                vehicle_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VehicleCheckOutput"];
                };
            };
        };
    };
    webhooks_list: {
        parameters: {
            query?: {
                active?: boolean;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedWebhookSubscriptionOutputList"];
                };
            };
        };
    };
    webhooks_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookSubscriptionInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionWithSecret"];
                };
            };
        };
    };
    webhooks_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionOutput"];
                };
            };
        };
    };
    webhooks_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhooks_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedWebhookSubscriptionUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionWithSecret"];
                };
            };
        };
    };
    webhooks_deliveries_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                ordering_key?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description A search term. */
                search?: string;
                /**
                 * @description * `pending` - Pending
                 *     * `delivered` - Delivered
                 *     * `failed` - Failed (gave up)
                 */
                status?: "delivered" | "failed" | "pending";
            };
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedWebhookDeliveryOutputList"];
                };
            };
        };
    };
    webhooks_replay_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookReplayInputRequest"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplayOutput"];
                };
            };
        };
    };
}
