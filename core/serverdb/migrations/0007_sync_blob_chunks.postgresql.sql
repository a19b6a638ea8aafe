-- SPDX-License-Identifier: GPL-3.0-or-later
-- The bytes of file contents, in the chunks they were uploaded in (at most
-- 8 MiB each). In the database rather than a folder, so that every
-- instance and every backup has them. Only the column type differs
-- between the backends.
CREATE TABLE sync_blob_chunks (
    org_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    byte_offset BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (org_id, sha256, byte_offset),
    FOREIGN KEY (org_id, sha256) REFERENCES sync_blobs (org_id, sha256)
);
