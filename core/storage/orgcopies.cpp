// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/orgcopies.h"

#include "storage/statement.h"

#include <QCoreApplication>

namespace Realm::Storage::OrgCopies {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Storage", text);
}

QString sql(const char *pattern, const char *table)
{
    return QString::fromLatin1(pattern).arg(QLatin1String(table));
}
} // namespace

Result<void> remove(Handle db, const char *table, const QString &orgId, const QString &name)
{
    Statement q(db, sql("DELETE FROM %1 WHERE org_id = ? AND name = ?", table));
    q.bindAll(orgId, name);
    return q.exec(tr("Removing an organization's template here failed"));
}

Result<void> forgetOrg(Handle db, const char *table, const QString &orgId)
{
    Statement q(db, sql("DELETE FROM %1 WHERE org_id = ?", table));
    q.bindAll(orgId);
    return q.exec(tr("Removing an organization's templates here failed"));
}

Result<void> setOrgName(Handle db, const char *table, const QString &orgId, const QString &orgName)
{
    Statement q(db, sql("UPDATE %1 SET org_name = ? WHERE org_id = ? AND org_name <> ?", table));
    q.bindAll(orgName, orgId, orgName);
    return q.exec(tr("Saving the organization's name failed"));
}

Result<std::optional<qint64>> seqOf(Handle db, const char *table, const QString &orgId, const QString &name)
{
    Statement q(db, sql("SELECT seq FROM %1 WHERE org_id = ? AND name = ?", table));
    q.bindAll(orgId, name);
    if (q.next())
        return std::optional<qint64>(q.columnInt(0));
    if (q.failed())
        return q.error(tr("Reading an organization's templates here failed"));
    return std::optional<qint64>();
}

} // namespace Realm::Storage::OrgCopies
