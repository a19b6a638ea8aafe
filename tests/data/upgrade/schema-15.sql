-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 15 wrote beyond schema 14's fixture (see
-- README.md): nothing new (schema 15 adds an index only).
SELECT 1;
