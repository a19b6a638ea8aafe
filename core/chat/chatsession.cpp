// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chatsession.h"

#include "chat/conversationstore.h"
#include "chat/projecttools.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QJsonObject>
#include <QtConcurrent>

namespace Realm::Chat {

namespace {
Q_LOGGING_CATEGORY(lcChat, "realm.chat", QtInfoMsg)
}

namespace {
constexpr int kSaveIntervalMs = 500;

const char kDefaultSystemPrompt[] =
    "You are the assistant in REALM, a workbench for software developers. Answer precisely and briefly. "
    "Use Markdown; put code in fenced blocks with the language named. When context from the user's project "
    "is given, ground the answer in it and name the files you rely on; say so when it does not contain the answer.";

// A question as the model sees it: the context first, then the question.
QString withContext(const Message &question)
{
    if (question.context.isEmpty())
        return question.content;
    QString text = QStringLiteral("Context from the project:\n");
    for (const QJsonValue &value : question.context) {
        const ContextItem item = ContextItem::fromJson(value.toObject());
        text += QStringLiteral("\n### %1\n\n%2\n").arg(item.title, item.text);
    }
    return text + QStringLiteral("\n---\n\n") + question.content;
}

ChatRequest requestFor(const QList<Message> &path, const AskOptions &options, const QString &model)
{
    ChatRequest request;
    request.model = model;
    request.messages.append({ChatMessage::Role::System,
                             options.systemPrompt.isEmpty() ? QString::fromUtf8(kDefaultSystemPrompt) : options.systemPrompt,
                             {}, {}, {}});
    for (const Message &m : path) {
        switch (m.role) {
        case ChatMessage::Role::User:
            request.messages.append({m.role, withContext(m), {}, {}, {}});
            break;
        case ChatMessage::Role::Assistant:
            if (!m.content.isEmpty() || !m.toolCalls.isEmpty())
                request.messages.append({m.role, m.content, m.toolCalls, {}, {}});
            break;
        case ChatMessage::Role::Tool:
            request.messages.append({m.role, m.content, {}, m.toolCallId, {}});
            break;
        case ChatMessage::Role::System:
            break; // the system prompt is the session's
        }
    }
    return request;
}

// What the writer thread prepared for a turn.
struct Prepared {
    Error error;
    bool ok = false;
    QString questionId;
    Message answer;
    ChatRequest request;
    QList<QPair<ToolCall, QString>> toolResults; // a continuation after tool calls
};

// On the writer thread: the streaming answer row under `parentId` and the
// request that will fill it.
Prepared prepareAnswer(ConversationStore &store, const QString &conversationId, const QString &parentId, const QString &providerId,
                       const QString &model, const AskOptions &options, bool offerTools)
{
    Prepared p;
    Result<QList<Message>> path = store.pathTo(conversationId, parentId);
    if (!path) {
        p.error = path.error();
        return p;
    }
    Message answer;
    answer.conversationId = conversationId;
    answer.parentId = parentId;
    answer.role = ChatMessage::Role::Assistant;
    answer.status = Message::Status::Streaming;
    answer.providerId = providerId;
    answer.model = model;
    Result<Message> stored = store.append(answer);
    if (!stored) {
        p.error = stored.error();
        return p;
    }
    p.ok = true;
    p.answer = *stored;
    p.request = requestFor(*path, options, model);
    if (offerTools)
        p.request.tools = ProjectTools::specs();
    return p;
}
} // namespace

QJsonObject ContextItem::toJson() const
{
    return {{QStringLiteral("kind"), kind}, {QStringLiteral("title"), title}, {QStringLiteral("text"), text},
            {QStringLiteral("pinned"), pinned}};
}

ContextItem ContextItem::fromJson(const QJsonObject &json)
{
    return {json.value(QStringLiteral("kind")).toString(), json.value(QStringLiteral("title")).toString(),
            json.value(QStringLiteral("text")).toString(), json.value(QStringLiteral("pinned")).toBool()};
}

ChatSession::ChatSession(Storage::DatabasePtr db, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
{
    m_writer.setMaxThreadCount(1); // one writer: writes land in the order they were made
    m_writer.setExpiryTimeout(-1);
}

ChatSession::~ChatSession()
{
    // The writer's connection is closed on its own thread, after the last write.
    Storage::DatabasePtr db = m_db;
    m_writer.start([db] { db->closeThreadConnection(); });
    flush();
}

void ChatSession::flush()
{
    m_writer.waitForDone();
}

void ChatSession::whenWritten(QObject *context, std::function<void()> done)
{
    QPointer<QObject> guard(context);
    m_writer.start([guard, done = std::move(done)] {
        if (guard)
            QMetaObject::invokeMethod(guard, done, Qt::QueuedConnection);
    });
}

void ChatSession::enqueueWrite(std::function<void(Storage::DatabasePtr)> write)
{
    Storage::DatabasePtr db = m_db;
    m_writer.start([db, write = std::move(write)] { write(db); });
}

QString ChatSession::titleFor(const QString &question)
{
    QString line = question.trimmed().section(QLatin1Char('\n'), 0, 0).simplified();
    constexpr int kLongest = 60;
    if (line.size() > kLongest) {
        const qsizetype cut = line.lastIndexOf(QLatin1Char(' '), kLongest);
        line = line.left(cut > 20 ? cut : kLongest) + QStringLiteral("…");
    }
    return line.isEmpty() ? QCoreApplication::translate("Realm::Chat", "New conversation") : line;
}

ChatTurn *ChatSession::ask(const QString &conversationId, const QString &text, ChatProvider *provider, const AskOptions &options)
{
    return start(conversationId, QString(), text, true, provider, options);
}

ChatTurn *ChatSession::regenerate(const QString &conversationId, const QString &answerId, ChatProvider *provider,
                                  const AskOptions &options)
{
    // The parent is looked up on the writer thread: "@answer" marks it.
    return start(conversationId, QStringLiteral("@") + answerId, QString(), false, provider, options);
}

ChatTurn *ChatSession::editAndResend(const QString &conversationId, const QString &questionId, const QString &text,
                                     ChatProvider *provider, const AskOptions &options)
{
    return start(conversationId, QStringLiteral("^") + questionId, text, true, provider, options);
}

Error ChatSession::noModelError()
{
    return Error::invalidInput(tr("No model is chosen: pick one of the provider's models, or set the provider's default model "
                                  "(Test Connection lists them; the CLI takes --model)."));
}

ChatTurn *ChatSession::start(const QString &conversationId, const QString &anchor, const QString &question, bool newQuestion,
                             ChatProvider *provider, const AskOptions &options)
{
    auto *turn = new ChatTurn(this, provider);
    turn->m_provider = provider;
    turn->m_options = options;
    const QString providerId = provider->profile().id;
    const QString providerModel = provider->profile().defaultModel;
    auto *watcher = new QFutureWatcher<Prepared>(turn);
    connect(watcher, &QFutureWatcherBase::finished, turn, [turn, watcher, provider] {
        Prepared prepared = watcher->result();
        watcher->deleteLater();
        if (!prepared.ok) {
            turn->m_answer.status = Message::Status::Failed;
            turn->m_answer.error = prepared.error.message;
            turn->m_ended = true;
            emit turn->failed(turn->m_answer, ProviderError{ProviderError::Kind::BadRequest, prepared.error.message, {}});
            return;
        }
        turn->m_questionId = prepared.questionId;
        turn->m_answer = prepared.answer;
        emit turn->started(prepared.questionId, prepared.answer.id);
        turn->begin(provider, std::move(prepared.request));
    });
    Storage::DatabasePtr db = m_db;
    watcher->setFuture(QtConcurrent::run(&m_writer, [db, conversationId, anchor, question, newQuestion, options, providerId,
                                                     providerModel]() -> Prepared {
        Prepared p;
        const auto fail = [&p](const Error &e) {
            p.error = e;
            return p;
        };
        ConversationStore store(db);
        Result<Conversation> conversation = store.find(conversationId);
        if (!conversation)
            return fail(conversation.error());
        // Where the new question (or answer) goes.
        QString parentId = conversation->currentMessageId;
        if (anchor.startsWith(QLatin1Char('@')) || anchor.startsWith(QLatin1Char('^'))) {
            Result<Message> anchorMessage = store.message(anchor.mid(1));
            if (!anchorMessage)
                return fail(anchorMessage.error());
            parentId = anchorMessage->parentId;
        }
        const QString model = !options.model.isEmpty() ? options.model
                              : (!conversation->model.isEmpty() && conversation->providerId == providerId) ? conversation->model
                                                                                                           : providerModel;
        if (model.trimmed().isEmpty())
            return fail(ChatSession::noModelError()); // a provider would refuse it, or pick a model of its own
        if (conversation->providerId != providerId || conversation->model != model) {
            if (Result<void> r = store.setModel(conversationId, providerId, model); !r)
                return fail(r.error());
        }
        QString questionId = parentId;
        if (newQuestion) {
            Message q;
            q.conversationId = conversationId;
            q.parentId = parentId;
            q.role = ChatMessage::Role::User;
            q.content = question;
            for (const ContextItem &item : options.context)
                q.context.append(item.toJson());
            Result<Message> stored = store.append(q);
            if (!stored)
                return fail(stored.error());
            questionId = stored->id;
            if (conversation->title.isEmpty()) {
                if (Result<void> r = store.rename(conversationId, ChatSession::titleFor(question)); !r)
                    return fail(r.error());
            }
        }
        Prepared prepared = prepareAnswer(store, conversationId, questionId, providerId, model, options, !options.toolsProjectId.isEmpty());
        prepared.questionId = questionId;
        return prepared;
    }));
    return turn;
}

ChatTurn::ChatTurn(ChatSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_saveTimer.setInterval(kSaveIntervalMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &ChatTurn::saveProgress);
}

void ChatTurn::begin(ChatProvider *provider, ChatRequest request)
{
    if (m_cancelRequested) {
        end(ProviderError{ProviderError::Kind::Cancelled, QCoreApplication::translate("Realm::Chat", "Stopped by the user."), {}});
        return;
    }
    m_stream = provider->chat(std::move(request), this);
    connect(m_stream, &ChatStream::textReceived, this, [this](const QString &delta) {
        m_answer.content += delta;
        emit textReceived(delta);
    });
    connect(m_stream, &ChatStream::reasoningReceived, this, [this](const QString &delta) {
        m_answer.reasoning += delta;
        emit reasoningReceived(delta);
    });
    connect(m_stream, &ChatStream::retrying, this, [this, attempts = provider->profile().maxRetries + 1](int attempt, qint64 delayMs) {
        emit retrying(attempt, attempts, delayMs);
    });
    connect(m_stream, &ChatStream::finished, this, [this] { end(std::nullopt); });
    connect(m_stream, &ChatStream::failed, this, [this](const ProviderError &error) { end(error); });
    m_saveTimer.start();
}

void ChatTurn::continueWithTools(const QList<ToolCall> &calls)
{
    ++m_toolRounds;
    const bool offerTools = m_toolRounds < m_options.maxToolRounds; // the last round must answer
    const QString conversationId = m_answer.conversationId;
    const QString stepId = m_answer.id;
    const QString providerId = m_answer.providerId;
    const QString model = m_answer.model;
    const AskOptions options = m_options;
    auto *watcher = new QFutureWatcher<Prepared>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        Prepared prepared = watcher->result();
        watcher->deleteLater();
        for (const auto &[call, result] : std::as_const(prepared.toolResults))
            emit toolCalled(call, result);
        if (!prepared.ok || !m_provider || m_cancelRequested) {
            end(ProviderError{m_cancelRequested ? ProviderError::Kind::Cancelled : ProviderError::Kind::BadRequest,
                              m_cancelRequested ? QCoreApplication::translate("Realm::Chat", "Stopped by the user.") : prepared.error.message, {}});
            return;
        }
        m_answer = prepared.answer;
        emit started(prepared.answer.parentId, prepared.answer.id);
        begin(m_provider, std::move(prepared.request));
    });
    Storage::DatabasePtr db = m_session->m_db;
    watcher->setFuture(QtConcurrent::run(&m_session->m_writer, [db, calls, conversationId, stepId, providerId, model, options,
                                                                 offerTools]() -> Prepared {
        ConversationStore store(db);
        QString parentId = stepId;
        QList<QPair<ToolCall, QString>> results;
        for (const ToolCall &call : calls) {
            const QString result = ProjectTools::run(db, options.toolsProjectId, call);
            Message toolMessage;
            toolMessage.conversationId = conversationId;
            toolMessage.parentId = parentId;
            toolMessage.role = ChatMessage::Role::Tool;
            toolMessage.content = result;
            toolMessage.toolCallId = call.id;
            Result<Message> stored = store.append(toolMessage);
            if (!stored) {
                Prepared failed;
                failed.error = stored.error();
                return failed;
            }
            parentId = stored->id;
            results.append({call, result});
        }
        Prepared prepared = prepareAnswer(store, conversationId, parentId, providerId, model, options, offerTools);
        prepared.toolResults = results;
        return prepared;
    }));
}

