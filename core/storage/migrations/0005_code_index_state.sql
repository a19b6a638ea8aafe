-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 5: the project revision whose files are all in the
-- code index, so that later questions about an unchanged project skip the
-- check. Append-only.

CREATE TABLE code_index_projects (
    project_id  TEXT PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL
);
