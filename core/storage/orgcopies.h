// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/handle.h"

#include <QString>

#include <optional>

namespace Realm::Storage::OrgCopies {

// What a module's copies of an organization's templates have in common,
// whichever module keeps them (org_prompt_templates, org_doc_templates):
// a table keyed by (org_id, name) with the organization's name and the
// server's seq of each. `table` is one of those names, never user input.

Result<void> remove(Handle db, const char *table, const QString &orgId, const QString &name);
// All of an organization's (a list from the start replaces them; a member
// who left keeps none).
Result<void> forgetOrg(Handle db, const char *table, const QString &orgId);
// The organization's name as the server says it now.
Result<void> setOrgName(Handle db, const char *table, const QString &orgId, const QString &orgName);
// Its seq here; nullopt when there is none.
Result<std::optional<qint64>> seqOf(Handle db, const char *table, const QString &orgId, const QString &name);

} // namespace Realm::Storage::OrgCopies
