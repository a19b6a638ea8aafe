-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 4 wrote beyond schema 3's fixture, in the
-- columns of schema 4 (see README.md).

-- The code index: a cache REALM rebuilds, no rows.
