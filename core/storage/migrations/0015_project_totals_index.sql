-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 15: a project's totals (file count, bytes) are
-- counted from an index holding each live file's size, not by visiting
-- every file's row: a refresh or pull of one file in a tree of 80,000
-- recounts in milliseconds. Append-only.
CREATE INDEX files_live_size ON files(project_id, size) WHERE deleted_at IS NULL;
