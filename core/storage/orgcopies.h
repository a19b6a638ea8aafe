// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/handle.h"

#include <QString>

#include <optional>

namespace Realm::Storage {

// What a module's copies of an organization's templates have in common,
// whichever module keeps them (org_prompt_templates, org_doc_templates,
// org_starter_templates): a table keyed by (org_id, name) with the
// organization's name and the server's seq of each. A module declares its
// table once and hands it to the sync client; what a row holds beyond
// that, and how it is stored and read, stays the module's own.
class OrgCopyTable final {
public:
    // `table`: the module's table name, never user input.
    explicit constexpr OrgCopyTable(const char *table) : m_table(table) {}

    Result<void> remove(Handle db, const QString &orgId, const QString &name) const;
    // All of an organization's (a list from the start replaces them; a
    // member who left keeps none).
    Result<void> forgetOrg(Handle db, const QString &orgId) const;
    // The organization's name as the server says it now.
    Result<void> setOrgName(Handle db, const QString &orgId, const QString &orgName) const;
    // Its seq here; nullopt when there is none.
    Result<std::optional<qint64>> seqOf(Handle db, const QString &orgId, const QString &name) const;

private:
    QString sql(const char *pattern) const;

    const char *m_table;
};

} // namespace Realm::Storage
