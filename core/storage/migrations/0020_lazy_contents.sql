-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 20: file contents a shared project knows of but
-- has not downloaded yet. Append-only.

-- The projects module's (core/projects): a content this workspace has not
-- downloaded is a row with present = 0 and no bytes (files and versions
-- refer to it by its hash, so the row is there either way). It has no
-- search-index entry until its bytes arrive.
ALTER TABLE blobs ADD COLUMN present INTEGER NOT NULL DEFAULT 1;
-- Whether anything is missing is asked at every sync: answered from here.
CREATE INDEX blobs_absent ON blobs(sha256) WHERE present = 0;

-- The sync client's (core/syncclient): whether a pull downloads the
-- contents it brings (eager) or leaves them until a file is opened,
-- exported or fetched (lazy).
ALTER TABLE sync_links ADD COLUMN contents TEXT NOT NULL DEFAULT 'eager'; -- eager | lazy
