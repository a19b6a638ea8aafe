-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 19: organizations' documentation and starter
-- templates, the docs module's (core/docs) and the starters module's
-- (core/starters) read-only copies of what the team server holds in each
-- organization's scope beside its prompt templates (their links, cursor
-- and outbox are schema 18's). Not captured as changes: they are the
-- server's, not this machine's. Append-only.
CREATE TABLE org_doc_templates (
    org_id     TEXT NOT NULL,
    org_name   TEXT NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,                 -- api | overview | custom
    body       TEXT NOT NULL,                 -- Mustache
    prompt     TEXT NOT NULL DEFAULT '',      -- custom: what to ask the model
    seq        INTEGER NOT NULL,              -- the server's, for an admin's next change
    changed_by TEXT NOT NULL DEFAULT '',      -- the server's user id
    changed_at INTEGER NOT NULL,              -- ms since the epoch
    PRIMARY KEY (org_id, name)
) WITHOUT ROWID;

CREATE TABLE org_starter_templates (
    org_id      TEXT NOT NULL,
    org_name    TEXT NOT NULL,
    name        TEXT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    archive     BLOB NOT NULL,                -- tar.gz of template.json and files/, as project_templates keeps them
    seq         INTEGER NOT NULL,
    changed_by  TEXT NOT NULL DEFAULT '',
    changed_at  INTEGER NOT NULL,
    PRIMARY KEY (org_id, name)
) WITHOUT ROWID;

-- A REALM of schema 18 read past the changes of these kinds (it had no
-- place for them) and kept its cursor after them: the next sync reads
-- each organization's templates from the start again, so that what was
-- published before this upgrade arrives too.
UPDATE org_template_links SET cursor = '';

-- The sync client's (core/syncclient): templates the server holds that
-- this REALM cannot use (no copy is kept), with their seq, so that an
-- admin can still withdraw one by name.
CREATE TABLE org_template_unusable (
    org_id     TEXT NOT NULL REFERENCES org_template_links(org_id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    name       TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    PRIMARY KEY (org_id, table_name, name)
) WITHOUT ROWID;
