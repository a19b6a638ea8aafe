-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 1 wrote (see README.md).

-- Projects: one with text, executable and binary files and a file removed
-- in a refresh; one in the trash.
INSERT INTO projects (id, name, description, tags, source_kind, source_location, state, file_count, total_bytes, created_at, updated_at, revision) VALUES ('0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 'calculator', 'A small calculator', '["c","demo"]', 'folder', '/home/ana/src/calculator', 'ready', 4, 194, 1700000000000, 1700000060000, 2);
INSERT INTO projects (id, name, description, tags, source_kind, source_location, state, file_count, total_bytes, created_at, updated_at, deleted_at, revision) VALUES ('0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a02', 'old-notes', '', '[]', 'archive', '/home/ana/notes.zip', 'ready', 1, 35, 1700000000000, 1700000120000, 1700000120000, 2);
INSERT INTO blobs (id, sha256, size, is_binary, encoding, content) VALUES (1, x'f6747018106b1e5fffa96a9dc0370c9fb3c048f42b995a911616ae4a4b7018ad', 93, 0, 'utf-8', x'2f2a2a20537461727473207468652063616c63756c61746f722e202a2f0a696e74206d61696e28766f696429207b2072657475726e2061646428322c2033293b207d202f2f20544f444f3a207265616420746865206e756d626572730a');
INSERT INTO blob_text (rowid, text) VALUES (1, '/** Starts the calculator. */
int main(void) { return add(2, 3); } // TODO: read the numbers
');
INSERT INTO files (id, project_id, path, blob_sha256, size, mode, language, created_at, updated_at, revision) VALUES ('0190a1b2-0c3d-7e4f-8a5b-00000000f001', '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 'src/main.c', x'f6747018106b1e5fffa96a9dc0370c9fb3c048f42b995a911616ae4a4b7018ad', 93, 420, 'C', 1700000000000, 1700000000000, 1);
INSERT INTO blobs (id, sha256, size, is_binary, encoding, content) VALUES (2, x'4c98c4e6767be9b89e73da6deade67c2b35963b1cabecaea9cdaa411706574fa', 48, 0, 'utf-8', x'2f2a2a20416464732074776f206e756d626572732e202a2f0a696e742061646428696e7420612c20696e742062293b0a');
INSERT INTO blob_text (rowid, text) VALUES (2, '/** Adds two numbers. */
int add(int a, int b);
');
INSERT INTO files (id, project_id, path, blob_sha256, size, mode, language, created_at, updated_at, revision) VALUES ('0190a1b2-0c3d-7e4f-8a5b-00000000f002', '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 'src/math.h', x'4c98c4e6767be9b89e73da6deade67c2b35963b1cabecaea9cdaa411706574fa', 48, 420, 'C', 1700000000000, 1700000000000, 1);
INSERT INTO blobs (id, sha256, size, is_binary, encoding, content) VALUES (3, x'b90e837412c1d5c9dbc5f4d01d6d372317b59bd84fc77f0ef39348fcbe9dd40e', 33, 0, 'utf-8', x'23212f62696e2f73680a65786563202e2f63616c63756c61746f7220222440220a');
INSERT INTO blob_text (rowid, text) VALUES (3, '#!/bin/sh
exec ./calculator "$@"
');
INSERT INTO files (id, project_id, path, blob_sha256, size, mode, language, created_at, updated_at, revision) VALUES ('0190a1b2-0c3d-7e4f-8a5b-00000000f003', '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 'run.sh', x'b90e837412c1d5c9dbc5f4d01d6d372317b59bd84fc77f0ef39348fcbe9dd40e', 33, 493, 'Shell', 1700000000000, 1700000000000, 1);
INSERT INTO blobs (id, sha256, size, is_binary, encoding, content) VALUES (4, x'd51696591e6a664adeecee08d772d017975c6d8d466d015246afd911ca06d7e8', 20, 1, 'binary', x'89504e470d0a1a0a0000000d4948445200000001');
INSERT INTO files (id, project_id, path, blob_sha256, size, mode, language, created_at, updated_at, revision) VALUES ('0190a1b2-0c3d-7e4f-8a5b-00000000f004', '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 'logo.png', x'd51696591e6a664adeecee08d772d017975c6d8d466d015246afd911ca06d7e8', 20, 420, '', 1700000000000, 1700000000000, 1);
INSERT INTO blobs (id, sha256, size, is_binary, encoding, content) VALUES (5, x'01a3797de3102131145b8273692f1769057e79b01319f4d949a4488d36a5f8d0', 35, 0, 'utf-8', x'496465617320666f72206c617465723a20612072c3a973756dc3a9207061727365720a');
INSERT INTO blob_text (rowid, text) VALUES (5, 'Ideas for later: a résumé parser
');
INSERT INTO files (id, project_id, path, blob_sha256, size, mode, language, created_at, updated_at, revision) VALUES ('0190a1b2-0c3d-7e4f-8a5b-00000000f005', '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a02', 'notes.txt', x'01a3797de3102131145b8273692f1769057e79b01319f4d949a4488d36a5f8d0', 35, 420, 'Text', 1700000000000, 1700000000000, 1);
INSERT INTO blobs (id, sha256, size, is_binary, encoding, content) VALUES (6, x'01d09d19c2139a46aebfb577780d123d7396e97201bc7ead210a2ebff8239dee', 4, 0, 'utf-8', x'6f6c640a');
INSERT INTO blob_text (rowid, text) VALUES (6, 'old' || char(10));
INSERT INTO files (id, project_id, path, blob_sha256, size, mode, language, created_at, updated_at, deleted_at, revision) VALUES ('0190a1b2-0c3d-7e4f-8a5b-00000000f006', '0190a1b2-0c3d-7e4f-8a5b-6c7d8e9f0a01', 'OLD.txt', x'01d09d19c2139a46aebfb577780d123d7396e97201bc7ead210a2ebff8239dee', 4, 420, 'Text', 1700000000000, 1700000060000, 1700000060000, 2);
