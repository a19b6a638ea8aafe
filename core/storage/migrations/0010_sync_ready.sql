-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 10: ready for sync. Append-only: never edit a
-- released migration.
--
-- 1. Change capture. Every write to a row that will sync records the row in
--    `changes`, by trigger, in the same transaction as the write: no code
--    path can forget it, and a crash loses neither or both. One pending entry
--    per row (the newest write wins the later seq): sync sends the row as it
--    is then, so an answer streamed in 300 updates is sent once.
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

-- What sync exchanges, and by which key.
CREATE TABLE synced_tables (
    table_name  TEXT PRIMARY KEY,
    key_column  TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO synced_tables (table_name, key_column) VALUES
    ('projects', 'id'), ('files', 'id'), ('project_versions', 'id'),
    ('conversations', 'id'), ('messages', 'id'), ('provider_profiles', 'id'),
    ('doc_versions', 'id'), ('doc_templates', 'name'), ('project_templates', 'name');
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

-- The triggers. An update counts when it names a synced column; the lists
-- below are each table's columns minus its unsynced ones
-- (tst_changecapture checks that they agree with unsynced_columns).
-- Dropping a table drops its triggers: a later migration that rebuilds a
-- synced table creates its three triggers again (tst_changecapture checks).
-- A purge removes a project's files and history locally; the project's own
-- row carries it ('purged'), so those deletes are not recorded one by one.

CREATE TRIGGER projects_inserted AFTER INSERT ON projects BEGIN
    DELETE FROM changes WHERE table_name = 'projects' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('projects', new.id, 'upsert');
END;
CREATE TRIGGER projects_updated AFTER UPDATE OF id, name, description, tags, source_kind, source_ref, source_commit,
                                                state, created_at, deleted_at ON projects BEGIN
    UPDATE projects SET revision = old.revision + 1 WHERE id = new.id AND new.revision = old.revision;
    DELETE FROM changes WHERE table_name = 'projects' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('projects', new.id, 'upsert');
END;
CREATE TRIGGER projects_deleted AFTER DELETE ON projects BEGIN
    DELETE FROM changes WHERE table_name = 'projects' AND row_key = old.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('projects', old.id, 'delete');
END;

CREATE TRIGGER files_inserted AFTER INSERT ON files BEGIN
    DELETE FROM changes WHERE table_name = 'files' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('files', new.id, 'upsert');
END;
CREATE TRIGGER files_updated AFTER UPDATE OF id, project_id, path, blob_sha256, size, mode, language, created_at,
                                             deleted_at ON files BEGIN
    UPDATE files SET revision = old.revision + 1 WHERE id = new.id AND new.revision = old.revision;
    DELETE FROM changes WHERE table_name = 'files' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('files', new.id, 'upsert');
END;
CREATE TRIGGER files_deleted AFTER DELETE ON files
WHEN coalesce((SELECT state FROM projects WHERE id = old.project_id), '') <> 'purged' BEGIN
    DELETE FROM changes WHERE table_name = 'files' AND row_key = old.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('files', old.id, 'delete');
END;

CREATE TRIGGER project_versions_inserted AFTER INSERT ON project_versions BEGIN
    DELETE FROM changes WHERE table_name = 'project_versions' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('project_versions', new.id, 'upsert');
END;
CREATE TRIGGER project_versions_updated AFTER UPDATE OF id, project_id, kind, source_commit, added, changed, removed,
                                                        created_at ON project_versions BEGIN
    DELETE FROM changes WHERE table_name = 'project_versions' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('project_versions', new.id, 'upsert');
END;
CREATE TRIGGER project_versions_deleted AFTER DELETE ON project_versions
WHEN coalesce((SELECT state FROM projects WHERE id = old.project_id), '') <> 'purged' BEGIN
    DELETE FROM changes WHERE table_name = 'project_versions' AND row_key = old.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('project_versions', old.id, 'delete');
END;

CREATE TRIGGER conversations_inserted AFTER INSERT ON conversations BEGIN
    DELETE FROM changes WHERE table_name = 'conversations' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('conversations', new.id, 'upsert');
END;
CREATE TRIGGER conversations_updated AFTER UPDATE OF id, title, project_id, provider_id, model, pinned, archived,
                                                     created_at, deleted_at ON conversations BEGIN
    UPDATE conversations SET revision = old.revision + 1 WHERE id = new.id AND new.revision = old.revision;
    DELETE FROM changes WHERE table_name = 'conversations' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('conversations', new.id, 'upsert');
END;
CREATE TRIGGER conversations_deleted AFTER DELETE ON conversations BEGIN
    DELETE FROM changes WHERE table_name = 'conversations' AND row_key = old.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('conversations', old.id, 'delete');
END;

CREATE TRIGGER messages_inserted AFTER INSERT ON messages BEGIN
    DELETE FROM changes WHERE table_name = 'messages' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('messages', new.id, 'upsert');
END;
CREATE TRIGGER messages_updated AFTER UPDATE OF id, conversation_id, parent_id, role, content, reasoning, tool_calls,
                                                tool_call_id, status, error, provider_id, model, input_tokens,
                                                output_tokens, context, created_at, deleted_at ON messages BEGIN
    UPDATE messages SET revision = old.revision + 1 WHERE id = new.id AND new.revision = old.revision;
    DELETE FROM changes WHERE table_name = 'messages' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('messages', new.id, 'upsert');
END;
CREATE TRIGGER messages_deleted AFTER DELETE ON messages BEGIN
    DELETE FROM changes WHERE table_name = 'messages' AND row_key = old.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('messages', old.id, 'delete');
END;

CREATE TRIGGER provider_profiles_inserted AFTER INSERT ON provider_profiles BEGIN
    DELETE FROM changes WHERE table_name = 'provider_profiles' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('provider_profiles', new.id, 'upsert');
END;
CREATE TRIGGER provider_profiles_updated AFTER UPDATE OF id, name, kind, base_url, default_model, options, created_at,
                                                         deleted_at ON provider_profiles BEGIN
    UPDATE provider_profiles SET revision = old.revision + 1 WHERE id = new.id AND new.revision = old.revision;
    DELETE FROM changes WHERE table_name = 'provider_profiles' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('provider_profiles', new.id, 'upsert');
END;
CREATE TRIGGER provider_profiles_deleted AFTER DELETE ON provider_profiles BEGIN
    DELETE FROM changes WHERE table_name = 'provider_profiles' AND row_key = old.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('provider_profiles', old.id, 'delete');
END;

CREATE TRIGGER doc_versions_inserted AFTER INSERT ON doc_versions BEGIN
    DELETE FROM changes WHERE table_name = 'doc_versions' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('doc_versions', new.id, 'upsert');
END;
CREATE TRIGGER doc_versions_updated AFTER UPDATE OF id, project_id, kind, template, inputs_hash, project_revision,
                                                    model, title, markdown, stats, created_at, deleted_at ON doc_versions BEGIN
    DELETE FROM changes WHERE table_name = 'doc_versions' AND row_key = new.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('doc_versions', new.id, 'upsert');
END;
CREATE TRIGGER doc_versions_deleted AFTER DELETE ON doc_versions
WHEN coalesce((SELECT state FROM projects WHERE id = old.project_id), '') <> 'purged' BEGIN
    DELETE FROM changes WHERE table_name = 'doc_versions' AND row_key = old.id;
    INSERT INTO changes (table_name, row_key, op) VALUES ('doc_versions', old.id, 'delete');
END;

CREATE TRIGGER doc_templates_inserted AFTER INSERT ON doc_templates BEGIN
    DELETE FROM changes WHERE table_name = 'doc_templates' AND row_key = new.name;
    INSERT INTO changes (table_name, row_key, op) VALUES ('doc_templates', new.name, 'upsert');
END;
CREATE TRIGGER doc_templates_updated AFTER UPDATE OF name, kind, body, prompt, created_at, deleted_at ON doc_templates BEGIN
    DELETE FROM changes WHERE table_name = 'doc_templates' AND row_key = new.name;
    INSERT INTO changes (table_name, row_key, op) VALUES ('doc_templates', new.name, 'upsert');
END;
CREATE TRIGGER doc_templates_deleted AFTER DELETE ON doc_templates BEGIN
    DELETE FROM changes WHERE table_name = 'doc_templates' AND row_key = old.name;
    INSERT INTO changes (table_name, row_key, op) VALUES ('doc_templates', old.name, 'delete');
END;

CREATE TRIGGER project_templates_inserted AFTER INSERT ON project_templates BEGIN
    DELETE FROM changes WHERE table_name = 'project_templates' AND row_key = new.name;
    INSERT INTO changes (table_name, row_key, op) VALUES ('project_templates', new.name, 'upsert');
END;
CREATE TRIGGER project_templates_updated AFTER UPDATE OF name, title, description, archive, created_at, deleted_at
                                                     ON project_templates BEGIN
    DELETE FROM changes WHERE table_name = 'project_templates' AND row_key = new.name;
    INSERT INTO changes (table_name, row_key, op) VALUES ('project_templates', new.name, 'upsert');
END;
CREATE TRIGGER project_templates_deleted AFTER DELETE ON project_templates BEGIN
    DELETE FROM changes WHERE table_name = 'project_templates' AND row_key = old.name;
    INSERT INTO changes (table_name, row_key, op) VALUES ('project_templates', old.name, 'delete');
END;

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
