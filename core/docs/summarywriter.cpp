// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/summarywriter.h"

#include "chat/chatprovider.h"
#include "chat/chatstream.h"
#include "common/clock.h"
#include "docs/docstore.h"
#include "projects/projectstore.h"
#include "projects/textcontent.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMap>

namespace Realm::Docs {

namespace {
// Part of every cache key: change it when the prompts change meaning.
constexpr char kPromptVersion[] = "realm-docs-prompts/1";

const QString &systemPrompt()
{
    static const QString text = QStringLiteral(
        "You write documentation for software developers. Be accurate and concise; describe only what the code and the "
        "summaries you are given show. Answer in Markdown without headings unless asked for them.");
    return text;
}

QString moduleOf(const QString &path)
{
    return path.contains(QLatin1Char('/')) ? path.section(QLatin1Char('/'), 0, -2) : QString();
}

QString moduleLabel(const QString &module)
{
    return module.isEmpty() ? QStringLiteral("(top level)") : module;
}

// Appends lines while they fit in `budget` characters; says how many did not.
QString fitted(const QStringList &lines, qsizetype budget)
{
    QString out;
    qsizetype used = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (used + lines.at(i).size() > budget) {
            out += QStringLiteral("- … and %1 more\n").arg(lines.size() - i);
            break;
        }
        out += lines.at(i) + QLatin1Char('\n');
        used += lines.at(i).size() + 1;
    }
    return out;
}
} // namespace

