-- SPDX-License-Identifier: GPL-3.0-or-later
-- A TOTP second factor (RFC 6238) per user, and its recovery codes.
-- Runs on SQLite and PostgreSQL alike.

-- The secret must be readable to check codes, so it is kept as the app
-- was given it (base32). It lives in the database, not under a key of the
-- data folder: a backup restored into a new data folder must not lock
-- every user with a second factor out. Backups are written mode 0600.
CREATE TABLE totp_factors (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    secret TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,          -- NULL until the first code came back
    last_step BIGINT NOT NULL DEFAULT 0 -- each code is taken once
);

-- Ten single-use codes for a lost phone, kept as their SHA-256 only.
CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (user_id, code_hash)
);
