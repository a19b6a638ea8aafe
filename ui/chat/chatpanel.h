// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/askjob.h"
#include "chat/chatsession.h"
#include "chat/providerstore.h"
#include "prompts/prompttemplate.h"
#include "jobs/background.h"
#include "storage/database.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace Realm::Ui {

class ChatHistory;
class ChatInput;
class ChatView;
class PromptPicker;

// The chat about the current project, in the window's right-hand dock:
// a provider/model picker, the conversation (streaming answers, versions,
// what context went with each question), the question box with context
// chips, and a searchable list of conversations. Everything that touches
// the workspace or the network runs off the UI thread.
class ChatPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatPanel)
public:
    ChatPanel(Storage::DatabasePtr db, SecretStore *keychain, QWidget *parent = nullptr);
    ~ChatPanel() override;

    // New conversations are about this project.
    void setProject(const QString &projectId, const QString &projectName);
    // The project's conversations changed elsewhere (a teammate's, through
    // sync): the open one and the history are read again, unless an answer
    // is on its way (then they stay until the next change).
    void reloadFromWorkspace();
    void attach(const Chat::ContextItem &item);
    // Attaches files of the current project (folders: their text files, up
    // to a limit), read in the background.
    void attachProjectPaths(const QStringList &paths);
    void openConversation(const QString &conversationId, const QString &messageId = {});
    void newConversation();
    void reloadProviders();
    void showProviderSettings();
    void exportConversation(const QString &fileName);
    // Fills the question box with a prompt template (explain, find-bugs, …)
    // and `values`, to read and edit before sending.
    void usePrompt(const QString &name, const Prompts::PromptValues &values);
    // What the "/" picker fills templates with (the editor's selection or file).
    void setPromptValuesSource(std::function<Prompts::PromptValues()> source);
    PromptPicker *promptPicker() const { return m_picker; }

    QString conversationId() const { return m_conversationId; }
    bool isBusy() const { return m_turn != nullptr || m_ask != nullptr; }
    ChatView *view() const { return m_view; }
    ChatInput *input() const { return m_input; }
    QComboBox *providerBox() const { return m_providerBox; }
    Chat::ProviderStore &providerStore() { return m_providers; }
    // Sends what is typed (Enter).
    void send();
    void stop();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

signals:
    void attachmentsChanged();
    void conversationOpened(const QString &conversationId);
    void answerFinished(bool ok);
    void historyLoaded();
    void copied(const QString &text);

private:
    void buildUi();
    void showHistory(bool show);
    void reloadThread();
    void showLatestConversation();
    void startTurn(Chat::ChatTurn *turn);
    void updateChips();
    void updateButtons();
    void showError(const QString &message);
    void showModelsOfCurrentProvider();
    void editQuestion(const Chat::Message &question);
    void regenerate(const Chat::Message &answer);
    void flipVersion(const QString &messageId, int step);
    void showContextOf(const Chat::Message &question);
    // Loads the chosen profile's key, then runs `ready` with a provider.
    void withProvider(std::function<void(Chat::ChatProvider *)> ready);
    const Chat::StoredProfile *currentProfile() const;
    void reloadPrompts();
    void fillQuestion(const QString &prompt);

    Storage::DatabasePtr m_db;
    QNetworkAccessManager *m_network;
    std::unique_ptr<SecretStore> m_sessionKeys;
    Chat::ProviderStore m_providers;
    Chat::ChatSession *m_session;
    QList<Chat::StoredProfile> m_profiles;
    QPointer<Chat::ChatProvider> m_provider;
    QPointer<Chat::ChatTurn> m_turn;
    QPointer<Chat::AskJob> m_ask; // from send until the answer ends
    LatestOnly m_providerReloads;
    LatestOnly m_promptReloads;
    QList<Prompts::PromptTemplate> m_prompts;
    std::function<Prompts::PromptValues()> m_promptValues;
    QString m_conversationId;
    QString m_projectId;
    QString m_projectName;
    QString m_editingId;
    QString m_pendingDeltas;
    // A retry announced before the answer was on show.
    struct PendingRetry {
        int attempt = 0;
        int attempts = 0;
        QDeadlineTimer due;
    };
    std::optional<PendingRetry> m_pendingRetry;
    QList<Chat::ContextItem> m_attached;

    QComboBox *m_providerBox;
    QComboBox *m_modelBox;
    QToolButton *m_historyButton;
    QStackedWidget *m_pages;
    ChatHistory *m_history;
    ChatView *m_view;
    QLabel *m_status;
    QWidget *m_chips;
    QHBoxLayout *m_chipsLayout;
    QCheckBox *m_projectContext;
    ChatInput *m_input;
    PromptPicker *m_picker;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_stopButton = nullptr;
};

} // namespace Realm::Ui
