// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/settings.h"

namespace Realm::Ui {

// The desktop app's preferences: those realm-cli honours too (workspace,
// import excludes and limits; Workspace::Settings) and its look.
struct AppSettings : Workspace::Settings {
    enum class Theme { System, Light, Dark };

    Theme theme = Theme::System;
    QString language;        // "" follows the system, else "en", "de"
    bool followFolders = true; // refresh the open project when its folder changes (FolderWatch)

    static AppSettings load();
    void save() const;
};

// Light or dark palette (Fusion) or the platform's own look.
void applyAppearance(AppSettings::Theme theme);

// Loads the interface translation for `language` ("de"; empty: the system's
// language) and installs it; a language REALM has no catalog for gets
// English (source strings with proper plural forms). Returns whether the
// language's own catalog was found — English has one.
bool installTranslation(const QString &language);

} // namespace Realm::Ui
