// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/docgenerator.h"

#include "common/atomicfile.h"
#include "docs/apireference.h"
#include "docs/symbolextractor.h"
#include "markup/markdownoutput.h"
#include "projects/projectstore.h"
#include "projects/textcontent.h"

#include <QCoreApplication>
#include <QDir>

namespace Realm::Docs {

namespace {
// Languages whose symbols Universal Ctags knows and the reference shows.
bool isSourceLanguage(const QString &language)
{
    static const QStringList languages = {QStringLiteral("c"), QStringLiteral("cpp"), QStringLiteral("python"),
                                          QStringLiteral("javascript"), QStringLiteral("typescript"), QStringLiteral("java"),
                                          QStringLiteral("go"), QStringLiteral("rust"), QStringLiteral("csharp"),
                                          QStringLiteral("kotlin"), QStringLiteral("php"), QStringLiteral("ruby"),
                                          QStringLiteral("shell"), QStringLiteral("objc"), QStringLiteral("swift"),
                                          QStringLiteral("scala")};
    return languages.contains(language);
}

} // namespace

Result<GenerateOutcome> generateApiReference(const Storage::DatabasePtr &db, const QString &projectId, const GenerateOptions &options,
                                             const CancellationToken *cancel, const std::function<void(qint64, qint64)> &progress)
{
    Projects::ProjectStore store(db);
    Result<Projects::Project> project = store.find(projectId);
    if (!project)
        return project.error();
    Result<QList<Projects::ProjectFile>> files = store.files(project->id);
    if (!files)
        return files.error();
    QList<Projects::ProjectFile> sources;
    for (const Projects::ProjectFile &f : *files) {
        if (!f.isBinary() && isSourceLanguage(f.language))
            sources.append(f);
    }
    GenerateOutcome outcome;
    QList<DocSymbol> symbols;
    constexpr qsizetype kBatch = 400; // files per ctags run
    for (qsizetype at = 0; at < sources.size(); at += kBatch) {
        if (cancel && cancel->isCancelled())
            return Error::cancelled();
        QList<SourceText> batch;
        for (const Projects::ProjectFile &f : sources.mid(at, kBatch)) {
            Result<QByteArray> content = store.content(f);
            if (content)
                batch.append({f.path, Projects::decodeText(*content, Projects::encodingFromName(f.encoding))});
        }
        Result<QList<DocSymbol>> extracted = SymbolExtractor::extract(batch);
        if (!extracted)
            return extracted.error();
        symbols += *extracted;
        outcome.files += batch.size();
        if (progress)
            progress(outcome.files, sources.size());
    }
    outcome.project = DocProject::build(project->name, symbols);
    for (const DocSymbol &s : std::as_const(symbols))
        outcome.symbols += DocProject::isDocumentable(s) ? 1 : 0;

    Result<QString> markdown = options.templateText.isEmpty() ? ApiReference::markdown(outcome.project)
                                                              : ApiReference::markdown(outcome.project, options.templateText);
    if (!markdown)
        return markdown.error();
    if (!QDir().mkpath(options.outputDir))
        return Error::io(QCoreApplication::translate("Realm::Docs", "Cannot create the folder %1.").arg(options.outputDir));
    const QString title = QCoreApplication::translate("Realm::Docs", "%1 — API reference").arg(project->name);
    const QDir out(options.outputDir);
    Result<void> written;
    switch (options.format) {
    case GenerateOptions::Format::Markdown:
        outcome.outputFile = out.filePath(QStringLiteral("api.md"));
        written = writeFileAtomically(outcome.outputFile, markdown->toUtf8());
        break;
    case GenerateOptions::Format::Html:
        outcome.outputFile = out.filePath(QStringLiteral("api.html"));
        written = writeFileAtomically(outcome.outputFile, Markup::htmlPage(title, *markdown).toUtf8());
        break;
    case GenerateOptions::Format::Pdf:
        outcome.outputFile = out.filePath(QStringLiteral("api.pdf"));
        written = Markup::writePdf(title, *markdown, outcome.outputFile);
        break;
    }
    if (!written)
        return written.error();
    return outcome;
}

} // namespace Realm::Docs
