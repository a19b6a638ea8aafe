// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/workspace.h"

#include "common/buildconfig.h"
#include "projects/archivesource.h"
#include "projects/gitsupport.h"
#include "projects/projectstore.h"

#include <QCoreApplication>

namespace Realm::Projects {

Result<Storage::DatabasePtr> openWorkspace(const QString &path)
{
    Result<Storage::DatabasePtr> db = Storage::Database::open(path);
    if (!db)
        return db.error();
    if (Result<void> recovered = ProjectStore(*db).recoverInterruptedImports(); !recovered)
        return recovered.error();
    return db;
}

QList<QPair<QString, QString>> componentVersions()
{
    return {
        {QStringLiteral("REALM"), QStringLiteral(REALM_VERSION_STRING)},
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("SQLite"), Storage::Database::sqliteVersion()},
        {QStringLiteral("libarchive"), ArchiveSource::libraryVersion()},
        {QStringLiteral("libgit2"), Git::libraryVersion()},
        {QStringLiteral("syntax highlighting"),
         REALM_HAVE_SYNTAX_HIGHLIGHTING ? QCoreApplication::translate("Realm::Projects", "on (KSyntaxHighlighting)")
                                        : QCoreApplication::translate("Realm::Projects", "off (KSyntaxHighlighting for Qt 6 was not found at build time)")},
    };
}

} // namespace Realm::Projects