void ChatTurn::saveProgress()
{
    const QString id = m_answer.id;
    const QString content = m_answer.content;
    const QString reasoning = m_answer.reasoning;
    m_session->enqueueWrite([id, content, reasoning](Storage::DatabasePtr db) {
        if (Result<void> r = ConversationStore(db).updateStreaming(id, content, reasoning); !r)
            qCWarning(lcChat, "%s", qUtf8Printable(r.error().message));
    });
}

void ChatTurn::cancel()
{
    m_cancelRequested = true;
    if (m_stream)
        m_stream->cancel(); // ends the turn through failed()
}

void ChatTurn::end(const std::optional<ProviderError> &error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_saveTimer.stop();
    if (m_stream) {
        m_answer.content = m_stream->text(); // the stream's copy is the whole of it
        m_answer.reasoning = m_stream->reasoning();
        m_answer.toolCalls = m_stream->toolCalls();
        m_answer.usage = m_stream->usage();
    }
    if (!error && !m_answer.toolCalls.isEmpty() && !m_options.toolsProjectId.isEmpty() && m_toolRounds < m_options.maxToolRounds
        && m_provider) {
        // The model wants to look things up first: keep this step, answer
        // its calls, and ask again.
        m_answer.status = Message::Status::Complete;
        const Message step = m_answer;
        m_session->enqueueWrite([step](Storage::DatabasePtr db) {
            if (Result<void> r = ConversationStore(db).finish(step); !r)
                qCWarning(lcChat, "%s", qUtf8Printable(r.error().message));
        });
        m_ended = false;
        continueWithTools(step.toolCalls);
        return;
    }
    if (!error)
        m_answer.status = Message::Status::Complete;
    else if (error->kind == ProviderError::Kind::Cancelled)
        m_answer.status = Message::Status::Cancelled;
    else
        m_answer.status = Message::Status::Failed;
    m_answer.error = error ? describeProviderError(*error) : QString();
    const Message final = m_answer;
    m_session->enqueueWrite([final](Storage::DatabasePtr db) {
        if (Result<void> r = ConversationStore(db).finish(final); !r)
            qCWarning(lcChat, "%s", qUtf8Printable(r.error().message));
    });
    if (error)
        emit failed(m_answer, *error);
    else
        emit finished(m_answer);
}

} // namespace Realm::Chat
