-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 8: analytics computed once per file content — code,
-- comment and blank lines and the TODO/FIXME/HACK markers of a content in a
-- language — so a project's statistics after a refresh only look at what
-- changed. Rows of an older analyzer version are computed again. Append-only.

CREATE TABLE blob_stats (
    sha256    BLOB NOT NULL,
    language  TEXT NOT NULL,
    analyzer  INTEGER NOT NULL,
    lines     INTEGER NOT NULL,
    code      INTEGER NOT NULL,
    comment   INTEGER NOT NULL,
    blank     INTEGER NOT NULL,
    markers   INTEGER NOT NULL,
    PRIMARY KEY (sha256, language, analyzer)
) WITHOUT ROWID;

CREATE TABLE blob_markers (
    sha256    BLOB NOT NULL,
    language  TEXT NOT NULL,
    analyzer  INTEGER NOT NULL,
    line      INTEGER NOT NULL,
    kind      TEXT NOT NULL,      -- TODO | FIXME | HACK
    text      TEXT NOT NULL
);
CREATE INDEX blob_markers_blob ON blob_markers(sha256, language, analyzer);

-- A project's statistics as last computed (JSON), with what they were
-- computed from: the project's revision, its newest version and its newest
-- API reference. Equal inputs: the stored result is the answer.
CREATE TABLE project_stats (
    project_id  TEXT PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
    inputs      TEXT NOT NULL,
    stats       TEXT NOT NULL,
    computed_at INTEGER NOT NULL
);
