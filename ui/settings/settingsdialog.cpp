// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/settingsdialog.h"

#include "widgets/fieldnote.h"
#include "widgets/sidebutton.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Realm::Ui {

SettingsDialog::SettingsDialog(const AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_original(settings)
    , m_workspace(new QLineEdit(settings.workspacePath))
    , m_excludes(new QPlainTextEdit(settings.importExcludes.join(QLatin1Char('\n'))))
    , m_gitIgnore(new QCheckBox(tr("Skip what .gitignore ignores")))
    , m_followFolders(new QCheckBox(tr("Refresh the open project when files change in its folder")))
    , m_maxFileMiB(new QSpinBox)
    , m_maxTotalGiB(new QSpinBox)
    , m_maxFiles(new QSpinBox)
    , m_maxRatio(new QDoubleSpinBox)
    , m_theme(new QComboBox)
    , m_language(new QComboBox)
{
    setWindowTitle(tr("Settings"));
    m_workspace->setPlaceholderText(tr("Default location"));
    auto *browse = sideButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Workspace File"), m_workspace->text(),
                                                          tr("REALM workspaces (*.realm)"), nullptr,
                                                          QFileDialog::DontConfirmOverwrite);
        if (!file.isEmpty())
            m_workspace->setText(file);
    });
    m_workspace->setObjectName(QStringLiteral("workspacePath"));
    auto *workspaceNote = new FieldNote(QStringLiteral("workspaceNote"));
    auto *workspaceRow = new QHBoxLayout;
    workspaceRow->addWidget(m_workspace, 1);
    workspaceRow->addWidget(browse);
    auto *workspaceLayout = new QVBoxLayout;
    workspaceLayout->addLayout(workspaceRow);
    workspaceLayout->addWidget(workspaceNote);
    auto *workspaceBox = new QGroupBox(tr("Workspace (used from the next start)"));
    workspaceBox->setLayout(workspaceLayout);

    m_gitIgnore->setChecked(settings.honourGitIgnore);
    m_followFolders->setChecked(settings.followFolders);
    m_followFolders->setObjectName(QStringLiteral("followFolders"));
    m_followFolders->setToolTip(tr("Files saved from another editor, a git checkout, new and deleted files: "
                                   "read into the workspace within a moment, without pressing F5."));
    m_maxFileMiB->setRange(1, 4096);
    m_maxFileMiB->setSuffix(tr(" MiB"));
    m_maxFileMiB->setValue(int(settings.limits.maxFileBytes >> 20));
    m_maxTotalGiB->setRange(1, 1024);
    m_maxTotalGiB->setSuffix(tr(" GiB"));
    m_maxTotalGiB->setValue(int(qMax<qint64>(1, settings.limits.maxTotalBytes >> 30)));
    m_maxFiles->setRange(1, 100000000);
    m_maxFiles->setValue(int(settings.limits.maxFiles));
    m_maxRatio->setRange(2, 100000);
    m_maxRatio->setDecimals(0);
    m_maxRatio->setSuffix(tr(" times its size"));
    m_maxRatio->setValue(settings.limits.maxCompressionRatio);
    auto *importForm = new QFormLayout;
    importForm->addRow(tr("Excluded names and paths\n(one glob per line):"), m_excludes);
    importForm->addRow(QString(), m_gitIgnore);
    importForm->addRow(QString(), m_followFolders);
    importForm->addRow(tr("Skip files larger than:"), m_maxFileMiB);
    importForm->addRow(tr("Stop above a total of:"), m_maxTotalGiB);
    importForm->addRow(tr("Stop above this many files:"), m_maxFiles);
    importForm->addRow(tr("Stop when an archive expands more than:"), m_maxRatio);
    auto *importBox = new QGroupBox(tr("Folder and archive imports"));
    importBox->setLayout(importForm);

    m_theme->addItem(tr("Follow the system"), int(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(AppSettings::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(settings.theme)));
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] {
        applyAppearance(AppSettings::Theme(m_theme->currentData().toInt())); // preview at once
    });
    m_language->addItem(tr("Follow the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings.language)));
    auto *appearanceForm = new QFormLayout;
    appearanceForm->addRow(tr("Theme:"), m_theme);
    appearanceForm->addRow(tr("Language (from the next start):"), m_language);
    auto *appearanceBox = new QGroupBox(tr("Appearance"));
    appearanceBox->setLayout(appearanceForm);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        applyAppearance(m_original.theme); // undo the preview
        reject();
    });
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        const AppSettings defaults;
        m_excludes->setPlainText(defaults.importExcludes.join(QLatin1Char('\n')));
        m_gitIgnore->setChecked(defaults.honourGitIgnore);
        m_followFolders->setChecked(defaults.followFolders);
        m_maxFileMiB->setValue(int(defaults.limits.maxFileBytes >> 20));
        m_maxTotalGiB->setValue(int(defaults.limits.maxTotalBytes >> 30));
        m_maxFiles->setValue(int(defaults.limits.maxFiles));
        m_maxRatio->setValue(defaults.limits.maxCompressionRatio);
    });

    // OK waits for a workspace path REALM can use at the next start: a file
    // named in full (the current folder at start-up is anyone's guess).
    const auto checkWorkspace = [this, workspaceNote, ok = buttons->button(QDialogButtonBox::Ok)] {
        const QString path = m_workspace->text().trimmed();
        QString problem;
        if (!path.isEmpty() && !QDir::isAbsolutePath(path))
            problem = tr("Give the whole path, e.g. %1.").arg(QDir::home().filePath(QStringLiteral("work.realm")));
        else if (path.endsWith(QLatin1Char('/')) || path.endsWith(QDir::separator()))
            problem = tr("Name the workspace file itself, e.g. %1.").arg(path + QStringLiteral("work.realm"));
        workspaceNote->setProblem(problem);
        ok->setEnabled(problem.isEmpty());
    };
    connect(m_workspace, &QLineEdit::textChanged, this, checkWorkspace);
    checkWorkspace();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(workspaceBox);
    layout->addWidget(importBox);
    layout->addWidget(appearanceBox);
    layout->addWidget(buttons);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_original;
    s.workspacePath = m_workspace->text().trimmed();
    s.importExcludes = m_excludes->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString &e : s.importExcludes)
        e = e.trimmed();
    s.importExcludes.removeAll(QString());
    s.honourGitIgnore = m_gitIgnore->isChecked();
    s.followFolders = m_followFolders->isChecked();
    s.limits.maxFileBytes = qint64(m_maxFileMiB->value()) << 20;
    s.limits.maxTotalBytes = qint64(m_maxTotalGiB->value()) << 30;
    s.limits.maxFiles = m_maxFiles->value();
    s.limits.maxCompressionRatio = m_maxRatio->value();
    s.theme = AppSettings::Theme(m_theme->currentData().toInt());
    s.language = m_language->currentData().toString();
    return s;
}

} // namespace Realm::Ui
