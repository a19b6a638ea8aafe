// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspace.h"

#include "analytics/projectstats.h"
#include "chat/codeindex.h"
#include "chat/conversationstore.h"
#include "docs/docstore.h"
#include "common/buildconfig.h"
#include "projects/archivesource.h"
#include "projects/gitsupport.h"
#include "projects/projectstore.h"

#include <QCoreApplication>

#include <mutex>

namespace Realm::Workspace {

Result<Storage::DatabasePtr> open(const QString &path)
{
    // Each module says how to forget its rows when projects purges a
    // project or collects a content.
    static std::once_flag registered;
    std::call_once(registered, [] {
        Analytics::registerCleanup();
        Chat::CodeIndex::registerCleanup();
        Docs::registerCleanup();
    });
    Result<Storage::DatabasePtr> db = Storage::Database::open(path);
    if (!db)
        return db.error();
    if (Result<void> recovered = Projects::ProjectStore(*db).recoverInterruptedImports(); !recovered)
        return recovered.error();
    if (Result<int> marked = Chat::ConversationStore(*db).markInterrupted(); !marked)
        return marked.error();
    return db;
}

QList<QPair<QString, QString>> componentVersions()
{
    return {
        {QStringLiteral("REALM"), QStringLiteral(REALM_VERSION_STRING)},
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("SQLite"), Storage::Database::sqliteVersion()},
        {QStringLiteral("libarchive"), Projects::ArchiveSource::libraryVersion()},
        {QStringLiteral("libgit2"), Projects::Git::libraryVersion()},
        {QStringLiteral("syntax highlighting"), QStringLiteral("KSyntaxHighlighting " REALM_SYNTAX_HIGHLIGHTING_VERSION)},
    };
}

} // namespace Realm::Workspace
