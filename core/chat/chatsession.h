// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chatprovider.h"
#include "chat/conversation.h"
#include "storage/database.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

namespace Realm::Chat {

// A piece of context sent with a question: a file, a selection, a search
// result, the repo map. Stored with the question so the user can see exactly
// what the model was given.
struct ContextItem {
    QString kind;   // file | selection | search | repomap | note
    QString title;  // what the user sees: "src/main.cpp", "Search: parseArgs"
    QString text;
    bool pinned = false; // stays for the following questions

    QJsonObject toJson() const;
    static ContextItem fromJson(const QJsonObject &json);
};

struct AskOptions {
    QString systemPrompt;
    QList<ContextItem> context;
    QString model; // empty: the conversation's, else the provider's default
    // Offer the project tools (search_project, read_file, list_files) on
    // this project; the model may call them up to maxToolRounds times
    // before it must answer.
    QString toolsProjectId;
    int maxToolRounds = 6;
};

class ChatTurn;

// Runs questions against a provider and keeps the conversation in the
// workspace as it goes: the question at once, the answer while it streams
// (every half second) and when it ends — complete, failed or cancelled with
// what arrived. All writes happen on one worker thread, in order; the
// calling (UI) thread never waits on the disk.
class ChatSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatSession)
public:
    explicit ChatSession(Storage::DatabasePtr db, QObject *parent = nullptr);
    ~ChatSession() override;

    // A new question after the conversation's current message.
    ChatTurn *ask(const QString &conversationId, const QString &text, ChatProvider *provider, const AskOptions &options = {});
    // Another answer to the question `answerId` answered; the old one stays
    // as a version.
    ChatTurn *regenerate(const QString &conversationId, const QString &answerId, ChatProvider *provider,
                         const AskOptions &options = {});
    // `questionId` asked again with new text, as a new version of it.
    ChatTurn *editAndResend(const QString &conversationId, const QString &questionId, const QString &text, ChatProvider *provider,
                            const AskOptions &options = {});

    // A title from the first question: its first line, cut at a word.
    static QString titleFor(const QString &question);
    // What asking without any model gives: nothing is sent or stored.
    static Error noModelError();
    // Waits for the pending writes (tests, the CLI, and before exiting).
    void flush();
    // Runs `done` on `context`'s thread once every write made so far is in
    // the workspace; does not block.
    void whenWritten(QObject *context, std::function<void()> done);

private:
    friend class ChatTurn;
    ChatTurn *start(const QString &conversationId, const QString &parentId, const QString &question, bool newQuestion,
                    ChatProvider *provider, const AskOptions &options);
    // Runs `write` on the writer thread, after every earlier one.
    void enqueueWrite(std::function<void(Storage::DatabasePtr)> write);

    Storage::DatabasePtr m_db;
    QThreadPool m_writer;
};

// One question and its streaming answer. Emits the deltas, then exactly one
// of finished() or failed(); the stored answer follows the same path.
class ChatTurn final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatTurn)
public:
    void cancel();
    QString answerId() const { return m_answer.id; }
    QString questionId() const { return m_questionId; }
    const Message &answer() const { return m_answer; }

signals:
    // An answer starts under `parentId`: the question, or — after tool
    // calls — the last tool result.
    void started(const QString &parentId, const QString &answerId);
    // The model called a tool; `result` is what it got back.
    void toolCalled(const Realm::Chat::ToolCall &call, const QString &result);
    void textReceived(const QString &delta);
    void reasoningReceived(const QString &delta);
    // The request failed before any answer arrived and goes out again
    // after `delayMs`: attempt `attempt` of `attempts`.
    void retrying(int attempt, int attempts, qint64 delayMs);
    void finished(const Realm::Chat::Message &answer);
    void failed(const Realm::Chat::Message &answer, const Realm::Chat::ProviderError &error);

private:
    friend class ChatSession;
    ChatTurn(ChatSession *session, QObject *parent);
    void begin(ChatProvider *provider, ChatRequest request);
    void saveProgress();
    void end(const std::optional<ProviderError> &error);
    // Runs the tools the answer asked for, stores their results, and asks
    // again.
    void continueWithTools(const QList<ToolCall> &calls);

    ChatSession *m_session;
    QPointer<ChatProvider> m_provider;
    AskOptions m_options;
    int m_toolRounds = 0;
    QString m_questionId;
    Message m_answer;
    QPointer<ChatStream> m_stream;
    QTimer m_saveTimer;
    bool m_cancelRequested = false;
    bool m_ended = false;
};

} // namespace Realm::Chat
