-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 12: what this machine knows of the projects it
-- shares with a team server (core/syncclient owns these tables).
-- Append-only.

-- A local project shared with (or cloned from) a server project. One link
-- per project; the project's own row is untouched, so unsharing is one
-- delete. `client_id` names this workspace to the server for this project
-- (mutation numbers count per client); it is made anew whenever the
-- numbering would restart.
CREATE TABLE sync_links (
    project_id        TEXT PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
    server            TEXT NOT NULL,                 -- https://realm.example.org
    server_project_id TEXT NOT NULL,
    client_id         TEXT NOT NULL,
    next_number       INTEGER NOT NULL DEFAULT 1,    -- the next mutation's number
    cursor            TEXT NOT NULL DEFAULT '',      -- "EPOCH:SEQ"; '' = from the start
    -- A pull that restarted from the beginning (the server's epoch changed,
    -- or the cursor was older than its tombstones) until its last page:
    -- '' | epoch | expired.
    reset             TEXT NOT NULL DEFAULT '',
    state             TEXT NOT NULL DEFAULT 'shared', -- shared | read_only | unshared
    last_synced_at    INTEGER,                        -- ms since the epoch
    last_error        TEXT NOT NULL DEFAULT ''
);

-- What each synced item was when this machine last had it from the server
-- (or had its change accepted): the base of its next change. `seen` marks
-- the items a restarted pull has brought again.
CREATE TABLE sync_bases (
    project_id  TEXT NOT NULL REFERENCES sync_links(project_id) ON DELETE CASCADE,
    table_name  TEXT NOT NULL,                  -- the protocol's: project | files
    item_key    TEXT NOT NULL,                  -- a file's path
    seq         INTEGER NOT NULL,
    sha256      TEXT NOT NULL DEFAULT '',       -- files: the content, hex
    seen        INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (project_id, table_name, item_key)
) WITHOUT ROWID;

-- Changes taken from `changes` and numbered, sent until the server has
-- answered them: a retry after a lost answer sends the same numbers, so
-- nothing is applied twice.
CREATE TABLE sync_outbox (
    project_id  TEXT NOT NULL REFERENCES sync_links(project_id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    mutation    TEXT NOT NULL,                  -- the protocol's JSON
    PRIMARY KEY (project_id, number)
) WITHOUT ROWID;

-- A change a pull did not apply because a local change of the same item
-- was waiting to be sent. Should the server keep its own version there
-- (the local change became a conflict copy, or lost to an edit), the next
-- pull starts again from it.
CREATE TABLE sync_skipped (
    project_id  TEXT NOT NULL REFERENCES sync_links(project_id) ON DELETE CASCADE,
    table_name  TEXT NOT NULL,
    item_key    TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (project_id, table_name, item_key)
) WITHOUT ROWID;
