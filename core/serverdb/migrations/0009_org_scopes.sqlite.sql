-- SPDX-License-Identifier: GPL-3.0-or-later
-- An organization's templates sync as a scope of their own, "org:<org id>"
-- beside the shared projects' scopes: sync_scopes.scope_id no longer
-- refers to projects. SQLite cannot drop a foreign key, so the table is
-- made again (the migration runs with foreign keys off and legacy
-- renaming, which leaves the other sync tables' references to
-- "sync_scopes" pointing at the new table).

ALTER TABLE sync_scopes RENAME TO sync_scopes_before_0009;

CREATE TABLE sync_scopes (
    scope_id TEXT PRIMARY KEY, -- a project's id, or "org:" and an organization's id
    org_id TEXT NOT NULL REFERENCES orgs(id),
    last_seq BIGINT NOT NULL DEFAULT 0,
    pruned_seq BIGINT NOT NULL DEFAULT 0
);

INSERT INTO sync_scopes (scope_id, org_id, last_seq, pruned_seq)
    SELECT scope_id, org_id, last_seq, pruned_seq FROM sync_scopes_before_0009;

DROP TABLE sync_scopes_before_0009;
