-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 18: organizations' prompt templates. Their home
-- is the team server (each organization's templates are a sync scope of
-- their own): members keep a read-only copy here, and an admin's changes
-- wait here until the server has answered them. None of these tables is
-- captured as a change: they are the server's, not this machine's.
-- Append-only.

-- The sync client's (core/syncclient): an organization whose templates this
-- workspace follows on `server`, its cursor, and the client id and next
-- number of an admin's changes.
CREATE TABLE org_template_links (
    org_id         TEXT PRIMARY KEY,
    org_name       TEXT NOT NULL DEFAULT '',  -- as the server last said it
    server         TEXT NOT NULL,
    user_id        TEXT NOT NULL DEFAULT '',  -- whose changes wait (the server's user id): no one else sends them
    client_id      TEXT NOT NULL,
    next_number    INTEGER NOT NULL DEFAULT 1,
    cursor         TEXT NOT NULL DEFAULT '',   -- "EPOCH:SEQ"; '' = from the start
    last_synced_at INTEGER,                    -- ms since the epoch
    last_error     TEXT NOT NULL DEFAULT ''
);

-- An admin's changes, numbered, until the server has answered them (a
-- retry after a lost answer sends the same numbers).
CREATE TABLE org_template_outbox (
    org_id   TEXT NOT NULL REFERENCES org_template_links(org_id) ON DELETE CASCADE,
    number   INTEGER NOT NULL,
    mutation TEXT NOT NULL,                    -- the protocol's JSON
    PRIMARY KEY (org_id, number)
) WITHOUT ROWID;

-- The prompts module's (core/prompts): the templates as the server last
-- gave them, which members use and do not edit.
CREATE TABLE org_prompt_templates (
    org_id      TEXT NOT NULL,
    org_name    TEXT NOT NULL,
    name        TEXT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    seq         INTEGER NOT NULL,              -- the server's, for an admin's next change
    changed_by  TEXT NOT NULL DEFAULT '',      -- the server's user id
    changed_at  INTEGER NOT NULL,              -- ms since the epoch
    PRIMARY KEY (org_id, name)
) WITHOUT ROWID;
