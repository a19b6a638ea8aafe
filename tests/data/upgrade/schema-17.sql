-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 17 wrote beyond schema 16's fixture (see
-- README.md): the calculator's folder is left as it is when the team's
-- changes arrive; what it held when last read, one file of it made there
-- beside one the project had from a teammate.
UPDATE projects SET folder_takes_pulls = 0 WHERE id = '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01';
INSERT INTO folder_files (project_id, path, sha256, mode, size, mtime_ns, checked_ms, made_on)
    SELECT project_id, path, blob_sha256, mode, size, 1700000050000000000, 1700000060000, CASE path WHEN 'src/math.h' THEN X'' END
    FROM files WHERE project_id = '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01' AND deleted_at IS NULL;
