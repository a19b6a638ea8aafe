-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 7: every import and every refresh that changed a
-- project is a version, with what it changed — so a project can be exported
-- to Git one commit per version, and analytics can see it grow. The contents
-- a version refers to are kept (BlobStore's clean-up skips them) until the
-- project is purged. Append-only.

CREATE TABLE project_versions (
    id             TEXT PRIMARY KEY,
    project_id     TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    number         INTEGER NOT NULL,           -- 1, 2, 3 … per project
    kind           TEXT NOT NULL,              -- import | refresh
    source_commit  TEXT NOT NULL DEFAULT '',   -- the Git commit it came from, if any
    added          INTEGER NOT NULL DEFAULT 0,
    changed        INTEGER NOT NULL DEFAULT 0,
    removed        INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL,
    UNIQUE (project_id, number)
);

-- What a version changed: a path's new content and mode, or (NULL content)
-- that it was removed. Version 1 lists every file.
CREATE TABLE project_version_files (
    version_id   TEXT NOT NULL REFERENCES project_versions(id) ON DELETE CASCADE,
    path         TEXT NOT NULL,
    blob_sha256  BLOB,
    mode         INTEGER NOT NULL DEFAULT 420,
    PRIMARY KEY (version_id, path)
) WITHOUT ROWID;
CREATE INDEX project_version_files_blob ON project_version_files(blob_sha256);

-- Projects imported before this schema start their history here.
INSERT INTO project_versions (id, project_id, number, kind, source_commit, added, created_at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-8'
             || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       p.id, 1, 'import', coalesce(p.source_commit, ''),
       (SELECT count(*) FROM files f WHERE f.project_id = p.id AND f.deleted_at IS NULL), p.updated_at
FROM projects p WHERE p.state = 'ready';
INSERT INTO project_version_files (version_id, path, blob_sha256, mode)
SELECT v.id, f.path, f.blob_sha256, f.mode
FROM project_versions v JOIN files f ON f.project_id = v.project_id AND f.deleted_at IS NULL;
