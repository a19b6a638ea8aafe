// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chatpanel.h"

#include "chat/chathistory.h"
#include "chat/chatinput.h"
#include "chat/chatview.h"
#include "chat/contextbuilder.h"
#include "chatexport/conversationexport.h"
#include "chat/conversationstore.h"
#include "chat/promptpicker.h"
#include "chat/providerdialog.h"
#include "files/filetreemodel.h"
#include "jobs/background.h"
#include "projects/projectstore.h"
#include "projects/textcontent.h"
#include "prompts/promptstore.h"
#include "secrets/memorysecretstore.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCoreApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace Realm::Ui {

using namespace Realm::Chat;

namespace {
}

ChatPanel::ChatPanel(Storage::DatabasePtr db, SecretStore *keychain, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_network(new QNetworkAccessManager(this))
    , m_sessionKeys(std::make_unique<Secrets::MemorySecretStore>())
    , m_providers(db, keychain, m_sessionKeys.get())
    , m_session(new ChatSession(db, this))
{
    buildUi();
    setAcceptDrops(true);
    reloadProviders();
    // Answers a crash cut off were marked interrupted when the workspace
    // was opened (Workspace::open).
    m_history->reload();
    updateButtons();
}

ChatPanel::~ChatPanel()
{
    if (m_turn)
        m_turn->cancel(); // keeps what arrived, marked as stopped
}

namespace {
QString lastModelKey(const QString &providerId)
{
    return QStringLiteral("chat/lastModel/") + providerId;
}
} // namespace

void ChatPanel::buildUi()
{
    m_providerBox = new QComboBox;
    m_providerBox->setObjectName(QStringLiteral("chatProvider"));
    m_providerBox->setToolTip(tr("The LLM provider to ask"));
    m_providerBox->setPlaceholderText(tr("No provider"));
    m_modelBox = new QComboBox;
    m_modelBox->setObjectName(QStringLiteral("chatModel"));
    m_modelBox->setEditable(true);
    m_modelBox->setToolTip(tr("The model; type to search the provider's models, or any name it knows"));
    m_modelBox->setInsertPolicy(QComboBox::NoInsert);
    // Wide enough for real names (qwen2.5-coder:32b-instruct-q4_K_M), and
    // searchable: typing filters the list by any part of the name.
    m_modelBox->setMinimumContentsLength(16);
    m_modelBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modelBox->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_modelBox->completer()->setFilterMode(Qt::MatchContains);
    m_modelBox->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    connect(m_modelBox, &QComboBox::currentTextChanged, this, &ChatPanel::updateButtons);
    m_historyButton = new QToolButton;
    m_historyButton->setText(tr("History"));
    m_historyButton->setCheckable(true);
    m_historyButton->setToolTip(tr("Conversations, and search over all of them"));
    auto *newButton = new QToolButton;
    newButton->setText(tr("New"));
    newButton->setToolTip(tr("Start a new conversation"));
    auto *more = new QToolButton;
    more->setText(QStringLiteral("⋯"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(more);
    menu->addAction(tr("Export Conversation…"), this, [this] {
        if (m_conversationId.isEmpty())
            return;
        const QString file = QFileDialog::getSaveFileName(this, tr("Export Conversation"), QString(),
                                                          tr("Markdown (*.md);;HTML (*.html);;PDF (*.pdf);;JSON, for import elsewhere (*.json)"));
        if (!file.isEmpty())
            exportConversation(file);
    });
    menu->addAction(tr("Rename Conversation…"), this, [this] {
        if (m_conversationId.isEmpty())
            return;
        bool ok = false;
        const QString title = QInputDialog::getText(this, tr("Rename Conversation"), tr("Title:"), QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return;
        const QString id = m_conversationId;
        runInBackground(this, m_db, [id, title](Storage::DatabasePtr db) { return ConversationStore(db).rename(id, title); },
                        [this](const Result<void> &r) {
                            if (!r)
                                showError(r.error().message);
                            m_history->reload();
                        });
    });
    menu->addAction(tr("Manage Providers…"), this, &ChatPanel::showProviderSettings);
    more->setMenu(menu);
    connect(newButton, &QToolButton::clicked, this, &ChatPanel::newConversation);
    connect(m_historyButton, &QToolButton::toggled, this, &ChatPanel::showHistory);
    connect(m_providerBox, &QComboBox::activated, this, [this](int index) {
        if (index == m_providerBox->count() - 1) // "Manage providers…"
            showProviderSettings();
        else
            showModelsOfCurrentProvider();
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_providerBox, 1);
    top->addWidget(m_modelBox, 1);
    top->addWidget(m_historyButton);
    top->addWidget(newButton);
    top->addWidget(more);

    m_history = new ChatHistory(m_db);
    connect(m_history, &ChatHistory::conversationChosen, this, [this](const QString &conversationId, const QString &messageId) {
        m_historyButton->setChecked(false);
        openConversation(conversationId, messageId);
    });
    connect(m_history, &ChatHistory::conversationChanged, this, [this](const QString &conversationId) {
        if (conversationId == m_conversationId)
            reloadThread();
    });
    connect(m_history, &ChatHistory::movedToTrash, this, [this](const QString &conversationId) {
        m_status->setText(tr("Moved to the trash; `realm-cli chat restore %1` brings it back.").arg(conversationId));
    });
    connect(m_history, &ChatHistory::failed, this, &ChatPanel::showError);
    connect(m_history, &ChatHistory::loaded, this, &ChatPanel::historyLoaded);

    m_view = new ChatView;
    m_view->setObjectName(QStringLiteral("chatView"));
    connect(m_view, &ChatView::copyRequested, this, [this](const QString &text) {
        QGuiApplication::clipboard()->setText(text);
        emit copied(text);
    });
    connect(m_view, &ChatView::editRequested, this, &ChatPanel::editQuestion);
    connect(m_view, &ChatView::regenerateRequested, this, &ChatPanel::regenerate);
    connect(m_view, &ChatView::versionRequested, this, &ChatPanel::flipVersion);
    connect(m_view, &ChatView::contextRequested, this, &ChatPanel::showContextOf);
    connect(m_view, &ChatView::setupRequested, this, &ChatPanel::showProviderSettings);

    m_pages = new QStackedWidget;
    m_pages->addWidget(m_view);
    m_pages->addWidget(m_history);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("chatStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chips = new QWidget;
    m_chipsLayout = new QHBoxLayout(m_chips);
    m_chipsLayout->setContentsMargins(0, 0, 0, 0);
    m_projectContext = new QCheckBox(tr("Project context"));
    m_projectContext->setObjectName(QStringLiteral("projectContext"));
    m_projectContext->setChecked(true);
    m_projectContext->setToolTip(tr("Send the code this question is about, found in the project, with the question"));

    m_input = new ChatInput;
    connect(m_input, &ChatInput::sendRequested, this, &ChatPanel::send);
    connect(m_input, &ChatInput::stopRequested, this, [this] {
        if (m_turn) {
            stop();
        } else if (!m_editingId.isEmpty()) {
            m_editingId.clear();
            m_input->clear();
            m_status->clear();
        }
    });
    connect(m_input, &ChatInput::editLastRequested, this, [this] {
        const QList<Message> &thread = m_view->thread();
        for (auto it = thread.crbegin(); it != thread.crend(); ++it) {
            if (it->role == ChatMessage::Role::User) {
                editQuestion(*it);
                return;
            }
        }
    });
    m_picker = new PromptPicker(m_input);
    m_prompts = Prompts::builtInPrompts();
    m_picker->setPrompts(m_prompts);
    m_picker->setValuesSource([this] {
        Prompts::PromptValues values = m_promptValues ? m_promptValues() : Prompts::PromptValues{};
        if (values.project.isEmpty())
            values.project = m_projectName;
        return values;
    });
    connect(m_picker, &PromptPicker::opened, this, &ChatPanel::reloadPrompts);
    connect(m_picker, &PromptPicker::chosen, this, [this](const QString &, const QString &prompt) { fillQuestion(prompt); });
    m_sendButton = new QPushButton(tr("Send"));
    m_sendButton->setObjectName(QStringLiteral("chatSend"));
    m_stopButton = new QPushButton(tr("Stop"));
    m_stopButton->setObjectName(QStringLiteral("chatStop"));
    connect(m_sendButton, &QPushButton::clicked, this, &ChatPanel::send);
    connect(m_stopButton, &QPushButton::clicked, this, &ChatPanel::stop);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_projectContext);
    buttons->addStretch(1);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_sendButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_chips);
    layout->addWidget(m_picker);
    layout->addWidget(m_input);
    layout->addLayout(buttons);
    updateChips();
}

void ChatPanel::reloadPrompts()
{
    const quint64 ticket = m_promptReloads.take();
    runInBackground(this, m_db, [](Storage::DatabasePtr db) { return Prompts::PromptStore(db).list(); },
                    [this, ticket](const Result<QList<Prompts::PromptTemplate>> &prompts) {
                        if (!m_promptReloads.isNewest(ticket))
                            return;
                        if (!prompts) {
                            showError(prompts.error().message);
                            return;
                        }
                        m_prompts = *prompts;
                        m_picker->setPrompts(m_prompts);
                    });
}

void ChatPanel::setPromptValuesSource(std::function<Prompts::PromptValues()> source)
{
    m_promptValues = std::move(source);
}

void ChatPanel::usePrompt(const QString &name, const Prompts::PromptValues &values)
{
    for (const Prompts::PromptTemplate &prompt : std::as_const(m_prompts)) {
        if (Prompts::qualifiedName(prompt) != name) // an organization's: "ORG/NAME"
            continue;
        Prompts::PromptValues filled = values;
        if (filled.project.isEmpty())
            filled.project = m_projectName;
        Result<QString> text = Prompts::renderPrompt(prompt, filled);
        if (text)
            fillQuestion(*text);
        else
            showError(text.error().message);
        return;
    }
    showError(tr("There is no prompt template named \"%1\".").arg(name));
}

void ChatPanel::fillQuestion(const QString &prompt)
{
    m_input->setPlainText(prompt);
    m_input->moveCursor(QTextCursor::End);
    m_input->setFocus();
    m_status->setText(tr("Read and edit the prompt if you like; Enter sends it."));
}

void ChatPanel::showModelsOfCurrentProvider()
{
    const StoredProfile *profile = currentProfile();
    m_modelBox->clear();
    if (!profile)
        return;
    m_modelBox->addItems(profile->models);
    int widest = 0;
    for (const QString &model : profile->models)
        widest = qMax(widest, m_modelBox->fontMetrics().horizontalAdvance(model));
    m_modelBox->view()->setMinimumWidth(widest + 2 * m_modelBox->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    // The model last asked with this provider, else its default.
    const QString last = QSettings().value(lastModelKey(profile->profile.id)).toString();
    m_modelBox->setCurrentText(last.isEmpty() ? profile->profile.defaultModel : last);
    updateButtons();
}

void ChatPanel::reloadProviders()
{
    const quint64 ticket = m_providerReloads.take();
    runInBackground(this, m_db, [store = m_providers](Storage::DatabasePtr) { return store.list(); },
                    [this, ticket](const Result<QList<StoredProfile>> &profiles) {
                        if (!m_providerReloads.isNewest(ticket))
                            return;
                        const QString current = m_providerBox->currentData().toString();
                        m_profiles = profiles ? *profiles : QList<StoredProfile>{};
                        QList<QPair<QString, QString>> names;
                        for (const StoredProfile &p : std::as_const(m_profiles))
                            names.append({p.profile.id, p.profile.name});
                        m_history->setProviders(names);
                        m_providerBox->clear();
                        for (const StoredProfile &p : std::as_const(m_profiles))
                            m_providerBox->addItem(p.profile.name, p.profile.id);
                        m_providerBox->addItem(tr("Manage providers…"));
                        const int index = m_providerBox->findData(current);
                        m_providerBox->setCurrentIndex(index >= 0 ? index : (m_profiles.isEmpty() ? -1 : 0));
                        if (m_conversationId.isEmpty())
                            m_view->showWelcome(!m_profiles.isEmpty(), m_projectName);
                        showModelsOfCurrentProvider();
                        updateButtons();
                    });
}

const StoredProfile *ChatPanel::currentProfile() const
{
    const QString id = m_providerBox->currentData().toString();
    for (const StoredProfile &p : m_profiles) {
        if (p.profile.id == id)
            return &p;
    }
    return nullptr;
}

void ChatPanel::showProviderSettings()
{
    ProviderDialog dialog(m_db, &m_providers, m_network, this);
    dialog.exec();
    reloadProviders();
}

void ChatPanel::setProject(const QString &projectId, const QString &projectName)
{
    const bool otherProject = projectId != m_projectId;
    m_projectId = projectId;
    m_projectName = projectName;
    m_history->setProject(projectId, projectName);
    m_projectContext->setEnabled(!projectId.isEmpty());
    m_projectContext->setText(projectName.isEmpty() ? tr("Project context") : tr("Context from %1").arg(projectName));
    if (otherProject && !isBusy())
        showLatestConversation();
    else if (m_conversationId.isEmpty() && !m_turn)
        m_view->showWelcome(!m_profiles.isEmpty(), projectName);
    if (!projectId.isEmpty()) // so that the first question does not wait for it
        runInBackground(this, m_db, [projectId](Storage::DatabasePtr db) { ContextBuilder::warmUp(db, projectId); return true; },
                        [](bool) {});
}

void ChatPanel::reloadFromWorkspace()
{
    if (isBusy())
        return;
    if (m_history->isVisible())
        m_history->reload();
    if (m_conversationId.isEmpty())
        showLatestConversation();
    else
        reloadThread();
}

void ChatPanel::attach(const ContextItem &item)
{
    m_attached.append(item);
    updateChips();
}

void ChatPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(FileTreeModel::kPathsMimeType)))
        event->acceptProposedAction();
}

void ChatPanel::dropEvent(QDropEvent *event)
{
    attachProjectPaths(QString::fromUtf8(event->mimeData()->data(QString::fromLatin1(FileTreeModel::kPathsMimeType)))
                           .split(QLatin1Char('\n'), Qt::SkipEmptyParts));
    event->acceptProposedAction();
}

void ChatPanel::attachProjectPaths(const QStringList &paths)
{
    const QString projectId = m_projectId;
    if (projectId.isEmpty())
        return;
    runInBackground(this, m_db,
                    [projectId, paths](Storage::DatabasePtr db) {
                        constexpr int kMostFilesPerFolder = 20;
                        Projects::ProjectStore store(db);
                        QList<ContextItem> items;
                        QStringList files;
                        Result<QList<Projects::ProjectFile>> all = store.files(projectId);
                        for (const QString &path : paths) {
                            if (!path.endsWith(QLatin1Char('/'))) {
                                files << path;
                                continue;
                            }
                            int taken = 0;
                            for (const Projects::ProjectFile &f : all ? *all : QList<Projects::ProjectFile>{}) {
                                if (f.path.startsWith(path) && !f.isBinary() && taken++ < kMostFilesPerFolder)
                                    files << f.path;
                            }
                        }
                        for (const QString &path : std::as_const(files)) {
                            Result<Projects::ProjectFile> file = store.file(projectId, path);
                            Result<QByteArray> content = file ? store.content(*file) : Result<QByteArray>(file.error());
                            if (content && !file->isBinary())
                                items.append({QStringLiteral("file"), path,
                                              Projects::decodeText(*content, Projects::encodingFromName(file->encoding)), false});
                        }
                        return items;
                    },
                    [this](const QList<ContextItem> &items) {
                        m_attached += items;
                        updateChips();
                        emit attachmentsChanged();
                    });
}

void ChatPanel::updateChips()
{
    while (QLayoutItem *item = m_chipsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (qsizetype i = 0; i < m_attached.size(); ++i) {
        const ContextItem &item = m_attached.at(i);
        auto *chip = new QToolButton;
        chip->setText((item.pinned ? QStringLiteral("★ ") : QString()) + item.title + QStringLiteral("  ✕"));
        chip->setToolTip(tr("Sent with the next question. Click to remove; right-click to pin it for every question."));
        chip->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(chip, &QToolButton::clicked, this, [this, i] {
            m_attached.removeAt(i);
            updateChips();
        });
        connect(chip, &QToolButton::customContextMenuRequested, this, [this, i] {
            m_attached[i].pinned = !m_attached[i].pinned;
            updateChips();
        });
        m_chipsLayout->addWidget(chip);
    }
    m_chipsLayout->addStretch(1);
    m_chips->setVisible(!m_attached.isEmpty());
}

void ChatPanel::updateButtons()
{
    if (!m_sendButton)
        return; // still being built
    const bool busy = isBusy();
    // With a provider but no model, there is nothing to send to.
    const bool needsModel = currentProfile() && m_modelBox->currentText().trimmed().isEmpty();
    m_sendButton->setEnabled(!busy && !needsModel);
    m_sendButton->setText(needsModel ? tr("Choose a model") : tr("Send"));
    m_stopButton->setEnabled(busy);
    m_stopButton->setVisible(busy);
    m_providerBox->setEnabled(!busy);
}

void ChatPanel::showError(const QString &message)
{
    m_status->setText(QStringLiteral("<span style=\"color:#c0392b\">%1</span>").arg(message.toHtmlEscaped()));
}

void ChatPanel::showHistory(bool show)
{
    m_pages->setCurrentIndex(show ? 1 : 0);
    if (show) {
        m_history->reload();
        m_history->focusSearch();
    }
}

void ChatPanel::showLatestConversation()
{
    // The conversation about this project touched last, or a new one: what
    // the panel shows belongs to the current project.
    const QString projectId = m_projectId;
    m_conversationId.clear();
    m_editingId.clear();
    m_status->clear();
    m_view->showWelcome(!m_profiles.isEmpty(), m_projectName);
    if (projectId.isEmpty())
        return;
    runInBackground(this, m_db, [projectId](Storage::DatabasePtr db) -> Result<QString> {
        ConversationFilter filter;
        filter.projectId = projectId;
        Result<QList<Conversation>> conversations = ConversationStore(db).list(filter);
        if (!conversations)
            return conversations.error();
        const Conversation *latest = nullptr;
        for (const Conversation &c : std::as_const(*conversations)) {
            if (!latest || c.updatedAt > latest->updatedAt)
                latest = &c;
        }
        return latest ? latest->id : QString();
    }, [this, projectId](const Result<QString> &latest) {
        if (projectId != m_projectId || !m_conversationId.isEmpty() || isBusy())
            return; // the user has moved on
        if (!latest)
            showError(latest.error().message);
        else if (!latest->isEmpty())
            openConversation(*latest);
    });
}

void ChatPanel::newConversation()
{
    if (isBusy())
        return;
    m_conversationId.clear();
    m_editingId.clear();
    m_view->showWelcome(!m_profiles.isEmpty(), m_projectName);
    m_status->clear();
    m_historyButton->setChecked(false);
    m_input->setFocus();
}

void ChatPanel::openConversation(const QString &conversationId, const QString &messageId)
{
    if (isBusy())
        return;
    m_conversationId = conversationId;
    m_editingId.clear();
    runInBackground(this, m_db, [conversationId](Storage::DatabasePtr db) { return ConversationStore(db).thread(conversationId); },
                    [this, conversationId, messageId](const Result<QList<Message>> &thread) {
                        if (conversationId != m_conversationId)
                            return;
                        if (!thread) {
                            showError(thread.error().message);
                            return;
                        }
                        m_view->showThread(*thread);
                        if (!messageId.isEmpty())
                            m_view->showMessage(messageId);
                        emit conversationOpened(conversationId);
                    });
}

void ChatPanel::reloadThread()
{
    if (!m_conversationId.isEmpty())
        openConversation(m_conversationId);
}

void ChatPanel::withProvider(std::function<void(ChatProvider *)> ready)
{
    const StoredProfile *profile = currentProfile();
    if (!profile) {
        showError(tr("No LLM provider is set up yet: choose “Manage providers…” to add one (Ollama, llama.cpp, OpenAI, Anthropic…)."));
        return;
    }
    StoredProfile chosen = *profile;
    if (const QString model = m_modelBox->currentText().trimmed(); !model.isEmpty()) {
        chosen.profile.defaultModel = model;
        QSettings().setValue(lastModelKey(chosen.profile.id), model);
    }
    m_providers.loadKey(chosen, this, [this, ready = std::move(ready)](Result<ProviderProfile> withKey) {
        if (!withKey) {
            showError(withKey.error().message);
            return;
        }
        delete m_provider;
        m_provider = new ChatProvider(*withKey, m_network, this);
        ready(m_provider);
    });
}

void ChatPanel::send()
{
    const QString question = m_input->toPlainText().trimmed();
    if (question.isEmpty() || isBusy())
        return;
    AskInput input;
    input.question = question;
    input.conversationId = m_conversationId;
    input.projectId = m_projectId;
    input.projectContext = input.tools = m_projectContext->isChecked();
    input.attached = m_attached;
    input.editQuestionId = std::exchange(m_editingId, QString());
    QList<ContextItem> stillAttached;
    for (const ContextItem &item : std::as_const(m_attached)) {
        if (item.pinned)
            stillAttached.append(item);
    }
    m_attached = stillAttached;
    updateChips();
    m_input->clear();
    withProvider([this, input](ChatProvider *provider) mutable {
        input.model = provider->profile().defaultModel;
        auto *job = new AskJob(m_db, m_session, provider, input, this);
        m_ask = job;
        updateButtons();
        connect(job, &AskJob::progress, this, [this](double, const QString &text) { m_status->setText(text); });
        connect(job, &AskJob::answerStarted, this, [this](const QString &conversationId, const QList<ContextItem> &, ChatTurn *turn) {
            m_conversationId = conversationId;
            m_status->clear();
            startTurn(turn);
        });
        connect(job, &AskJob::finished, job, &QObject::deleteLater);
        connect(job, &AskJob::failed, this, [this, job, question = input.question](const AskFailure &failure) {
            job->deleteLater();
            m_ask.clear(); // not busy any more, though the job is deleted only later
            updateButtons();
            if (failure.provider)
                return; // the answer's own end says so
            showError(failure.error.message);
            if (m_input->toPlainText().isEmpty())
                m_input->setPlainText(question); // asked nothing: the question is not lost
        });
        job->start();
    });
}

void ChatPanel::startTurn(ChatTurn *turn)
{
    m_turn = turn;
    m_pendingDeltas.clear();
    m_pendingRetry.reset();
    updateButtons();
    const QString conversationId = m_conversationId;
    connect(turn, &ChatTurn::started, this, [this, turn, conversationId](const QString &parentId, const QString &answerId) {
        // A new answer (the first, or the next after tool calls): what
        // arrives from now on is its text. Show the thread down to its
        // parent, then stream it below.
        m_pendingDeltas.clear();
        m_pendingRetry.reset();
        runInBackground(this, m_db,
                        [conversationId, parentId](Storage::DatabasePtr db) { return ConversationStore(db).pathTo(conversationId, parentId); },
                        [this, turn, answerId](const Result<QList<Message>> &path) {
                            if (m_turn != turn || turn->answer().id != answerId)
                                return; // finished, or moved on to another step meanwhile
                            m_view->showThread(path ? *path : QList<Message>{});
                            m_view->beginAnswer(turn->answer().model, answerId);
                            m_view->appendAnswer(std::exchange(m_pendingDeltas, QString()));
                            if (const auto retry = std::exchange(m_pendingRetry, std::nullopt))
                                m_view->showRetry(retry->attempt, retry->attempts, retry->due.remainingTime());
                        });
    });
    connect(turn, &ChatTurn::textReceived, this, [this, turn](const QString &delta) {
        if (m_view->isStreaming() && m_view->answerId() == turn->answer().id)
            m_view->appendAnswer(delta);
        else
            m_pendingDeltas += delta;
    });
    const auto ended = [this, turn](bool ok, const QString &error) {
        if (m_turn != turn)
            return;
        m_view->endAnswer();
        m_turn = nullptr;
        m_ask.clear(); // its job ends with this answer
        updateButtons();
        if (!error.isEmpty())
            showError(error);
        // The stored answer brings its usage, status and actions; its text
        // is on screen already.
        m_session->whenWritten(this, [this, ok] {
            const QString shown = m_conversationId;
            runInBackground(this, m_db, [shown](Storage::DatabasePtr db) { return ConversationStore(db).thread(shown); },
                            [this, shown, ok](const Result<QList<Message>> &thread) {
                                if (!thread)
                                    showError(thread.error().message); // the answer's card cannot be shown
                                else if (shown == m_conversationId && !m_turn)
                                    m_view->settleAnswer(*thread);
                                emit answerFinished(ok);
                            });
            m_history->reload();
        });
    };
    connect(turn, &ChatTurn::finished, this, [ended] { ended(true, QString()); });
    connect(turn, &ChatTurn::retrying, this, [this, turn](int attempt, int attempts, qint64 delayMs) {
        if (m_view->isStreaming() && m_view->answerId() == turn->answer().id)
            m_view->showRetry(attempt, attempts, delayMs);
        else
            m_pendingRetry = PendingRetry{attempt, attempts, QDeadlineTimer(delayMs)};
    });
    connect(turn, &ChatTurn::failed, this, [ended](const Message &answer, const ProviderError &error) {
        // A stored answer shows its failure itself, as a card with Retry.
        const bool saysItself = !answer.id.isEmpty() || error.kind == ProviderError::Kind::Cancelled;
        ended(false, saysItself ? QString() : answer.error);
    });
}

void ChatPanel::stop()
{
    if (m_ask)
        m_ask->cancel(); // the question being prepared, or its answer
    else if (m_turn)
        m_turn->cancel();
}

void ChatPanel::editQuestion(const Message &question)
{
    m_editingId = question.id;
    m_input->setPlainText(question.content);
    m_input->moveCursor(QTextCursor::End);
    m_input->setFocus();
    m_status->setText(tr("Editing a question: Enter sends it as a new version, Esc cancels."));
}

void ChatPanel::regenerate(const Message &answer)
{
    if (m_turn || m_conversationId.isEmpty())
        return;
    const QString conversationId = m_conversationId;
    withProvider([this, conversationId, answer](ChatProvider *provider) {
        AskOptions options;
        options.model = provider->profile().defaultModel;
        startTurn(m_session->regenerate(conversationId, answer.id, provider, options));
    });
}

void ChatPanel::flipVersion(const QString &messageId, int step)
{
    if (m_turn)
        return;
    const QString conversationId = m_conversationId;
    runInBackground(this, m_db,
                    [conversationId, messageId, step](Storage::DatabasePtr db) -> Result<void> {
                        ConversationStore store(db);
                        Result<QList<Message>> versions = store.versions(messageId);
                        if (!versions)
                            return versions.error();
                        qsizetype at = 0;
                        while (at < versions->size() && versions->at(at).id != messageId)
                            ++at;
                        const qsizetype target = qBound<qsizetype>(0, at + step, versions->size() - 1);
                        return store.switchTo(conversationId, versions->at(target).id);
                    },
                    [this](const Result<void> &r) {
                        if (!r)
                            showError(r.error().message);
                        reloadThread();
                    });
}

void ChatPanel::showContextOf(const Message &question)
{
    QString html;
    for (const QJsonValue &value : question.context) {
        const ContextItem item = ContextItem::fromJson(value.toObject());
        html += QStringLiteral("<h4>%1</h4><pre>%2</pre>").arg(item.title.toHtmlEscaped(), item.text.toHtmlEscaped());
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Context sent with this question"));
    dialog.resize(720, 560);
    auto *browser = new QTextBrowser;
    browser->setHtml(html);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    dialog.exec();
}

void ChatPanel::exportConversation(const QString &fileName)
{
    const QString id = m_conversationId;
    runInBackground(this, m_db,
                    [id, fileName](Storage::DatabasePtr db) {
                        return ConversationExport::exportToFile(ConversationStore(db), id, ConversationExport::formatForFile(fileName), fileName);
                    },
                    [this, fileName](const Result<void> &r) {
                        if (!r)
                            showError(r.error().message);
                        else
                            m_status->setText(tr("Exported to %1.").arg(fileName));
                    });
}

} // namespace Realm::Ui
