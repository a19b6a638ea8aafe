-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 8 wrote beyond schema 7's fixture, in the
-- columns of schema 8 (see README.md).

-- Statistics: caches REALM rebuilds, no rows.
