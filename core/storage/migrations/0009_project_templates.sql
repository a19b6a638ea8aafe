-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 9: starter templates users made from their projects,
-- each kept as the archive it is exported as (tar.gz: template.json and
-- files/). Append-only.

CREATE TABLE project_templates (
    name        TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    archive     BLOB NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
