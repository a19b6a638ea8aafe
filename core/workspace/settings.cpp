// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/settings.h"

#include "common/workspacelocation.h"

#include <QSettings>

namespace Realm::Workspace {

namespace {
const QString kWorkspace = QStringLiteral("workspace/path");
const QString kExcludes = QStringLiteral("import/excludes");
const QString kGitIgnore = QStringLiteral("import/honourGitIgnore");
const QString kMaxFileBytes = QStringLiteral("import/maxFileBytes");
const QString kMaxTotalBytes = QStringLiteral("import/maxTotalBytes");
const QString kMaxFiles = QStringLiteral("import/maxFiles");
const QString kMaxRatio = QStringLiteral("import/maxCompressionRatio");
} // namespace

Settings Settings::load()
{
    QSettings s;
    Settings a;
    a.workspacePath = s.value(kWorkspace).toString();
    if (s.contains(kExcludes))
        a.importExcludes = s.value(kExcludes).toStringList();
    a.honourGitIgnore = s.value(kGitIgnore, true).toBool();
    a.limits.maxFileBytes = s.value(kMaxFileBytes, a.limits.maxFileBytes).toLongLong();
    a.limits.maxTotalBytes = s.value(kMaxTotalBytes, a.limits.maxTotalBytes).toLongLong();
    a.limits.maxFiles = s.value(kMaxFiles, a.limits.maxFiles).toLongLong();
    a.limits.maxCompressionRatio = s.value(kMaxRatio, a.limits.maxCompressionRatio).toDouble();
    return a;
}

void Settings::save() const
{
    QSettings s;
    s.setValue(kWorkspace, workspacePath);
    s.setValue(kExcludes, importExcludes);
    s.setValue(kGitIgnore, honourGitIgnore);
    s.setValue(kMaxFileBytes, limits.maxFileBytes);
    s.setValue(kMaxTotalBytes, limits.maxTotalBytes);
    s.setValue(kMaxFiles, limits.maxFiles);
    s.setValue(kMaxRatio, limits.maxCompressionRatio);
}

Projects::ImportOptions Settings::importOptions() const
{
    Projects::ImportOptions options;
    options.excludes = importExcludes;
    options.honourGitIgnore = honourGitIgnore;
    options.limits = limits;
    return options;
}

QString workspacePathFor(const QString &requested)
{
    if (requested.isEmpty() && qEnvironmentVariableIsEmpty("REALM_WORKSPACE")) {
        if (const QString configured = Settings::load().workspacePath; !configured.isEmpty())
            return resolveWorkspacePath(configured);
    }
    return resolveWorkspacePath(requested);
}

} // namespace Realm::Workspace
