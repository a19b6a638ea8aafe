-- SPDX-License-Identifier: GPL-3.0-or-later
-- REALM workspace schema 14: sharing a project makes the server project
-- under an id this machine picked and recorded first (link state
-- 'creating'), so a create whose answer was lost is sent again with the
-- same id and makes no second project. Append-only.

-- The organization the server project is (to be) made in: a share that
-- has not heard back yet sends its create again there.
ALTER TABLE sync_links ADD COLUMN org_id TEXT NOT NULL DEFAULT '';
