-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 10: ready for sync. Append-only: never edit a
-- released migration.
--
-- 1. Change capture. Every write to a row that will sync records the row in
--    `changes`, by trigger, in the same transaction as the write: no code
--    path can forget it, and a crash loses neither or both. One pending entry
--    per row (the newest write wins the later seq): sync sends the row as it
--    is then, so an answer streamed in 300 updates is sent once. The
--    triggers are made from the tables below by storage/changecapture.cpp,
--    after this and every later upgrade.
-- 2. Device-local columns are listed in `unsynced_columns` with the reason.
--    A write that touches only those records nothing and keeps the revision.
-- 3. The revision of a synced row counts its synced writes, bumped by the
--    same triggers unless the statement already did.
-- 4. Rows that will sync are never deleted by a user's action: document
--    versions and both kinds of templates get a `deleted_at` tombstone, as
--    projects, files, conversations and messages always had.
-- 5. A project's version numbers are this machine's, for display: two
--    machines that refresh offline both make a "version 3". The unique
--    constraint goes (a rebuild of project_versions); the server will give
--    the shared order.

CREATE TABLE changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,  -- order of the local writes not yet sent
    table_name  TEXT NOT NULL,
    row_key     TEXT NOT NULL,                      -- the row's id (a template's name)
    op          TEXT NOT NULL,                      -- upsert | delete
    UNIQUE (table_name, row_key)
);

-- What sync exchanges, and by which key. A purge removes a project's files,
-- history and documents locally; the project's own row carries it
-- ('purged'), so those rows (purged_with_project) are not recorded one by one.
CREATE TABLE synced_tables (
    table_name          TEXT PRIMARY KEY,
    key_column          TEXT NOT NULL,
    purged_with_project INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO synced_tables (table_name, key_column, purged_with_project) VALUES
    ('projects', 'id', 0), ('files', 'id', 1), ('project_versions', 'id', 1),
    ('conversations', 'id', 0), ('messages', 'id', 0), ('provider_profiles', 'id', 0),
    ('doc_versions', 'id', 1), ('doc_templates', 'name', 0), ('project_templates', 'name', 0);
-- (project_version_files belong to their version, which never changes once
-- made: they travel with it. Blobs travel by content hash.)

CREATE TABLE unsynced_columns (
    table_name  TEXT NOT NULL,
    column_name TEXT NOT NULL,
    reason      TEXT NOT NULL,
    PRIMARY KEY (table_name, column_name)
) WITHOUT ROWID;
INSERT INTO unsynced_columns (table_name, column_name, reason) VALUES
    ('projects', 'source_location', 'a path on this machine'),
    ('projects', 'file_count', 'derived from the files'),
    ('projects', 'total_bytes', 'derived from the files'),
    ('projects', 'updated_at', 'this machine''s time of its last write'),
    ('projects', 'revision', 'this machine''s write counter; the server orders'),
    ('files', 'source_mtime_ns', 'the file''s time on this machine''s disk'),
    ('files', 'source_checked_ms', 'when this machine last looked at the file'),
    ('files', 'updated_at', 'this machine''s time of its last write'),
    ('files', 'revision', 'this machine''s write counter; the server orders'),
    ('project_versions', 'number', 'this machine''s display number; the server orders'),
    ('conversations', 'current_message_id', 'the branch this machine shows'),
    ('conversations', 'updated_at', 'this machine''s time of its last write'),
    ('conversations', 'revision', 'this machine''s write counter; the server orders'),
    ('messages', 'updated_at', 'this machine''s time of its last write'),
    ('messages', 'revision', 'this machine''s write counter; the server orders'),
    ('provider_profiles', 'key_storage', 'where this machine keeps the key'),
    ('provider_profiles', 'plaintext_key', 'a secret: never leaves the machine'),
    ('provider_profiles', 'models', 'a cache of what the endpoint offered'),
    ('provider_profiles', 'models_fetched_at', 'a cache of what the endpoint offered'),
    ('provider_profiles', 'updated_at', 'this machine''s time of its last write'),
    ('provider_profiles', 'revision', 'this machine''s write counter; the server orders'),
    ('doc_templates', 'updated_at', 'this machine''s time of its last write'),
    ('project_templates', 'updated_at', 'this machine''s time of its last write');

ALTER TABLE doc_versions ADD COLUMN deleted_at INTEGER;
ALTER TABLE doc_templates ADD COLUMN deleted_at INTEGER;
ALTER TABLE project_templates ADD COLUMN deleted_at INTEGER;

-- The rebuild (foreign keys are off during upgrades, and checked before
-- COMMIT): project_version_files still refer to project_versions by name.
CREATE TABLE project_versions_rebuilt (
    id             TEXT PRIMARY KEY,
    project_id     TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    number         INTEGER NOT NULL,           -- 1, 2, 3 … as this machine made or received them
    kind           TEXT NOT NULL,              -- import | refresh
    source_commit  TEXT NOT NULL DEFAULT '',
    added          INTEGER NOT NULL DEFAULT 0,
    changed        INTEGER NOT NULL DEFAULT 0,
    removed        INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL
);
INSERT INTO project_versions_rebuilt (id, project_id, number, kind, source_commit, added, changed, removed, created_at)
SELECT id, project_id, number, kind, source_commit, added, changed, removed, created_at FROM project_versions;
DROP TABLE project_versions;
ALTER TABLE project_versions_rebuilt RENAME TO project_versions;
CREATE INDEX project_versions_project ON project_versions(project_id, number);

-- Whatever this machine already holds is a change the server has not seen.
INSERT INTO changes (table_name, row_key, op)
SELECT 'projects', id, 'upsert' FROM projects WHERE state <> 'importing'
UNION ALL SELECT 'files', id, 'upsert' FROM files
UNION ALL SELECT 'project_versions', id, 'upsert' FROM project_versions
UNION ALL SELECT 'conversations', id, 'upsert' FROM conversations
UNION ALL SELECT 'messages', id, 'upsert' FROM messages
UNION ALL SELECT 'provider_profiles', id, 'upsert' FROM provider_profiles
UNION ALL SELECT 'doc_versions', id, 'upsert' FROM doc_versions
UNION ALL SELECT 'doc_templates', name, 'upsert' FROM doc_templates
UNION ALL SELECT 'project_templates', name, 'upsert' FROM project_templates;
