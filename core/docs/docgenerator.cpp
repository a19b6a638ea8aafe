// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/docgenerator.h"

#include "common/clock.h"
#include "docs/apireference.h"
#include "docs/summarywriter.h"
#include "mustache/mustache.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QMap>

namespace Realm::Docs {

namespace {
QString readResource(const QString &name)
{
    QFile file(QStringLiteral(":/realm/docs/templates/") + name);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString templateTextOf(const DocSpec &spec)
{
    return spec.templateText.isEmpty() ? builtInTemplate(spec.kind) : spec.templateText;
}

QString titleOf(const QString &project, const DocSpec &spec)
{
    switch (spec.kind) {
    case DocKind::Api:
        return QCoreApplication::translate("Realm::Docs", "%1 — API reference").arg(project);
    case DocKind::Overview:
        return QCoreApplication::translate("Realm::Docs", "%1 — overview").arg(project);
    case DocKind::Custom:
        break;
    }
    return project + QStringLiteral(" — ") + (spec.title.isEmpty() ? spec.templateName : spec.title);
}

QString moduleOf(const QString &path)
{
    return path.contains(QLatin1Char('/')) ? path.section(QLatin1Char('/'), 0, -2) : QString();
}
} // namespace

QString docKindName(DocKind kind)
{
    switch (kind) {
    case DocKind::Api:
        return QStringLiteral("api");
    case DocKind::Overview:
        return QStringLiteral("overview");
    case DocKind::Custom:
        return QStringLiteral("custom");
    }
    return {};
}

std::optional<DocKind> docKindFromName(const QString &name)
{
    for (DocKind kind : {DocKind::Api, DocKind::Overview, DocKind::Custom}) {
        if (docKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

bool needsModel(DocKind kind)
{
    return kind != DocKind::Api;
}

QString builtInTemplate(DocKind kind)
{
    return readResource(docKindName(kind) + QStringLiteral(".md.mustache"));
}

Result<void> checkSpec(const DocSpec &spec)
{
    if (spec.kind == DocKind::Custom && spec.prompt.trimmed().isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "A custom document needs a prompt: what the model "
                                                                              "should write."));
    if (spec.documentedOnly && spec.kind != DocKind::Api)
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "Only the API reference can leave out undocumented symbols "
                                                                              "(--documented-only is for --kind api)."));
    return {};
}

Result<PreparedDocument> prepareDocument(const Storage::DatabasePtr &db, const QString &projectId, const DocSpec &spec,
                                         const CancellationToken *cancel, const std::function<void(qint64, qint64)> &progress)
{
    if (Result<void> valid = checkSpec(spec); !valid)
        return valid.error();
    PreparedDocument prepared;
    Result<DocInputs> inputs = readDocInputs(db, projectId, cancel, progress);
    if (!inputs)
        return inputs.error();
    prepared.inputs = std::move(*inputs);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(prepared.inputs.inputsHash);
    for (const QString &part : {docKindName(spec.kind), templateTextOf(spec), spec.prompt, spec.title, spec.model})
        hash.addData(QByteArray(part.toUtf8() + '\0'));
    if (spec.documentedOnly) // only then, so documents made before the option are still recognised
        hash.addData(QByteArrayView("documented-only"));
    prepared.inputsHash = QString::fromLatin1(hash.result().toHex());
    Result<std::optional<DocVersion>> latest = DocStore(db).latest(projectId, docKindName(spec.kind), spec.templateName);
    if (!latest)
        return latest.error();
    if (*latest && (*latest)->inputsHash == prepared.inputsHash)
        prepared.unchanged = *latest;
    return prepared;
}

Result<QString> llmMarkdown(const DocInputs &inputs, const Summaries &summaries, const DocSpec &spec, const QDate &date)
{
    QMap<QString, QVariantList> filesByModule;
    for (const Projects::ProjectFile &f : inputs.sources) {
        filesByModule[moduleOf(f.path)].append(QVariantMap{{QStringLiteral("path"), f.path},
                                                           {QStringLiteral("summary"), summaries.files.value(f.path).simplified()}});
    }
    QVariantList modules;
    for (auto it = filesByModule.cbegin(); it != filesByModule.cend(); ++it) {
        modules.append(QVariantMap{{QStringLiteral("title"), it.key().isEmpty() ? QCoreApplication::translate("Realm::Docs", "Top level") : it.key()},
                                   {QStringLiteral("summary"), summaries.modules.value(it.key())},
                                   {QStringLiteral("files"), it.value()}});
    }
    const QDate written = summaries.writtenAt > 0 ? QDateTime::fromMSecsSinceEpoch(summaries.writtenAt).date() : date;
    const QVariantMap data{{QStringLiteral("project"), inputs.project.name},
                           {QStringLiteral("title"), spec.title.isEmpty() ? spec.templateName : spec.title},
                           {QStringLiteral("model"), summaries.model},
                           {QStringLiteral("date"), written.toString(Qt::ISODate)},
                           {QStringLiteral("fileCount"), QString::number(inputs.sources.size())},
                           {QStringLiteral("overview"), summaries.overview},
                           {QStringLiteral("answer"), summaries.answer},
                           {QStringLiteral("modules"), modules}};
    return Mustache::renderMarkdown(templateTextOf(spec), data);
}

Result<DocVersion> renderDocument(const PreparedDocument &prepared, const DocSpec &spec, const Summaries *summaries, const QDate &date)
{
    const DocInputs &inputs = prepared.inputs;
    const ApiReference::Listed listed = spec.documentedOnly ? ApiReference::Listed::DocumentedOnly : ApiReference::Listed::All;
    Result<QString> markdown = spec.kind == DocKind::Api ? ApiReference::markdown(inputs.model, templateTextOf(spec), date, listed)
                               : summaries               ? llmMarkdown(inputs, *summaries, spec, date)
                                                         : Result<QString>(Error::invalidInput(QStringLiteral("No summaries.")));
    if (!markdown)
        return markdown.error();
    DocVersion version;
    version.projectId = inputs.project.id;
    version.kind = docKindName(spec.kind);
    version.templateName = spec.templateName;
    version.inputsHash = prepared.inputsHash;
    version.projectRevision = inputs.project.revision;
    version.model = summaries ? summaries->model : QString();
    version.title = titleOf(inputs.project.name, spec);
    version.markdown = *markdown;
    const Coverage &c = inputs.model.coverage;
    version.stats = QJsonObject{{QStringLiteral("files"), inputs.sources.size()},
                                {QStringLiteral("symbols"), inputs.symbols},
                                {QStringLiteral("documented"), c.documented},
                                {QStringLiteral("documentable"), c.total},
                                {QStringLiteral("coverage"), c.ratio()},
                                {QStringLiteral("files_extracted"), inputs.extracted},
                                {QStringLiteral("files_reused"), inputs.reused},
                                {QStringLiteral("summaries_written"), summaries ? summaries->written : 0},
                                {QStringLiteral("summaries_reused"), summaries ? summaries->reused : 0}};
    if (spec.documentedOnly)
        version.stats.insert(QStringLiteral("documented_only"), true);
    version.createdAt = Clock::nowMs();
    return version;
}

Result<DocVersion> finishDocument(const Storage::DatabasePtr &db, const PreparedDocument &prepared, const DocSpec &spec,
                                  const Summaries *summaries, const QDate &date)
{
    Result<DocVersion> version = renderDocument(prepared, spec, summaries, date);
    if (!version)
        return version;
    return DocStore(db).saveVersion(*version);
}

} // namespace Realm::Docs
