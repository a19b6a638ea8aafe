// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/providerstore.h"
#include "docs/generatejob.h"
#include "jobs/background.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;

namespace Realm::Ui {

class DownloadFirst;
class SyncController;

// The Docs tab of a project: generate the API reference, an overview or a
// custom document (kind, template, and for the LLM kinds a provider and
// model), with progress and Cancel; the versions kept in the workspace with
// a preview of the selected one; export to Markdown, HTML, a site or PDF.
// Everything that reads the workspace or a model runs off the UI thread.
class DocsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocsPanel)
public:
    DocsPanel(Storage::DatabasePtr db, Chat::ProviderStore providers, QWidget *parent = nullptr);
    ~DocsPanel() override;

    void setProject(const QString &projectId, const QString &projectName);
    QString projectId() const { return m_projectId; }
    void generate();
    // Chooses the API reference (needs no model) and generates it.
    void generateApiReference();
    void cancel();
    // Where a project's contents not downloaded yet come from (none: the
    // job stops at the first such file, saying so).
    void setSyncController(SyncController *sync);
    // Writes the selected version to `dir` in the format chosen under the
    // list; exportFinished() follows.
    void exportSelected(const QString &dir);
    void deleteSelected();
    void reloadProviders();
    // Reads the stored templates again (an organization's may have come).
    void reloadTemplates();
    // The template chosen: ORG/NAME, a name of the user's, or for REALM's
    // own DocTemplatesDialog::builtInKey(kind).
    QString chosenTemplate() const;

    bool isRunning() const { return m_running; }
    QComboBox *kindBox() const { return m_kindBox; }
    QComboBox *templateBox() const { return m_templateBox; }
    QComboBox *providerBox() const { return m_providerBox; }
    QComboBox *formatBox() const { return m_formatBox; }
    QPlainTextEdit *promptEdit() const { return m_promptEdit; }
    QCheckBox *documentedOnlyBox() const { return m_documentedOnlyBox; }
    QListWidget *versionList() const { return m_versions; }
    QTextBrowser *preview() const { return m_preview; }
    QLabel *statusLabel() const { return m_status; }

signals:
    void generated(const QString &versionId);
    void failed(const QString &message);
    void previewShown(const QString &versionId);
    void exportFinished(const QStringList &files, const QString &error);
    // Edit… beside the Template list: the window opens the templates
    // dialog at `qualifiedName` (chosenTemplate()).
    void editTemplatesRequested(const QString &qualifiedName);

protected:
    // Profiles may have changed in the chat panel while the page was away.
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void updateForKind();
    void reloadVersions(const QString &select = {});
    void showVersion(const QString &versionId);
    Docs::DocSpec currentSpec() const;
    void startJob(Docs::GenerateInput input);
    void runJob();
    static QString doneText(const Docs::DocVersion &version);
    void setRunning(bool running, const QString &status = {});
    void showProgress(double fraction, const QString &text);
    void fail(const QString &message);

    Storage::DatabasePtr m_db;
    Chat::ProviderStore m_providers;
    QList<Chat::StoredProfile> m_profiles;
    QList<Docs::DocTemplate> m_templates;
    QString m_projectId;
    LatestOnly m_templateReloads;
    LatestOnly m_providerReloads;
    LatestOnly m_versionReloads;
    QString m_projectName;
    bool m_running = false;
    LatestOnly m_runs;
    Docs::GenerateInput m_input; // the job to run once the contents are here
    Docs::GenerateJob *m_job = nullptr; // while generating

    QFormLayout *m_form = nullptr;
    QComboBox *m_kindBox;
    QComboBox *m_templateBox;
    QWidget *m_modelRow;
    QComboBox *m_providerBox;
    QLineEdit *m_modelEdit;
    QPlainTextEdit *m_promptEdit;
    QCheckBox *m_documentedOnlyBox;
    QPushButton *m_generateButton;
    QPushButton *m_cancelButton;
    DownloadFirst *m_downloadFirst; // before a job, what a lazy clone lacks
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_title; // the project's name
    QListWidget *m_versions;
    QTextBrowser *m_preview;
    QComboBox *m_formatBox;
    QPushButton *m_exportButton;
    QPushButton *m_deleteButton;
};

} // namespace Realm::Ui
