// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/providererror.h"
#include "common/cancellation.h"
#include "common/error.h"
#include "docs/docsources.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <optional>

namespace Realm::Chat {
class ChatProvider;
class ChatStream;
} // namespace Realm::Chat

namespace Realm::Docs {

// What a model wrote about a project, bottom up.
struct Summaries {
    QString model;
    QHash<QString, QString> files;   // path -> summary
    QHash<QString, QString> modules; // module path -> summary
    QString overview;
    QString answer;                  // the custom prompt's answer
    qint64 writtenAt = 0;            // when the newest of these was written
    qint64 written = 0;              // requests made this time
    qint64 reused = 0;               // texts the workspace already had
};

// Writes the LLM parts of the overview and custom documents through a chat
// provider: a summary per source file, one per module from those, the
// project overview from the modules, and (custom) the answer to a prompt
// about it. Every text is cached by the SHA-256 of what went into its
// request, so a re-run pays only for files that changed and what depends on
// them. Asynchronous on the provider's thread; one request at a time (local
// models serve one anyway).
class SummaryWriter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryWriter)
public:
    SummaryWriter(Storage::DatabasePtr db, Chat::ChatProvider *provider, QString model, QObject *parent = nullptr);
    ~SummaryWriter() override;

    // `customPrompt` empty: stop after the overview. finished() follows once.
    void start(const DocInputs &inputs, const QString &customPrompt = {});
    void cancel();
    // Also stops between requests (and before the first) once `token` is
    // cancelled: for a caller on another thread, whose cancel() call would
    // arrive queued.
    void setCancellationToken(const CancellationToken *token) { m_cancel = token; }

    // After a failure through the provider: what it said.
    const std::optional<Chat::ProviderError> &providerError() const { return m_providerError; }

signals:
    void progress(qint64 done, qint64 total, const QString &what);
    void finished(const Realm::Result<Realm::Docs::Summaries> &result);

private:
    struct Step {
        enum class Kind { File, Module, Overview, Custom } kind;
        QString subject; // a path, a module, the project
    };
    void next();
    bool runStep(const Step &step); // false: waiting for the model
    Result<QString> promptFor(const Step &step) const;
    void store(const Step &step, const QString &text);
    void ask(const Step &step, const QString &prompt, const QByteArray &key);
    void fail(const Error &error);

    Storage::DatabasePtr m_db;
    Chat::ChatProvider *m_provider;
    QString m_model;
    DocInputs m_inputs;
    QString m_customPrompt;
    QList<Step> m_steps;
    qsizetype m_at = 0;
    Summaries m_summaries;
    QPointer<Chat::ChatStream> m_stream;
    std::optional<Chat::ProviderError> m_providerError;
    bool m_running = false;
    const CancellationToken *m_cancel = nullptr;
};

} // namespace Realm::Docs
