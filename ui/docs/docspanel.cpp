// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/docspanel.h"

#include "docs/docexport.h"
#include "docs/doctemplatesdialog.h"
#include "jobs/background.h"
#include "markup/markdownoutput.h"
#include "team/downloadfirst.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Realm::Ui {

namespace {
constexpr int kIdRole = Qt::UserRole;
// A preview is for reading, not for the whole Linux kernel: longer
// documents show their beginning (exports are always whole).
constexpr qsizetype kPreviewLimit = 400 * 1024;

} // namespace

DocsPanel::DocsPanel(Storage::DatabasePtr db, Chat::ProviderStore providers, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_providers(std::move(providers))
    , m_kindBox(new QComboBox)
    , m_templateBox(new QComboBox)
    , m_modelRow(new QWidget)
    , m_providerBox(new QComboBox)
    , m_modelEdit(new QLineEdit)
    , m_promptEdit(new QPlainTextEdit)
    , m_documentedOnlyBox(new QCheckBox(tr("&Only symbols with a documentation comment")))
    , m_generateButton(new QPushButton(tr("&Generate")))
    , m_cancelButton(new QPushButton(tr("Cancel")))
    , m_downloadFirst(new DownloadFirst(this))
    , m_progress(new QProgressBar)
    , m_status(new QLabel)
    , m_title(new QLabel)
    , m_versions(new QListWidget)
    , m_preview(new QTextBrowser)
    , m_formatBox(new QComboBox)
    , m_exportButton(new QPushButton(tr("&Export…")))
    , m_deleteButton(new QPushButton(tr("Delete")))
{
    buildUi();
    setEnabled(false); // until a project is open
}

DocsPanel::~DocsPanel() = default; // a running job is a child: it cancels and waits for its thread

void DocsPanel::setSyncController(SyncController *sync)
{
    m_downloadFirst->setSync(sync);
}

void DocsPanel::buildUi()
{
    m_kindBox->setObjectName(QStringLiteral("docKind"));
    m_kindBox->addItem(tr("API reference"), QStringLiteral("api"));
    m_kindBox->addItem(tr("Overview (written by a model)"), QStringLiteral("overview"));
    m_kindBox->addItem(tr("Custom (template and prompt)"), QStringLiteral("custom"));
    connect(m_kindBox, &QComboBox::currentIndexChanged, this, &DocsPanel::updateForKind);
    m_templateBox->setObjectName(QStringLiteral("docTemplate"));
    connect(m_templateBox, &QComboBox::currentIndexChanged, this, [this] {
        const int stored = m_templateBox->currentIndex() - 1;
        if (stored >= 0 && stored < m_templates.size() && !m_templates.at(stored).prompt.isEmpty())
            m_promptEdit->setPlainText(m_templates.at(stored).prompt);
    });
    m_providerBox->setObjectName(QStringLiteral("docProvider"));
    m_modelEdit->setObjectName(QStringLiteral("docModel"));
    m_modelEdit->setPlaceholderText(tr("the provider's default model"));
    m_promptEdit->setObjectName(QStringLiteral("docPrompt"));
    m_promptEdit->setPlaceholderText(tr("What should the model write? e.g. “An architecture document for new contributors.”"));
    m_promptEdit->setMaximumHeight(80);
    m_documentedOnlyBox->setObjectName(QStringLiteral("docDocumentedOnly"));
    m_documentedOnlyBox->setToolTip(tr("Leave out symbols without a comment (types stay for their documented members), "
                                       "like Doxygen's EXTRACT_ALL = NO. Coverage still counts every public symbol."));

    auto *modelLayout = new QHBoxLayout(m_modelRow);
    modelLayout->setContentsMargins(0, 0, 0, 0);
    modelLayout->addWidget(m_providerBox, 1);
    modelLayout->addWidget(m_modelEdit, 1);
    m_form = new QFormLayout;
    m_form->addRow(tr("&Kind:"), m_kindBox);
    auto *templateRow = new QWidget;
    auto *templateLayout = new QHBoxLayout(templateRow);
    templateLayout->setContentsMargins(0, 0, 0, 0);
    templateLayout->addWidget(m_templateBox, 1);
    auto *editTemplates = new QPushButton(tr("E&dit…"));
    editTemplates->setObjectName(QStringLiteral("editDocTemplates"));
    editTemplates->setToolTip(tr("Documentation templates: copy REALM's, write your own, share them with an organization"));
    connect(editTemplates, &QPushButton::clicked, this, [this] { emit editTemplatesRequested(chosenTemplate()); });
    templateLayout->addWidget(editTemplates);
    m_form->addRow(tr("&Template:"), templateRow);
    m_form->addRow(tr("&Model:"), m_modelRow);
    m_form->addRow(tr("&Prompt:"), m_promptEdit);
    m_form->addRow(QString(), m_documentedOnlyBox);

    m_generateButton->setObjectName(QStringLiteral("generateDocs"));
    m_generateButton->setToolTip(tr("Generate (Ctrl+Return)"));
    m_cancelButton->setObjectName(QStringLiteral("cancelDocs"));
    m_cancelButton->setToolTip(tr("Cancel (Esc)"));
    m_cancelButton->hide();
    m_progress->hide();
    m_progress->setMaximumHeight(14);
    m_status->setObjectName(QStringLiteral("docsStatus"));
    m_status->setWordWrap(true);
    connect(m_generateButton, &QPushButton::clicked, this, &DocsPanel::generate);
    connect(m_cancelButton, &QPushButton::clicked, this, &DocsPanel::cancel);
    connect(m_downloadFirst, &DownloadFirst::progress, this, &DocsPanel::showProgress);
    connect(m_downloadFirst, &DownloadFirst::ready, this, &DocsPanel::runJob);
    connect(m_downloadFirst, &DownloadFirst::failed, this, &DocsPanel::fail);
    auto *generateShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    generateShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(generateShortcut, &QShortcut::activated, this, &DocsPanel::generate);
    auto *cancelShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    cancelShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelShortcut, &QShortcut::activated, this, &DocsPanel::cancel);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_generateButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_progress, 1);

    m_versions->setObjectName(QStringLiteral("docVersions"));
    connect(m_versions, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        m_exportButton->setEnabled(item);
        m_deleteButton->setEnabled(item);
        if (item)
            showVersion(item->data(kIdRole).toString());
    });
    m_formatBox->setObjectName(QStringLiteral("docFormat"));
    m_formatBox->addItem(tr("Markdown"), QStringLiteral("md"));
    m_formatBox->addItem(tr("HTML page"), QStringLiteral("html"));
    m_formatBox->addItem(tr("HTML site"), QStringLiteral("site"));
    m_formatBox->addItem(tr("PDF"), QStringLiteral("pdf"));
    m_exportButton->setEnabled(false);
    m_deleteButton->setEnabled(false);
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Documentation To"));
        if (!dir.isEmpty())
            exportSelected(dir);
    });
    connect(m_deleteButton, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Delete Document"), tr("Delete this version of the document from the workspace?"))
            == QMessageBox::Yes)
            deleteSelected();
    });
    auto *exportRow = new QHBoxLayout;
    exportRow->addWidget(m_formatBox, 1);
    exportRow->addWidget(m_exportButton);
    exportRow->addWidget(m_deleteButton);
    auto *listPane = new QWidget;
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(new QLabel(tr("Versions")));
    listLayout->addWidget(m_versions);
    listLayout->addLayout(exportRow);

    m_preview->setObjectName(QStringLiteral("docPreview"));
    m_preview->setOpenLinks(false); // anchors scroll; other links stay inert
    connect(m_preview, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.hasFragment() && url.path().isEmpty())
            m_preview->scrollToAnchor(url.fragment());
    });
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(listPane);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({140, 560}); // a few versions; most room for reading

    m_title->setObjectName(QStringLiteral("docsTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addLayout(m_form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    setFocusProxy(m_kindBox);
    updateForKind();
}

void DocsPanel::setProject(const QString &projectId, const QString &projectName)
{
    if (projectId == m_projectId)
        return;
    cancel();
    m_projectId = projectId;
    m_projectName = projectName;
    m_title->setText(projectName);
    setEnabled(!projectId.isEmpty());
    m_preview->clear();
    m_status->clear();
    reloadVersions();
    reloadTemplates();
    reloadProviders();
}

void DocsPanel::updateForKind()
{
    const QString kind = m_kindBox->currentData().toString();
    m_modelRow->setEnabled(kind != QLatin1String("api"));
    m_form->setRowVisible(m_promptEdit, kind == QLatin1String("custom"));
    m_form->setRowVisible(m_documentedOnlyBox, kind == QLatin1String("api"));
    reloadTemplates();
}

void DocsPanel::reloadTemplates()
{
    const QString kind = m_kindBox->currentData().toString();
    const quint64 ticket = m_templateReloads.take();
    runInBackground(this, m_db, [](Storage::DatabasePtr db) { return Docs::DocStore(db).templates(); },
                    [this, kind, ticket](const Result<QList<Docs::DocTemplate>> &all) {
                        if (!m_templateReloads.isNewest(ticket))
                            return;
                        // The one chosen stays chosen (a sync reloads the list under the user's hands).
                        const int chosen = m_templateBox->currentIndex() - 1;
                        const bool hadChoice = chosen >= 0 && chosen < m_templates.size();
                        const QString chosenName = hadChoice ? Docs::qualifiedName(m_templates.at(chosen)) : QString();
                        // Its prompt as the user has it unedited: a new version's replaces it.
                        const bool promptUnedited = hadChoice && m_promptEdit->toPlainText() == m_templates.at(chosen).prompt;
                        const QSignalBlocker quiet(m_templateBox);
                        m_templates.clear();
                        m_templateBox->clear();
                        m_templateBox->addItem(tr("Built-in"));
                        for (const Docs::DocTemplate &t : all ? *all : QList<Docs::DocTemplate>{}) {
                            if (t.kind == kind) {
                                m_templates.append(t);
                                // An organization's, which its admins change: "name (Acme)".
                                m_templateBox->addItem(Docs::isReadOnly(t) ? tr("%1 (%2)").arg(t.name, t.orgName) : t.name);
                                if (Docs::qualifiedName(t) == chosenName) {
                                    m_templateBox->setCurrentIndex(m_templateBox->count() - 1);
                                    if (promptUnedited && !t.prompt.isEmpty())
                                        m_promptEdit->setPlainText(t.prompt);
                                }
                            }
                        }
                    });
}

QString DocsPanel::chosenTemplate() const
{
    const int chosen = m_templateBox->currentIndex() - 1;
    if (chosen >= 0 && chosen < m_templates.size())
        return Docs::qualifiedName(m_templates.at(chosen));
    return DocTemplatesDialog::builtInKey(m_kindBox->currentData().toString()); // REALM's own
}

void DocsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reloadProviders();
}

