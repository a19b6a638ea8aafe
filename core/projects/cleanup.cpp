// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/cleanup.h"

#include <QList>
#include <QMutex>

namespace Realm::Projects::Cleanup {

namespace {
struct Hooks {
    QMutex mutex;
    QList<ProjectHook> projects;
    QList<ContentHook> contents;
};

Hooks &hooks()
{
    static Hooks instance;
    return instance;
}

template<typename Hook, typename... Args>
Result<void> runAll(const QList<Hook> &list, Args &&...args)
{
    for (const Hook &hook : list) {
        if (Result<void> r = hook(args...); !r)
            return r;
    }
    return {};
}
} // namespace

void beforeProjectPurged(ProjectHook hook)
{
    QMutexLocker lock(&hooks().mutex);
    hooks().projects.append(std::move(hook));
}

void beforeContentCollected(ContentHook hook)
{
    QMutexLocker lock(&hooks().mutex);
    hooks().contents.append(std::move(hook));
}

Result<void> projectPurged(Storage::Handle db, const QString &projectId)
{
    QList<ProjectHook> list;
    {
        QMutexLocker lock(&hooks().mutex);
        list = hooks().projects;
    }
    return runAll(list, db, projectId);
}

Result<void> contentCollected(Storage::Handle db, const CollectedContent &content)
{
    QList<ContentHook> list;
    {
        QMutexLocker lock(&hooks().mutex);
        list = hooks().contents;
    }
    return runAll(list, db, content);
}

} // namespace Realm::Projects::Cleanup
