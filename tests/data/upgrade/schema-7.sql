-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 7 wrote beyond schema 6's fixture, in the
-- columns of schema 7 (see README.md).

-- History: the import and the refresh that removed OLD.txt.
INSERT INTO project_versions (id, project_id, number, kind, added, created_at) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000b1', '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 1, 'import', 5, 1700000000000);
INSERT INTO project_versions (id, project_id, number, kind, added, changed, removed, created_at) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000b2', '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 2, 'refresh', 0, 0, 1, 1700000060000);
INSERT INTO project_versions (id, project_id, number, kind, added, created_at) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000b3', '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a02', 1, 'import', 1, 1700000000000);
INSERT INTO project_version_files (version_id, path, blob_sha256, mode) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000b1', 'src/main.c', x'f6747018106b1e5fffa96a9dc0370c9fb3c048f42b995a911616ae4a4b7018ad', 420);
INSERT INTO project_version_files (version_id, path, blob_sha256, mode) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000b1', 'src/math.h', x'4c98c4e6767be9b89e73da6deade67c2b35963b1cabecaea9cdaa411706574fa', 420);
INSERT INTO project_version_files (version_id, path, blob_sha256, mode) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000b1', 'run.sh', x'b90e837412c1d5c9dbc5f4d01d6d372317b59bd84fc77f0ef39348fcbe9dd40e', 493);
INSERT INTO project_version_files (version_id, path, blob_sha256, mode) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000b1', 'logo.png', x'd51696591e6a664adeecee08d772d017975c6d8d466d015246afd911ca06d7e8', 420);
INSERT INTO project_version_files (version_id, path, blob_sha256, mode) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000b2', 'OLD.txt', NULL, 420);
INSERT INTO project_version_files (version_id, path, blob_sha256, mode) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000b1', 'OLD.txt', x'01d09d19c2139a46aebfb577780d123d7396e97201bc7ead210a2ebff8239dee', 420);
INSERT INTO project_version_files (version_id, path, blob_sha256, mode) VALUES ('0190a1b2-0c3d-7e4f-8a5b-0000000000b3', 'notes.txt', x'01a3797de3102131145b8273692f1769057e79b01319f4d949a4488d36a5f8d0', 420);