void DocsPanel::reloadProviders()
{
    const quint64 ticket = m_providerReloads.take();
    runInBackground(this, m_db, [store = m_providers](Storage::DatabasePtr) { return store.list(); },
                    [this, ticket](const Result<QList<Chat::StoredProfile>> &list) {
                        if (!m_providerReloads.isNewest(ticket))
                            return;
                        m_profiles = list ? *list : QList<Chat::StoredProfile>{};
                        const QString chosen = m_providerBox->currentText();
                        m_providerBox->clear();
                        for (const Chat::StoredProfile &p : std::as_const(m_profiles))
                            m_providerBox->addItem(p.profile.name);
                        if (m_profiles.isEmpty())
                            m_providerBox->addItem(tr("No provider set up (Chat → Providers…)"));
                        m_providerBox->setCurrentText(chosen);
                    });
}

void DocsPanel::reloadVersions(const QString &select)
{
    const QString projectId = m_projectId;
    const quint64 ticket = m_versionReloads.take();
    runInBackground(this, m_db, [projectId](Storage::DatabasePtr db) { return Docs::DocStore(db).versions(projectId); },
                    [this, select, ticket](const Result<QList<Docs::DocVersion>> &versions) {
                        if (!m_versionReloads.isNewest(ticket))
                            return; // a newer reload (or another project) is on its way
                        m_versions->clear();
                        for (const Docs::DocVersion &v : versions ? *versions : QList<Docs::DocVersion>{}) {
                            QString text = QStringLiteral("%1 · %2").arg(QDateTime::fromMSecsSinceEpoch(v.createdAt).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                                        docKindLabel(v.kind));
                            if (v.templateName != QLatin1String("built-in"))
                                text += QStringLiteral(" · ") + v.templateName;
                            if (!v.model.isEmpty())
                                text += QStringLiteral(" · ") + v.model;
                            if (v.stats.value(QStringLiteral("documented_only")).toBool())
                                text += QStringLiteral(" · ") + tr("documented only");
                            auto *item = new QListWidgetItem(text, m_versions);
                            item->setData(kIdRole, v.id);
                            item->setToolTip(v.title);
                            if (v.id == select)
                                m_versions->setCurrentItem(item);
                        }
                        if (!versions)
                            fail(versions.error().message);
                    });
}

