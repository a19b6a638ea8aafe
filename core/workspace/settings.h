// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/importoptions.h"

#include <QString>
#include <QStringList>

namespace Realm::Workspace {

// The preferences that change what REALM does, the same for the desktop
// (Settings dialog) and realm-cli: kept with QSettings (on Linux
// ~/.config/realm/realm.conf) under fixed key names. Never holds secrets
// (API keys go to the keychain). The desktop adds its look (ui/settings).
struct Settings {
    QString workspacePath; // empty: the default location
    QStringList importExcludes = Projects::defaultImportExcludes();
    bool honourGitIgnore = true;
    Projects::ImportLimits limits;

    static Settings load();
    void save() const;
    // What an import or refresh starts from; options a command gives win.
    Projects::ImportOptions importOptions() const;
};

// Which workspace to open: `requested` (--workspace), then
// $REALM_WORKSPACE, then the setting, then the platform's data location.
QString workspacePathFor(const QString &requested);

} // namespace Realm::Workspace
