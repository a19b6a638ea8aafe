-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 2. Append-only: never edit a released migration.
--
-- When a folder import read a file, its modification time on disk (ns since
-- the epoch). A refresh skips re-reading files whose size and mtime are
-- unchanged, as git does with its index. NULL for other sources.
ALTER TABLE files ADD COLUMN source_mtime_ns INTEGER;