void DocsPanel::showVersion(const QString &versionId)
{
    runInBackground(this, m_db,
                    [versionId](Storage::DatabasePtr db) -> Result<std::pair<QString, QString>> {
                        Result<Docs::DocVersion> v = Docs::DocStore(db).version(versionId);
                        if (!v)
                            return v.error();
                        QString markdown = v->markdown;
                        if (markdown.size() > kPreviewLimit) {
                            const qsizetype chapter = markdown.lastIndexOf(QLatin1String("\n## "), kPreviewLimit);
                            markdown.truncate(chapter > 0 ? chapter : kPreviewLimit);
                            markdown += QStringLiteral("\n\n---\n\n*") + DocsPanel::tr("The preview ends here; export the document to read all of it.")
                                        + QStringLiteral("*\n");
                        }
                        return std::pair{v->title, Markup::htmlPage(v->title, markdown)}; // comments are not trusted
                    },
                    [this, versionId](const Result<std::pair<QString, QString>> &page) {
                        QListWidgetItem *current = m_versions->currentItem();
                        if (!current || current->data(kIdRole).toString() != versionId)
                            return;
                        if (!page) {
                            fail(page.error().message);
                            return;
                        }
                        m_preview->setHtml(page->second);
                        emit previewShown(versionId);
                    });
}

