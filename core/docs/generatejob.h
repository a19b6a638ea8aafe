// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/providererror.h"
#include "chat/providerprofile.h"
#include "common/cancellation.h"
#include "common/error.h"
#include "docs/docgenerator.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QThread;

namespace Realm::Docs {

class SummaryWriter;

// What to document, whoever asks: the CLI's `docs generate` or the
// desktop's Docs panel.
struct GenerateInput {
    QString projectId; // a project of the workspace, or…
    QString folder;    // …a folder, archive or Git repository read directly
    DocSpec spec;
    // The LLM kinds: who writes (its key loaded). Not needed for the API reference.
    std::optional<Chat::ProviderProfile> provider;
};

struct GeneratedDocument {
    DocVersion version; // kept in the workspace, except a folder's API reference
    bool unchanged = false; // the newest version had the same inputs: reused, nothing redone
};

// Why no document came out. `provider` is set when the model's provider
// failed. The message says what was kept (summaries written so far are).
struct GenerateFailure {
    Error error;
    std::optional<Chat::ProviderError> provider;
};

// Generates one document: reads the project's sources and symbols, reuses
// the newest version when nothing changed, has a model write the summaries
// (overview and custom), renders and keeps the version. A folder's API
// reference is made without a workspace; its other kinds go through a
// throw-away one. Everything runs on the job's own thread, the model's
// requests included; the caller's thread never waits.
// Ends with exactly one of finished() or failed().
class GenerateJob final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GenerateJob)
public:
    // `db` may be null for a folder's API reference.
    GenerateJob(Storage::DatabasePtr db, GenerateInput input, QObject *parent = nullptr);
    ~GenerateJob() override; // cancels and waits for the thread (briefly)

    void start();
    // Stops the job at its next step: nothing half-written is kept, the
    // summaries written so far are (they are reused next time).
    void cancel();

signals:
    // `fraction` in 0–1, or -1 when unknown.
    void progress(double fraction, const QString &text);
    void finished(const Realm::Docs::GeneratedDocument &document);
    void failed(const Realm::Docs::GenerateFailure &failure);

private:
    class Run;
    void report(double fraction, const QString &text);
    void end(std::variant<GeneratedDocument, GenerateFailure> outcome);

    Storage::DatabasePtr m_db;
    GenerateInput m_input;
    CancellationToken m_cancel;
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr;       // lives on m_thread, for queued calls to it
    QPointer<SummaryWriter> m_writer;  // touched only on m_thread
    bool m_ended = false;
};

} // namespace Realm::Docs

Q_DECLARE_METATYPE(Realm::Docs::GeneratedDocument)
Q_DECLARE_METATYPE(Realm::Docs::GenerateFailure)
