-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 17: a project's folder may be left as it is when
-- the team's changes arrive (this machine's choice, never synced). Its
-- refreshes then compare the folder with what it held when last read, not
-- with the project, so that they send only what changed in the folder.
ALTER TABLE projects ADD COLUMN folder_takes_pulls INTEGER NOT NULL DEFAULT 1;
INSERT INTO unsynced_columns (table_name, column_name, reason) VALUES
    ('projects', 'folder_takes_pulls', 'this machine''s choice for its folder');
-- What the folder held when last read (by the projects module, for
-- folders kept as they are). `made_on`: the content the folder's last
-- change was made on, where that is not what the project then had (a
-- teammate's change pulled meanwhile); an empty blob when the file was
-- new there; NULL when the change was made on the project's content.
-- Sync sends such a change as made on that content, so the server merges
-- it instead of taking it over the teammate's; then it is NULL again.
CREATE TABLE folder_files (
    project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    sha256      BLOB NOT NULL,
    mode        INTEGER NOT NULL,
    size        INTEGER NOT NULL,
    mtime_ns    INTEGER NOT NULL DEFAULT 0,
    checked_ms  INTEGER NOT NULL DEFAULT 0,
    made_on     BLOB,
    PRIMARY KEY (project_id, path)
) WITHOUT ROWID;