Docs::DocSpec DocsPanel::currentSpec() const
{
    Docs::DocSpec spec;
    spec.kind = Docs::docKindFromName(m_kindBox->currentData().toString()).value_or(Docs::DocKind::Api);
    const int stored = m_templateBox->currentIndex() - 1;
    if (stored >= 0 && stored < m_templates.size()) {
        spec.templateName = Docs::qualifiedName(m_templates.at(stored));
        spec.templateText = m_templates.at(stored).body;
        spec.title = spec.templateName;
    }
    spec.prompt = m_promptEdit->toPlainText().trimmed();
    spec.model = m_modelEdit->text().trimmed();
    spec.documentedOnly = spec.kind == Docs::DocKind::Api && m_documentedOnlyBox->isChecked();
    return spec;
}

void DocsPanel::generateApiReference()
{
    m_kindBox->setCurrentIndex(m_kindBox->findData(QStringLiteral("api")));
    generate();
}

void DocsPanel::generate()
{
    if (m_running || m_projectId.isEmpty())
        return;
    const Docs::DocSpec spec = currentSpec();
    if (Docs::needsModel(spec.kind) && m_profiles.isEmpty()) {
        fail(tr("The overview and custom documents are written by a model: set up a provider first (Chat → Providers…), e.g. a local Ollama."));
        return;
    }
    if (spec.kind == Docs::DocKind::Custom && spec.prompt.isEmpty()) {
        fail(tr("Write a prompt: what the model should write."));
        m_promptEdit->setFocus();
        return;
    }
    setRunning(true, tr("Reading symbols…"));
    const quint64 run = m_runs.take();
    if (!Docs::needsModel(spec.kind)) {
        startJob({m_projectId, {}, spec, std::nullopt});
        return;
    }
    const int row = m_providerBox->currentIndex();
    const Chat::StoredProfile chosen = m_profiles.value(row < 0 ? 0 : row);
    m_providers.loadKey(chosen, this, [this, run, projectId = m_projectId, spec](Result<Chat::ProviderProfile> profile) {
        if (!m_running || !m_runs.isNewest(run))
            return; // cancelled while the keychain answered
        if (!profile)
            fail(profile.error().message);
        else
            startJob({projectId, {}, spec, *profile});
    });
}

void DocsPanel::startJob(Docs::GenerateInput input)
{
    // A project whose contents wait on the server downloads its files first.
    m_input = std::move(input);
    m_downloadFirst->start(m_db, m_input.projectId, SyncClient::FetchReach::LiveFiles);
}

void DocsPanel::runJob()
{
    if (!m_running)
        return;
    m_job = new Docs::GenerateJob(m_db, std::exchange(m_input, {}), this);
    connect(m_job, &Docs::GenerateJob::progress, this, &DocsPanel::showProgress);
    connect(m_job, &Docs::GenerateJob::finished, this, [this](const Docs::GeneratedDocument &document) {
        setRunning(false, document.unchanged ? tr("Nothing changed since this version: shown as it is, nothing redone.") : doneText(document.version));
        reloadVersions(document.version.id);
        emit generated(document.version.id);
    });
    connect(m_job, &Docs::GenerateJob::failed, this, [this](const Docs::GenerateFailure &failure) { fail(failure.error.message); });
    m_job->start();
}

