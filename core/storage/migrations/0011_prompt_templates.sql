-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 11: prompt templates people write for their code
-- tasks (REALM's own live in the program). They sync like the other
-- templates: by name, removed as tombstones. Append-only.

CREATE TABLE prompt_templates (
    name        TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,                 -- Mustache: {{selection}}, {{file}}, {{language}}, {{project}}, {{diff}}
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);

INSERT INTO synced_tables (table_name, key_column, purged_with_project) VALUES ('prompt_templates', 'name', 0);
INSERT INTO unsynced_columns (table_name, column_name, reason) VALUES
    ('prompt_templates', 'updated_at', 'this machine''s time of its last write');
