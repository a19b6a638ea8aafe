-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 1. Append-only: never edit a released migration.
--
-- Synced rows carry a locally generated UUID id, created_at/updated_at in
-- UTC milliseconds, a deleted_at tombstone and a revision counter.

CREATE TABLE projects (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    tags            TEXT NOT NULL DEFAULT '[]',       -- JSON array of strings
    source_kind     TEXT NOT NULL DEFAULT 'none',     -- none | folder | archive | git
    source_location TEXT NOT NULL DEFAULT '',
    source_ref      TEXT NOT NULL DEFAULT '',         -- git branch/tag/commit asked for
    source_commit   TEXT NOT NULL DEFAULT '',         -- git commit imported
    -- 'importing' rows are invisible: a crash mid-import leaves nothing behind
    -- that a user can see, and the next open removes them.
    state           TEXT NOT NULL DEFAULT 'ready',    -- importing | ready | purged
    file_count      INTEGER NOT NULL DEFAULT 0,
    total_bytes     INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    deleted_at      INTEGER,
    revision        INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX projects_live_name ON projects(name) WHERE deleted_at IS NULL AND state <> 'purged';

-- File contents, once per distinct SHA-256, whatever the number of files,
-- projects or versions that hold them.
CREATE TABLE blobs (
    id          INTEGER PRIMARY KEY,
    sha256      BLOB NOT NULL UNIQUE,
    size        INTEGER NOT NULL,
    is_binary   INTEGER NOT NULL,
    encoding    TEXT NOT NULL,     -- utf-8 | utf-8-bom | utf-16le | utf-16be | latin-1 | binary
    content     BLOB NOT NULL
);

-- Substring index over the decoded text of text blobs (rowid = blobs.id).
-- Contentless and without positions: it only narrows candidates; every hit is
-- verified against the real text, so the index stays small. realm_trigram
-- (storage/trigramtokenizer.cpp) emits each case-folded trigram once.
CREATE VIRTUAL TABLE blob_text USING fts5(text, content='', tokenize='realm_trigram', detail='none');

CREATE TABLE files (
    id          TEXT PRIMARY KEY,
    project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    blob_sha256 BLOB NOT NULL REFERENCES blobs(sha256),
    size        INTEGER NOT NULL,
    mode        INTEGER NOT NULL DEFAULT 420,
    language    TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER,
    revision    INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX files_live_path ON files(project_id, path) WHERE deleted_at IS NULL;
CREATE INDEX files_blob ON files(blob_sha256);
