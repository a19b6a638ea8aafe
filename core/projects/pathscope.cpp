// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/pathscope.h"

namespace Realm::Projects {

Result<void> forEachRowUnder(Storage::Handle db, const QString &select, const QString &projectId, const QStringList &scope,
                             const std::function<void(const Storage::Statement &)> &row, const QString &failure)
{
    // "a/b" and everything under it sort between "a/b" and "a/b0" ('0'
    // follows '/'), and so does "a/b.c": the range finds them in the index,
    // the last test drops the likes of "a/b.c".
    Storage::Statement q(db, scope.isEmpty() ? select
                                             : select + QStringLiteral(" AND path >= ?2 AND path < ?2 || '0' AND (path = ?2 OR path >= ?2 || '/')"));
    const QStringList paths = scope.isEmpty() ? QStringList{QString()} : scope;
    for (const QString &path : paths) {
        q.reset();
        q.bind(1, projectId);
        if (!scope.isEmpty())
            q.bind(2, path);
        while (q.next())
            row(q);
        if (q.failed())
            return q.error(failure);
    }
    return {};
}

} // namespace Realm::Projects
