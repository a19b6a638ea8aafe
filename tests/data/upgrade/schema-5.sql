-- SPDX-License-Identifier: GPL-3.0-or-later
-- What REALM with schema 5 wrote beyond schema 4's fixture, in the
-- columns of schema 5 (see README.md).

-- The code index's state: a cache, no rows.
