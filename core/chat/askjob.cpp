// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/askjob.h"

#include "chat/contextbuilder.h"
#include "chat/conversationstore.h"
#include "common/jobfuture.h"
#include "projects/projectstore.h"
#include "projects/textcontent.h"

#include <QCoreApplication>
#include <QtConcurrent>

namespace Realm::Chat {

// Whoever composes futures runs it through startAsFuture().
static_assert(JobShaped<AskJob>);

AskJob::AskJob(Storage::DatabasePtr db, ChatSession *session, ChatProvider *provider, AskInput input, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_session(session), m_provider(provider), m_input(std::move(input))
{
    connect(&m_preparation, &QFutureWatcherBase::finished, this, [this] {
        Result<Prepared> prepared = m_preparation.result();
        if (!prepared) {
            fail({prepared.error(), std::nullopt, {}});
            return;
        }
        ask(*prepared);
    });
}

AskJob::~AskJob()
{
    // The worker reads only what it was given and reports through queued
    // calls to this object; cancelled, it stops at its next check.
    m_cancel.cancel();
    m_preparation.waitForFinished();
}

void AskJob::start()
{
    if (!m_provider || !m_session) {
        fail({Error{Error::Code::Failed, tr("No provider to ask.")}, std::nullopt, {}});
        return;
    }
    emit progress(-1, tr("Finding context…"));
    const auto indexProgress = [this](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(this, [this, done, total] {
            emit progress(total > 0 ? double(done) / double(total) : -1,
                          tr("Indexing the project for chat: %1 of %2 files…").arg(done).arg(total));
        }, Qt::QueuedConnection);
    };
    m_preparation.setFuture(QtConcurrent::run([db = m_db, input = m_input, profile = m_provider->profile(), cancel = &m_cancel, indexProgress] {
        Storage::ThreadConnectionScope connection(db);
        return prepare(db, input, profile, cancel, indexProgress);
    }));
}

void AskJob::cancel()
{
    m_cancel.cancel();
    if (m_turn)
        m_turn->cancel();
}

Result<AskJob::Prepared> AskJob::prepare(const Storage::DatabasePtr &db, const AskInput &input, const ProviderProfile &profile,
                                         const CancellationToken *cancel, const std::function<void(qint64, qint64)> &indexProgress)
{
    Prepared p;
    p.projectId = input.projectId;
    ConversationStore conversations(db);
    // The model the question goes to: the one asked for, else the
    // conversation's own (same provider), else the provider's default.
    // None at all is refused here, before anything is stored.
    const bool modelGiven = !input.model.trimmed().isEmpty() || !profile.defaultModel.trimmed().isEmpty();
    if (input.conversationId.isEmpty()) {
        if (!modelGiven)
            return ChatSession::noModelError();
        Result<Conversation> created = conversations.create({}, p.projectId, profile.id, input.model);
        if (!created)
            return created.error();
        p.conversationId = created->id;
    } else {
        Result<Conversation> existing = conversations.find(input.conversationId);
        if (!existing)
            return existing.error();
        p.conversationId = existing->id;
        if (!modelGiven && (existing->model.trimmed().isEmpty() || existing->providerId != profile.id))
            return ChatSession::noModelError();
        if (p.projectId.isEmpty())
            p.projectId = existing->projectId;
    }

    p.context = input.attached;
    Projects::ProjectStore projects(db);
    for (const QString &path : input.files) {
        Result<Projects::ProjectFile> file = projects.file(p.projectId, path);
        Result<QByteArray> content = file ? projects.content(*file) : Result<QByteArray>(file.error());
        if (!content)
            return content.error();
        if (file->isBinary())
            return Error::invalidInput(QCoreApplication::translate("Realm::Chat", "%1 is a binary file; only text can be sent as context.").arg(path));
        p.context.append({QStringLiteral("file"), path, Projects::decodeText(*content, Projects::encodingFromName(file->encoding)), false});
    }
    p.context += ContextBuilder::mentionedFiles(db, p.projectId, input.question);
    // A question about a project gets the code it is about, automatically.
    if (!p.projectId.isEmpty() && input.projectContext) {
        ContextBuilder::Options options;
        if (profile.contextWindowTokens > 0)
            options.contextWindowTokens = profile.contextWindowTokens;
        options.alreadyAttached = p.context;
        Result<ContextBuilder::Outcome> built = ContextBuilder(db).build(p.projectId, input.question, options, cancel, indexProgress);
        if (!built)
            return Error{built.error().code, QCoreApplication::translate("Realm::Chat", "Cannot find the code for this question: %1").arg(built.error().message)};
        p.context += built->items;
    }
    if (cancel->isCancelled())
        return Error::cancelled();
    return p;
}

void AskJob::ask(const Prepared &prepared)
{
    if (!m_provider || !m_session) {
        fail({Error::cancelled(), std::nullopt, {}});
        return;
    }
    m_conversationId = prepared.conversationId;
    m_context = prepared.context;
    AskOptions options;
    options.context = prepared.context;
    options.model = m_input.model;
    options.systemPrompt = m_input.systemPrompt;
    if (!prepared.projectId.isEmpty() && m_input.tools && m_provider->profile().toolsEnabled)
        options.toolsProjectId = prepared.projectId;
    m_turn = m_input.editQuestionId.isEmpty()
                 ? m_session->ask(prepared.conversationId, m_input.question, m_provider, options)
                 : m_session->editAndResend(prepared.conversationId, m_input.editQuestionId, m_input.question, m_provider, options);
    connect(m_turn, &ChatTurn::finished, this, [this](const Message &answer) {
        if (!std::exchange(m_ended, true))
            emit finished(answer);
    });
    connect(m_turn, &ChatTurn::failed, this, [this](const Message &answer, const ProviderError &error) {
        fail({Error{error.kind == ProviderError::Kind::Cancelled ? Error::Code::Cancelled : Error::Code::Failed, error.message}, error, answer});
    });
    emit answerStarted(m_conversationId, m_context, m_turn);
}

void AskJob::fail(AskFailure failure)
{
    if (!std::exchange(m_ended, true))
        emit failed(failure);
}

} // namespace Realm::Chat
