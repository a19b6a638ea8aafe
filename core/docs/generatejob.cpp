// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/generatejob.h"

#include "chat/chatprovider.h"
#include "common/jobfuture.h"
#include "docs/summarywriter.h"
#include "projects/projectimporter.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QThread>

namespace Realm::Docs {

// Whoever composes futures runs it through startAsFuture().
static_assert(JobShaped<GenerateJob>);

// One run of the job, on its thread: the blocking steps run straight
// through; the model's requests are driven by the thread's event loop. It is
// deleted on that thread when the thread ends, with the network manager and
// the workspace connection it opened.
class GenerateJob::Run final : public QObject {
public:
    Run(GenerateJob *job, Storage::DatabasePtr db) : m_job(job), m_db(std::move(db)) {}
    ~Run() override
    {
        delete m_network; // before the connection: nothing may use it after
        if (m_db)
            m_db->closeThreadConnection();
    }

    void start();

private:
    const GenerateInput &input() const { return m_job->m_input; }
    const CancellationToken *token() const { return &m_job->m_cancel; }
    void readingProgress(qint64 done, qint64 total) const
    {
        m_job->report(total > 0 ? double(done) / double(total) : -1, GenerateJob::tr("Reading symbols: %1 of %2 files").arg(done).arg(total));
    }
    Result<QString> importFolder();
    void writeSummaries();
    void finishDocument(const Summaries *summaries);
    void succeed(const DocVersion &version, bool unchanged) { m_job->end(GeneratedDocument{version, unchanged}); }
    void fail(const Error &error, std::optional<Chat::ProviderError> provider = std::nullopt)
    {
        m_job->end(GenerateFailure{error, std::move(provider)});
    }