SummaryWriter::SummaryWriter(Storage::DatabasePtr db, Chat::ChatProvider *provider, QString model, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_provider(provider), m_model(model.isEmpty() ? provider->profile().defaultModel : std::move(model))
{
}

SummaryWriter::~SummaryWriter()
{
    if (m_stream)
        m_stream->disconnect(this);
}

void SummaryWriter::start(const DocInputs &inputs, const QString &customPrompt)
{
    m_inputs = inputs;
    m_customPrompt = customPrompt;
    m_summaries = {};
    m_summaries.model = m_model;
    m_providerError.reset();
    m_steps.clear();
    QMap<QString, bool> modules;
    for (const Projects::ProjectFile &f : std::as_const(m_inputs.sources)) {
        m_steps.append({Step::Kind::File, f.path});
        modules.insert(moduleOf(f.path), true);
    }
    for (auto it = modules.cbegin(); it != modules.cend(); ++it)
        m_steps.append({Step::Kind::Module, it.key()});
    m_steps.append({Step::Kind::Overview, m_inputs.project.name});
    if (!m_customPrompt.isEmpty())
        m_steps.append({Step::Kind::Custom, m_inputs.project.name});
    m_at = 0;
    m_running = true;
    next();
}

void SummaryWriter::cancel()
{
    if (!m_running)
        return;
    if (m_stream)
        m_stream->cancel(); // failed(Cancelled) follows
    else
        fail(Error::cancelled());
}

void SummaryWriter::next()
{
    // Cached steps run in this loop; a request returns here when answered.
    while (m_running && m_at < m_steps.size()) {
        if (m_cancel && m_cancel->isCancelled()) {
            fail(Error::cancelled());
            return;
        }
        emit progress(m_at, m_steps.size(), m_steps.at(m_at).subject);
        if (!runStep(m_steps.at(m_at)))
            return;
        ++m_at;
    }
    if (!m_running)
        return;
    m_running = false;
    emit progress(m_steps.size(), m_steps.size(), QString());
    emit finished(m_summaries);
}

Result<QString> SummaryWriter::promptFor(const Step &step) const
{
    const int windowTokens = m_provider->profile().contextWindowTokens > 0 ? m_provider->profile().contextWindowTokens : 8192;
    const qsizetype budget = qMin<qsizetype>(60000, qsizetype(windowTokens) * 2); // about half the window
    const QString project = m_inputs.project.name;
    switch (step.kind) {
    case Step::Kind::File: {
        const auto file = std::find_if(m_inputs.sources.cbegin(), m_inputs.sources.cend(),
                                       [&](const Projects::ProjectFile &f) { return f.path == step.subject; });
        Result<QByteArray> bytes = Projects::ProjectStore(m_db).content(*file);
        if (!bytes)
            return bytes.error();
        QString text = Projects::decodeText(*bytes, Projects::encodingFromName(file->encoding));
        const bool cut = text.size() > budget;
        text.truncate(budget);
        return QStringLiteral("Summarise the source file `%1` of the project %2 in two to four sentences: what it is for, and its "
                              "main types and functions.%3\n\n```%4\n%5\n```")
            .arg(step.subject, project, cut ? QStringLiteral(" (Only its beginning is shown.)") : QString(), file->language, text);
    }
    case Step::Kind::Module: {
        QStringList lines;
        for (const Projects::ProjectFile &f : m_inputs.sources) {
            if (moduleOf(f.path) == step.subject)
                lines << QStringLiteral("- `%1`: %2").arg(f.path, m_summaries.files.value(f.path).simplified());
        }
        return QStringLiteral("Summarise the module (directory) `%1` of the project %2 in three to five sentences, from these "
                              "summaries of its files:\n\n%3")
            .arg(moduleLabel(step.subject), project, fitted(lines, budget));
    }
    case Step::Kind::Overview:
    case Step::Kind::Custom: {
        QStringList lines;
        QStringList modules = m_summaries.modules.keys();
        modules.sort();
        for (const QString &module : std::as_const(modules))
            lines << QStringLiteral("- `%1`: %2").arg(moduleLabel(module), m_summaries.modules.value(module).simplified());
        if (step.kind == Step::Kind::Overview) {
            return QStringLiteral("Write the overview of the project %1 for its documentation: what it does, how it is organised "
                                  "and where a newcomer should start reading. Three to six short paragraphs, no headings. Its "
                                  "modules:\n\n%2")
                .arg(project, fitted(lines, budget));
        }
        return QString(m_customPrompt + QStringLiteral("\n\nThe project is %1. Its overview:\n\n%2\n\nIts modules:\n\n%3")
                                    .arg(project, m_summaries.overview, fitted(lines, budget - m_summaries.overview.size())));
    }
    }
    return QString();
}

void SummaryWriter::store(const Step &step, const QString &text)
{
    switch (step.kind) {
    case Step::Kind::File:
        m_summaries.files.insert(step.subject, text);
        break;
    case Step::Kind::Module:
        m_summaries.modules.insert(step.subject, text);
        break;
    case Step::Kind::Overview:
        m_summaries.overview = text;
        break;
    case Step::Kind::Custom:
        m_summaries.answer = text;
        break;
    }
}

bool SummaryWriter::runStep(const Step &step)
{
    QCryptographicHash key(QCryptographicHash::Sha256);
    key.addData(QByteArray(QByteArray(kPromptVersion) + '\n' + m_model.toUtf8() + '\n' + systemPrompt().toUtf8() + '\n'
                           + QByteArray::number(int(step.kind)) + '\n'));
    std::optional<QString> prompt;
    if (step.kind == Step::Kind::File) {
        // A file's key is its path and content hash, so a re-run need not
        // read unchanged files at all.
        const auto file = std::find_if(m_inputs.sources.cbegin(), m_inputs.sources.cend(),
                                       [&](const Projects::ProjectFile &f) { return f.path == step.subject; });
        key.addData(QByteArray(step.subject.toUtf8() + '\n' + file->sha256 + '\n'
                               + QByteArray::number(m_provider->profile().contextWindowTokens)));
    } else {
        Result<QString> text = promptFor(step);
        if (!text) {
            fail(text.error());
            return false;
        }
        prompt = *text;
        key.addData(prompt->toUtf8());
    }
    const QByteArray inputHash = key.result();
    Result<std::optional<CachedSummary>> cached = DocStore(m_db).summary(inputHash);
    if (!cached) {
        fail(cached.error());
        return false;
    }
    if (*cached) {
        store(step, (*cached)->text);
        m_summaries.writtenAt = qMax(m_summaries.writtenAt, (*cached)->createdAt);
        ++m_summaries.reused;
        return true;
    }
    if (!prompt) {
        Result<QString> text = promptFor(step);
        if (!text) {
            fail(text.error());
            return false;
        }
        prompt = *text;
    }
    ask(step, *prompt, inputHash);
    return false;
}

void SummaryWriter::ask(const Step &step, const QString &prompt, const QByteArray &key)
{
    Chat::ChatRequest request;
    request.model = m_model;
    request.temperature = 0.2;
    request.maxOutputTokens = step.kind == Step::Kind::File ? 400 : 1500;
    request.messages = {{Chat::ChatMessage::Role::System, systemPrompt(), {}, {}, {}},
                        {Chat::ChatMessage::Role::User, prompt, {}, {}, {}}};
    m_stream = m_provider->chat(request, this);
    connect(m_stream, &Chat::ChatStream::finished, this, [this, step, key] {
        const QString text = m_stream->text().trimmed();
        m_stream->deleteLater();
        m_stream = nullptr;
        if (text.isEmpty()) {
            fail(Error::failed(QCoreApplication::translate("Realm::Docs", "The model wrote nothing about %1; try again or choose "
                                                                          "another model.")
                                   .arg(step.subject)));
            return;
        }
        if (Result<void> r = DocStore(m_db).saveSummary(key, m_model, text); !r) {
            fail(r.error());
            return;
        }
        store(step, text);
        m_summaries.writtenAt = Clock::nowMs();
        ++m_summaries.written;
        ++m_at;
        next();
    });
    connect(m_stream, &Chat::ChatStream::failed, this, [this](const Chat::ProviderError &error) {
        m_stream->deleteLater();
        m_stream = nullptr;
        if (error.kind == Chat::ProviderError::Kind::Cancelled) {
            fail(Error::cancelled());
            return;
        }
        m_providerError = error;
        const QString message = Chat::describeProviderError(error);
        fail(error.kind == Chat::ProviderError::Kind::Network ? Error::io(message) : Error::failed(message));
    });
}

void SummaryWriter::fail(const Error &error)
{
    if (!m_running)
        return;
    m_running = false;
    emit finished(error);
}

} // namespace Realm::Docs
