-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 2 wrote beyond schema 1's fixture, in the
-- columns of schema 2 (see README.md).

-- Folder imports now note each file's modification time.
UPDATE files SET source_mtime_ns = 1699996400000000001, source_checked_ms = 1700000000000 WHERE id = '0190a1b2-0c3d-7e4f-8a5b-00000000f001';
UPDATE files SET source_mtime_ns = 1699996400000000002, source_checked_ms = 1700000000000 WHERE id = '0190a1b2-0c3d-7e4f-8a5b-00000000f002';
UPDATE files SET source_mtime_ns = 1699996400000000003, source_checked_ms = 1700000000000 WHERE id = '0190a1b2-0c3d-7e4f-8a5b-00000000f003';
UPDATE files SET source_mtime_ns = 1699996400000000004, source_checked_ms = 1700000000000 WHERE id = '0190a1b2-0c3d-7e4f-8a5b-00000000f004';