    GenerateJob *m_job;
    Storage::DatabasePtr m_db;
    std::unique_ptr<QTemporaryDir> m_scratch; // a folder's throw-away workspace
    PreparedDocument m_prepared;
    QNetworkAccessManager *m_network = nullptr;
};

void GenerateJob::Run::start()
{
    const DocSpec &spec = input().spec;
    if (Result<void> valid = checkSpec(spec); !valid) {
        fail(valid.error());
        return;
    }
    if (needsModel(spec.kind) && !input().provider) {
        fail(Error::invalidInput(GenerateJob::tr("The overview and custom documents are written by a model: set up a provider first, e.g. a local Ollama.")));
        return;
    }
    const auto progress = [this](qint64 done, qint64 total) { readingProgress(done, total); };
    QString projectId = input().projectId;
    if (!input().folder.isEmpty() && !needsModel(spec.kind)) {
        // A folder's API reference needs no workspace at all.
        Result<DocInputs> inputs = readDocInputs(input().folder, token(), progress);
        Result<DocVersion> version = inputs ? renderDocument({*inputs, QString(), std::nullopt}, spec) : Result<DocVersion>(inputs.error());
        version ? succeed(*version, false) : fail(version.error());
        return;
    }
    if (!input().folder.isEmpty()) {
        Result<QString> imported = importFolder();
        if (!imported) {
            fail(imported.error());
            return;
        }
        projectId = *imported;
    }
    Result<PreparedDocument> prepared = prepareDocument(m_db, projectId, spec, token(), progress);
    if (!prepared) {
        fail(prepared.error().code == Error::Code::Cancelled ? Error{Error::Code::Cancelled, GenerateJob::tr("Cancelled: nothing was changed.")}
                                                             : prepared.error());
        return;
    }
    m_prepared = std::move(*prepared);
    if (m_prepared.unchanged)
        succeed(*m_prepared.unchanged, true);
    else if (needsModel(spec.kind))
        writeSummaries();
    else
        finishDocument(nullptr);
}

// The overview and custom kinds of a folder: the summaries are cached in a
// workspace, so the folder is imported into one that lives as long as the run.
Result<QString> GenerateJob::Run::importFolder()
{
    m_job->report(-1, GenerateJob::tr("Reading %1…").arg(input().folder));
    m_scratch = std::make_unique<QTemporaryDir>();
    if (!m_scratch->isValid())
        return Error::io(GenerateJob::tr("Cannot create a temporary workspace: %1").arg(m_scratch->errorString()));
    Result<Storage::DatabasePtr> db = Storage::Database::open(m_scratch->filePath(QStringLiteral("docs.realm")));
    if (!db)
        return db.error();
    m_db = *db;
    Projects::ProjectImporter importer(m_db);
    importer.setCancellationToken(token());
    Result<Projects::ImportReport> imported = importer.importProject(input().folder, {});
    if (!imported)
        return imported.error();
    return imported->project.id;
}

void GenerateJob::Run::writeSummaries()
{
    const Chat::ProviderProfile &profile = *input().provider;
    m_job->report(-1, GenerateJob::tr("Asking %1…").arg(profile.name));
    m_network = new QNetworkAccessManager;
    auto *provider = new Chat::ChatProvider(profile, m_network, m_network);
    auto *writer = new SummaryWriter(m_db, provider, input().spec.model, m_network);
    writer->setCancellationToken(token());
    m_job->m_writer = writer; // cancel() reaches it through a queued call to this thread
    connect(writer, &SummaryWriter::progress, this, [this](qint64 done, qint64 total, const QString &what) {
        m_job->report(total > 0 ? double(done) / double(total) : -1, GenerateJob::tr("Writing summaries: %1 of %2 %3").arg(done).arg(total).arg(what));
    });
    connect(writer, &SummaryWriter::finished, this, [this, writer](const Result<Summaries> &summaries) {
        if (summaries) {
            finishDocument(&*summaries);
            return;
        }
        const bool cancelled = summaries.error().code == Error::Code::Cancelled;
        fail({summaries.error().code,
              (cancelled ? GenerateJob::tr("Cancelled.") : summaries.error().message) + QLatin1Char(' ')
                  + GenerateJob::tr("The summaries written so far are kept; generating the document again goes on from there.")},
             writer->providerError());
    });
    writer->start(m_prepared.inputs, input().spec.kind == DocKind::Custom ? input().spec.prompt : QString());
}

void GenerateJob::Run::finishDocument(const Summaries *summaries)
{
    if (token()->isCancelled()) {
        fail(Error{Error::Code::Cancelled, GenerateJob::tr("Cancelled: nothing was changed.")});
        return;
    }
    m_job->report(-1, GenerateJob::tr("Writing the document…"));
    Result<DocVersion> version = Docs::finishDocument(m_db, m_prepared, input().spec, summaries);
    version ? succeed(*version, false) : fail(version.error());
}

GenerateJob::GenerateJob(Storage::DatabasePtr db, GenerateInput input, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_input(std::move(input))
{
}

GenerateJob::~GenerateJob()
{
    if (!m_thread)
        return;
    m_cancel.cancel();
    m_thread->quit(); // a blocking step sees the token; a request is dropped with the run
    m_thread->wait();
    delete m_worker;
}

void GenerateJob::start()
{
    if (m_thread)
        return;
    if (!m_db && m_input.folder.isEmpty()) {
        end(GenerateFailure{Error::invalidInput(tr("No workspace to read the project from.")), std::nullopt});
        return;
    }
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("realm-docs"));
    m_worker = new QObject;
    m_worker->moveToThread(m_thread);
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, [this] {
        auto *run = new Run(this, m_db);
        connect(m_thread, &QThread::finished, run, &QObject::deleteLater);
        run->start();
    });
}

void GenerateJob::cancel()
{
    m_cancel.cancel(); // the blocking steps and the writer between requests see this…
    if (m_worker) {
        // …a request in flight is stopped on the thread that owns it.
        QMetaObject::invokeMethod(m_worker, [this] {
            if (m_writer)
                m_writer->cancel();
        });
    }
}

void GenerateJob::report(double fraction, const QString &text)
{
    QMetaObject::invokeMethod(this, [this, fraction, text] {
        if (!m_ended)
            emit progress(fraction, text);
    }, Qt::QueuedConnection);
}

// Called on the job's thread: hands the outcome to the caller's and lets the
// thread end (the run is deleted with it).
void GenerateJob::end(std::variant<GeneratedDocument, GenerateFailure> outcome)
{
    if (QThread::currentThread() == m_thread)
        m_thread->quit();
    QMetaObject::invokeMethod(this, [this, outcome = std::move(outcome)] {
        if (std::exchange(m_ended, true))
            return;
        if (const auto *document = std::get_if<GeneratedDocument>(&outcome))
            emit finished(*document);
        else
            emit failed(std::get<GenerateFailure>(outcome));
    }, Qt::QueuedConnection);
}

} // namespace Realm::Docs
