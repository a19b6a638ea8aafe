// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/orgcopies.h"

#include "storage/statement.h"

#include <QCoreApplication>

namespace Realm::Storage {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Storage", text);
}
} // namespace

QString OrgCopyTable::sql(const char *pattern) const
{
    return QString::fromLatin1(pattern).arg(QLatin1String(m_table));
}

Result<void> OrgCopyTable::remove(Handle db, const QString &orgId, const QString &name) const
{
    Statement q(db, sql("DELETE FROM %1 WHERE org_id = ? AND name = ?"));
    q.bindAll(orgId, name);
    return q.exec(tr("Removing an organization's template here failed"));
}

Result<void> OrgCopyTable::forgetOrg(Handle db, const QString &orgId) const
{
    Statement q(db, sql("DELETE FROM %1 WHERE org_id = ?"));
    q.bindAll(orgId);
    return q.exec(tr("Removing an organization's templates here failed"));
}

Result<void> OrgCopyTable::setOrgName(Handle db, const QString &orgId, const QString &orgName) const
{
    Statement q(db, sql("UPDATE %1 SET org_name = ? WHERE org_id = ? AND org_name <> ?"));
    q.bindAll(orgName, orgId, orgName);
    return q.exec(tr("Saving the organization's name failed"));
}

Result<std::optional<qint64>> OrgCopyTable::seqOf(Handle db, const QString &orgId, const QString &name) const
{
    Statement q(db, sql("SELECT seq FROM %1 WHERE org_id = ? AND name = ?"));
    q.bindAll(orgId, name);
    if (q.next())
        return std::optional<qint64>(q.columnInt(0));
    if (q.failed())
        return q.error(tr("Reading an organization's templates here failed"));
    return std::optional<qint64>();
}

} // namespace Realm::Storage
