// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chatsession.h"
#include "common/cancellation.h"
#include "common/error.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <optional>

namespace Realm::Chat {

// What a question is, whoever asks it: the CLI's `chat` or the desktop's
// chat panel. Both fill this in and run an AskJob, so the same question gets
// the same context, tools and errors from both.
struct AskInput {
    QString question;
    QString conversationId;     // empty: a new conversation
    QString projectId;          // empty: the conversation's project, if any
    bool projectContext = true; // send the project's code the question is about
    bool tools = true;          // let the model search and read the project (if the provider allows tools)
    QList<ContextItem> attached; // what the user picked: a selection, dropped files
    QStringList files;           // project files to send by path (text only)
    QString model;               // empty: the conversation's, else the provider's
    QString systemPrompt;        // empty: REALM's
    QString editQuestionId;      // set: ask this earlier question again with the new text
};

// Why a question got no (complete) answer. `provider` is set when the
// provider failed or the answer was stopped; `answer` then holds what
// arrived and is kept in the conversation.
struct AskFailure {
    Error error;
    std::optional<ProviderError> provider;
    Message answer;
};

// Asks one question about code and keeps it: creates the conversation when
// needed, reads the files named with --file or @path, finds the code the
// question is about (indexing the project the first time, with progress),
// then streams the answer through a ChatSession turn, tools included.
// The preparation runs on a worker thread; the caller's thread never waits.
// Ends with exactly one of finished() or failed().
class AskJob final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AskJob)
public:
    AskJob(Storage::DatabasePtr db, ChatSession *session, ChatProvider *provider, AskInput input, QObject *parent = nullptr);
    ~AskJob() override; // stops the preparation (briefly waits for it)

    void start();
    // Stops the job: before the answer starts nothing is sent; after, the
    // answer stops and what arrived is kept.
    void cancel();

    QString conversationId() const { return m_conversationId; }
    const QList<ContextItem> &context() const { return m_context; }
    ChatTurn *turn() const { return m_turn; }

signals:
    // Preparation: `fraction` in 0–1, or -1 when unknown.
    void progress(double fraction, const QString &text);
    // The context is chosen and the question goes out now; connect to the
    // turn's signals for the streaming answer.
    void answerStarted(const QString &conversationId, const QList<Realm::Chat::ContextItem> &context, Realm::Chat::ChatTurn *turn);
    void finished(const Realm::Chat::Message &answer);
    void failed(const Realm::Chat::AskFailure &failure);

private:
    struct Prepared {
        QString conversationId;
        QString projectId;
        QList<ContextItem> context;
    };
    static Result<Prepared> prepare(const Storage::DatabasePtr &db, const AskInput &input, const ProviderProfile &profile,
                                    const CancellationToken *cancel, const std::function<void(qint64, qint64)> &indexProgress);
    void ask(const Prepared &prepared);
    void fail(AskFailure failure);

    Storage::DatabasePtr m_db;
    QPointer<ChatSession> m_session;
    QPointer<ChatProvider> m_provider;
    AskInput m_input;
    CancellationToken m_cancel;
    QFutureWatcher<Result<Prepared>> m_preparation;
    QString m_conversationId;
    QList<ContextItem> m_context;
    QPointer<ChatTurn> m_turn;
    bool m_ended = false;
};

} // namespace Realm::Chat

Q_DECLARE_METATYPE(Realm::Chat::AskFailure)
