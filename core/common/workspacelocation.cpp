// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/workspacelocation.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Realm {

QString resolveWorkspacePath(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return QFileInfo(explicitPath).absoluteFilePath();
    const QString fromEnv = qEnvironmentVariable("REALM_WORKSPACE");
    if (!fromEnv.isEmpty())
        return QFileInfo(fromEnv).absoluteFilePath();
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/realm");
    return dir + QStringLiteral("/workspace.realm");
}

} // namespace Realm
