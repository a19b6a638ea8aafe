-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 6: generated documentation — the documents as
-- versions, the templates users made, and what regeneration reuses (symbols
-- per file content, LLM summaries per input). Append-only.

-- Symbols Universal Ctags found in one file content, with their raw doc
-- comments (QDataStream). Keyed by what decides the result: the bytes, the file
-- name's suffix (ctags picks the language by it) and the extractor version.
CREATE TABLE doc_symbol_cache (
    sha256      BLOB NOT NULL,
    suffix      TEXT NOT NULL,
    extractor   INTEGER NOT NULL,
    symbols     BLOB NOT NULL,
    PRIMARY KEY (sha256, suffix, extractor)
) WITHOUT ROWID;

-- Text a model wrote (file, module and project summaries), keyed by the
-- SHA-256 of everything that went into the request, so a re-run pays only
-- for what changed.
CREATE TABLE doc_summaries (
    input_hash  BLOB PRIMARY KEY,
    model       TEXT NOT NULL,
    text        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- Templates users copied from the built-in ones and edited.
CREATE TABLE doc_templates (
    name        TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,                 -- api | overview | custom
    body        TEXT NOT NULL,                 -- Mustache
    prompt      TEXT NOT NULL DEFAULT '',      -- custom: what to ask the model
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

-- Every generated document, kept as a version.
CREATE TABLE doc_versions (
    id               TEXT PRIMARY KEY,
    project_id       TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL,            -- api | overview | custom
    template         TEXT NOT NULL,            -- "built-in" or a template's name
    inputs_hash      TEXT NOT NULL,            -- hex SHA-256 of files, template and model
    project_revision INTEGER NOT NULL,
    model            TEXT NOT NULL DEFAULT '', -- who wrote the LLM parts
    title            TEXT NOT NULL,
    markdown         TEXT NOT NULL,
    stats            TEXT NOT NULL DEFAULT '{}', -- JSON: files, symbols, coverage, what was redone
    created_at       INTEGER NOT NULL
);
CREATE INDEX doc_versions_project ON doc_versions(project_id, created_at);
-- (Listed newest first by created_at, then by rowid: two made in the same
-- millisecond keep the order they were made in.)
