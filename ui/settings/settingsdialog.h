// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/appsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace Realm::Ui {

// Preferences: workspace location, import excludes and limits, appearance
// and language. Appearance applies at once; the rest on the next import or
// start.
class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);
    AppSettings settings() const;

private:
    AppSettings m_original;
    QLineEdit *m_workspace;
    QPlainTextEdit *m_excludes;
    QCheckBox *m_gitIgnore;
    QCheckBox *m_followFolders;
    QSpinBox *m_maxFileMiB;
    QSpinBox *m_maxTotalGiB;
    QSpinBox *m_maxFiles;
    QDoubleSpinBox *m_maxRatio;
    QComboBox *m_theme;
    QComboBox *m_language;
};

} // namespace Realm::Ui
