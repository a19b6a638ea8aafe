// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/gitsupport.h"

#include <QCoreApplication>

#include <git2.h>

namespace Realm::Projects::Git {

LibraryScope::LibraryScope() { git_libgit2_init(); }
LibraryScope::~LibraryScope() { git_libgit2_shutdown(); }

void RepositoryDeleter::operator()(git_repository *repo) const { git_repository_free(repo); }

QString lastErrorMessage(const QString &fallback)
{
    const git_error *error = git_error_last();
    if (error && error->message)
        return QString::fromUtf8(error->message);
    return fallback.isEmpty() ? QCoreApplication::translate("Realm::Projects", "unknown git error") : fallback;
}

QString libraryVersion()
{
    int major = 0, minor = 0, rev = 0;
    git_libgit2_version(&major, &minor, &rev);
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(rev);
}

} // namespace Realm::Projects::Git
