-- SPDX-License-Identifier: GPL-3.0-or-later
-- Invitations to an organization by mail, and open registration.
-- Runs on SQLite and PostgreSQL alike.

-- Until now only administrators made accounts, vouching for the address;
-- from now on an unconfirmed address cannot sign in.
UPDATE users SET email_verified_at = created_at WHERE email_verified_at IS NULL;

-- The code travels by mail; only its SHA-256 is kept.
CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    code_hash TEXT NOT NULL UNIQUE,
    invited_by TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT,
    accepted_by TEXT REFERENCES users(id),
    revoked_at BIGINT
);
CREATE INDEX invitations_by_org ON invitations (org_id);

-- Open registration: the account is made only when the mailed code comes
-- back, with the password given alongside that code — someone who signs up
-- with another person's address can never confirm it.
CREATE TABLE pending_registrations (
    code_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX pending_registrations_by_email ON pending_registrations (email);
