-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 2. Append-only: never edit a released migration.
--
-- When a folder import read a file: its modification time on disk (ns since
-- the epoch) and when REALM looked at it (ms). A refresh skips re-reading
-- files whose size and mtime are unchanged, as git does with its index —
-- but only when the mtime was well before the look, so a change in the same
-- timestamp tick cannot hide. NULL for other sources.
ALTER TABLE files ADD COLUMN source_mtime_ns INTEGER;
ALTER TABLE files ADD COLUMN source_checked_ms INTEGER;
