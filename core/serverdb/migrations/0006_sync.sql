-- SPDX-License-Identifier: GPL-3.0-or-later
-- Sync: each shared project is a scope with its own change log. The server
-- orders every accepted change by a sequence number per scope; clients pull
-- what changed after their cursor and push mutations that the server
-- applies once (client id, mutation number). Runs on SQLite and PostgreSQL
-- alike; file contents are in 0007.

-- One row: this database's epoch. A restore from a backup makes a new one,
-- so clients know their cursors no longer fit and delete nothing.
CREATE TABLE sync_epoch (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    epoch TEXT NOT NULL
);

-- A scope's last sequence number (its row is locked by every push, so
-- changes commit in sequence order) and how far tombstones were pruned:
-- a cursor from before that gets the whole scope again.
CREATE TABLE sync_scopes (
    scope_id TEXT PRIMARY KEY REFERENCES projects(id),
    org_id TEXT NOT NULL REFERENCES orgs(id),
    last_seq BIGINT NOT NULL DEFAULT 0,
    pruned_seq BIGINT NOT NULL DEFAULT 0
);

-- Each synced row of a scope as it is now: its last change's seq, its
-- contents (JSON) and, when deleted, a tombstone kept for a while.
CREATE TABLE sync_items (
    scope_id TEXT NOT NULL REFERENCES sync_scopes(scope_id),
    table_name TEXT NOT NULL,
    row_key TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_by_client TEXT NOT NULL, -- its last change's client: that client's next change is based on it
    changed_at BIGINT NOT NULL,
    deleted_at BIGINT,
    PRIMARY KEY (scope_id, table_name, row_key)
);
CREATE INDEX sync_items_by_seq ON sync_items (scope_id, seq);
CREATE INDEX sync_items_tombstones ON sync_items (deleted_at) WHERE deleted_at IS NOT NULL;

-- The last mutation applied for each client in a scope: a retry applies
-- nothing twice, and a gap is refused. A client id belongs to one user.
CREATE TABLE sync_clients (
    scope_id TEXT NOT NULL REFERENCES sync_scopes(scope_id),
    client_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    last_mutation BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (scope_id, client_id)
);

-- What each recent mutation came to, so that a retry gets the same answer
-- (its seq, its conflict copy); the oldest are forgotten as clients go on.
CREATE TABLE sync_results (
    scope_id TEXT NOT NULL REFERENCES sync_scopes(scope_id),
    client_id TEXT NOT NULL,
    number BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    seq BIGINT NOT NULL,
    conflict_key TEXT NOT NULL,
    PRIMARY KEY (scope_id, client_id, number)
);

-- File contents by SHA-256, once per organization; `received` grows as
-- chunks arrive; `complete` once the whole matched its hash.
CREATE TABLE sync_blobs (
    org_id TEXT NOT NULL REFERENCES orgs(id),
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    received BIGINT NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, sha256)
);

-- The contents a scope holds: what its items may refer to and its members
-- download. Content the organization holds already is proven by sending
-- the same bytes (compared, not stored again): `received` counts them.
CREATE TABLE sync_scope_blobs (
    scope_id TEXT NOT NULL REFERENCES sync_scopes(scope_id),
    sha256 TEXT NOT NULL,
    received BIGINT NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (scope_id, sha256)
);
