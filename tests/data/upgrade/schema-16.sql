-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 16 wrote beyond schema 15's fixture (see
-- README.md): the calculator's refresh came from a teammate, as a pull of
-- the shared project writes it.
UPDATE project_versions SET author = 'Alice Example' WHERE id = '0190a1b2-0c3d-7e4f-8a5b-0000000000b2';
