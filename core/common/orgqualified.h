// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Realm {

// Templates an organization shares (prompt, documentation and starter ones) are
// named "ORG/NAME", ORG being the organization's name or id; a bare NAME
// finds the one organization that has it. `T` has orgId and orgName, and
// a name: its `name`, or what an overload of orgItemName in its own
// namespace says.

// The error for a bare name several organizations have.
Error ambiguousOrgTemplate(const QString &name, const QStringList &qualifiedNames);

template<typename T>
QString orgItemName(const T &item)
{
    return item.name;
}

template<typename T>
QString orgQualifiedName(const T &item)
{
    return item.orgName.isEmpty() ? orgItemName(item) : item.orgName + QLatin1Char('/') + orgItemName(item);
}

// The one of `shared` that `name` means; nullopt when none; InvalidInput
// when a bare name is several organizations'.
template<typename T>
Result<std::optional<T>> findOrgQualified(const QList<T> &shared, const QString &name)
{
    const QString org = name.contains(QLatin1Char('/')) ? name.section(QLatin1Char('/'), 0, 0) : QString();
    const QString bare = name.section(QLatin1Char('/'), -1);
    QList<T> found;
    for (const T &item : shared)
        if (orgItemName(item) == bare && (org.isEmpty() || item.orgId == org || item.orgName.compare(org, Qt::CaseInsensitive) == 0))
            found.append(item);
    if (found.size() > 1) {
        QStringList qualified;
        for (const T &item : std::as_const(found))
            qualified.append(orgQualifiedName(item));
        return ambiguousOrgTemplate(name, qualified);
    }
    return found.isEmpty() ? std::optional<T>() : std::optional<T>(found.first());
}

} // namespace Realm
