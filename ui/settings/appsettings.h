// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/importoptions.h"

#include <QString>
#include <QStringList>

namespace Realm::Ui {

// The desktop app's preferences, kept with QSettings under fixed key names.
// Never holds secrets (API keys go to the keychain).
struct AppSettings {
    enum class Theme { System, Light, Dark };

    QString workspacePath;   // empty: the default location
    QStringList importExcludes = Projects::defaultImportExcludes();
    bool honourGitIgnore = true;
    Projects::ImportLimits limits;
    Theme theme = Theme::System;
    QString language;        // "" follows the system, else "en", "de"

    static AppSettings load();
    void save() const;
    Projects::ImportOptions importOptions() const;
};

// Light or dark palette (Fusion) or the platform's own look.
void applyAppearance(AppSettings::Theme theme);

// Loads the interface translation for `language` ("de"; empty: the system's
// language) and installs it. English needs none; returns whether one was
// installed.
bool installTranslation(const QString &language);

} // namespace Realm::Ui