QString DocsPanel::doneText(const Docs::DocVersion &version)
{
    const QJsonObject &s = version.stats;
    const auto stat = [&s](const char *name) { return int(s.value(QLatin1String(name)).toInteger()); };
    QString text = tr("Done: %1 from %2, %3 % documented.")
                       .arg(tr("%n symbol(s)", nullptr, stat("symbols")), tr("%n file(s)", nullptr, stat("files")))
                       .arg(qRound(s.value(QStringLiteral("coverage")).toDouble() * 100))
                   + QLatin1Char(' ')
                   + tr("Redone: symbols of %n file(s), %1 reused.", nullptr, stat("files_extracted")).arg(stat("files_reused"));
    if (!version.model.isEmpty()) {
        text += QLatin1Char(' ') + tr("Summaries: %1 written by %2, %3 reused.")
                                       .arg(s.value(QStringLiteral("summaries_written")).toInteger())
                                       .arg(version.model)
                                       .arg(s.value(QStringLiteral("summaries_reused")).toInteger());
    }
    return text;
}

void DocsPanel::cancel()
{
    if (!m_running)
        return;
    if (m_downloadFirst->isBusy()) {
        m_downloadFirst->cancel(); // failed() follows
        return;
    }
    if (!m_job) {
        fail(tr("Cancelled: nothing was changed.")); // still waiting for the keychain
        return;
    }
    m_job->cancel(); // failed() follows
    m_status->setText(tr("Cancelling…"));
}

void DocsPanel::exportSelected(const QString &dir)
{
    QListWidgetItem *item = m_versions->currentItem();
    const std::optional<Docs::OutputFormat> format = Docs::outputFormatFromName(m_formatBox->currentData().toString());
    if (!item || !format)
        return;
    const QString versionId = item->data(kIdRole).toString();
    m_status->setText(tr("Exporting…"));
    runInBackground(this, m_db,
                    [versionId, format, dir](Storage::DatabasePtr db) -> Result<QStringList> {
                        Result<Docs::DocVersion> v = Docs::DocStore(db).version(versionId);
                        if (!v)
                            return v.error();
                        return Docs::exportDocument(*v, *format, dir);
                    },
                    [this](const Result<QStringList> &files) {
                        if (!files) {
                            fail(files.error().message);
                            emit exportFinished({}, files.error().message);
                            return;
                        }
                        m_status->setText(tr("Exported to %1.").arg(files->first()));
                        emit exportFinished(*files, QString());
                    });
}

void DocsPanel::deleteSelected()
{
    QListWidgetItem *item = m_versions->currentItem();
    if (!item)
        return;
    const QString versionId = item->data(kIdRole).toString();
    runInBackground(this, m_db, [versionId](Storage::DatabasePtr db) { return Docs::DocStore(db).removeVersion(versionId); },
                    [this](const Result<void> &removed) {
                        if (!removed)
                            fail(removed.error().message);
                        m_preview->clear();
                        reloadVersions();
                    });
}

void DocsPanel::setRunning(bool running, const QString &status)
{
    m_running = running;
    // The focus must stay in the panel, or Esc (a shortcut for the panel and
    // its children) does nothing: when the widget that has it is about to be
    // disabled or hidden, it moves to the button that makes sense now.
    QWidget *focused = QApplication::focusWidget();
    const bool focusLost = !focused || focused == this
                           || (running ? focused == m_generateButton || focused == m_kindBox || focused == m_templateBox
                                       : focused == m_cancelButton);
    m_generateButton->setEnabled(!running);
    m_cancelButton->setVisible(running);
    if (focusLost && (!focused || focused == this || isAncestorOf(focused)))
        (running ? m_cancelButton : m_generateButton)->setFocus();
    m_progress->setVisible(running);
    m_progress->setRange(0, 0);
    m_kindBox->setEnabled(!running);
    m_templateBox->setEnabled(!running);
    if (!running && m_job)
        std::exchange(m_job, nullptr)->deleteLater(); // it may be reporting right now
    m_status->setText(status);
}

void DocsPanel::showProgress(double fraction, const QString &text)
{
    if (!m_running)
        return;
    constexpr int kSteps = 1000;
    m_progress->setRange(0, fraction < 0 ? 0 : kSteps);
    m_progress->setValue(fraction < 0 ? 0 : int(fraction * kSteps));
    m_status->setText(text);
}

void DocsPanel::fail(const QString &message)
{
    m_input = {}; // with a provider's key in it
    setRunning(false, message);
    emit failed(message);
}

} // namespace Realm::Ui
