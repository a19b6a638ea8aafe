// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/docsources.h"

#include "docs/doccomments.h"
#include "docs/docstore.h"
#include "docs/symbolextractor.h"
#include "projects/projectstore.h"
#include "projects/textcontent.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Realm::Docs {

namespace {
// Bump when SymbolExtractor or DocComments::commentFor change what they
// find: cached symbols of older versions are then read again.
constexpr int kExtractorVersion = 2;

// Universal Ctags picks the language by the file name's suffix (or the
// whole name: Makefile), so the same bytes under another suffix differ.
QByteArray cacheKey(const Projects::ProjectFile &file)
{
    const QFileInfo info(file.path);
    const QString suffix = info.suffix().isEmpty() ? info.fileName() : info.suffix().toLower();
    return file.sha256 + '\n' + suffix.toUtf8();
}

QString symbolsToJson(const QList<DocSymbol> &symbols)
{
    QJsonArray array;
    for (const DocSymbol &s : symbols) {
        array.append(QJsonObject{{QStringLiteral("n"), s.name}, {QStringLiteral("q"), s.qualifiedName}, {QStringLiteral("k"), s.kind},
                                 {QStringLiteral("s"), s.signature}, {QStringLiteral("r"), s.returnType}, {QStringLiteral("sc"), s.scope},
                                 {QStringLiteral("a"), s.access}, {QStringLiteral("l"), s.line}, {QStringLiteral("e"), s.endLine},
                                 {QStringLiteral("c"), s.rawComment}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<DocSymbol> symbolsFromJson(const QString &json, const QString &path)
{
    QList<DocSymbol> symbols;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = value.toObject();
        DocSymbol s;
        s.name = o.value(QStringLiteral("n")).toString();
        s.qualifiedName = o.value(QStringLiteral("q")).toString();
        s.kind = o.value(QStringLiteral("k")).toString();
        s.signature = o.value(QStringLiteral("s")).toString();
        s.returnType = o.value(QStringLiteral("r")).toString();
        s.scope = o.value(QStringLiteral("sc")).toString();
        s.access = o.value(QStringLiteral("a")).toString();
        s.line = o.value(QStringLiteral("l")).toInt();
        s.endLine = o.value(QStringLiteral("e")).toInt();
        s.rawComment = o.value(QStringLiteral("c")).toString();
        s.doc = DocComments::parse(s.rawComment);
        s.path = path;
        symbols.append(s);
    }
    return symbols;
}
} // namespace

bool isDocumentedLanguage(const QString &language)
{
    static const QStringList languages = {QStringLiteral("c"), QStringLiteral("cpp"), QStringLiteral("python"),
                                          QStringLiteral("javascript"), QStringLiteral("typescript"), QStringLiteral("java"),
                                          QStringLiteral("go"), QStringLiteral("rust"), QStringLiteral("csharp"),
                                          QStringLiteral("kotlin"), QStringLiteral("php"), QStringLiteral("ruby"),
                                          QStringLiteral("shell"), QStringLiteral("objc"), QStringLiteral("swift"),
                                          QStringLiteral("scala")};
    return languages.contains(language);
}

Result<DocInputs> readDocInputs(const Storage::DatabasePtr &db, const QString &projectId, const CancellationToken *cancel,
                                const std::function<void(qint64, qint64)> &progress)
{
    Projects::ProjectStore store(db);
    DocInputs inputs;
    Result<Projects::Project> project = store.find(projectId);
    if (!project)
        return project.error();
    inputs.project = *project;
    Result<QList<Projects::ProjectFile>> files = store.files(project->id);
    if (!files)
        return files.error();
    QCryptographicHash inputsHash(QCryptographicHash::Sha256);
    inputsHash.addData(QByteArray::number(kExtractorVersion));
    QList<QByteArray> keys;
    for (const Projects::ProjectFile &f : *files) {
        if (f.isBinary() || !isDocumentedLanguage(f.language))
            continue;
        inputs.sources.append(f);
        keys.append(cacheKey(f));
        inputsHash.addData(QByteArray(f.path.toUtf8() + '\0' + f.sha256));
    }
    inputs.inputsHash = inputsHash.result();

    DocStore docStore(db);
    Result<QHash<QByteArray, QString>> cached = docStore.cachedSymbols(keys, kExtractorVersion);
    if (!cached)
        return cached.error();
    QList<DocSymbol> symbols;
    QList<qsizetype> missing; // indexes into sources
    for (qsizetype i = 0; i < inputs.sources.size(); ++i) {
        const auto hit = cached->constFind(keys.at(i));
        if (hit == cached->cend()) {
            missing.append(i);
            continue;
        }
        symbols += symbolsFromJson(*hit, inputs.sources.at(i).path);
        ++inputs.reused;
    }
    if (progress)
        progress(inputs.reused, inputs.sources.size());

    constexpr qsizetype kBatch = 400; // files per ctags run
    for (qsizetype at = 0; at < missing.size(); at += kBatch) {
        if (cancel && cancel->isCancelled())
            return Error::cancelled();
        QList<SourceText> batch;
        for (const qsizetype i : missing.mid(at, kBatch)) {
            const Projects::ProjectFile &f = inputs.sources.at(i);
            Result<QByteArray> content = store.content(f);
            if (!content)
                return content.error();
            batch.append({f.path, Projects::decodeText(*content, Projects::encodingFromName(f.encoding))});
        }
        Result<QList<DocSymbol>> extracted = SymbolExtractor::extract(batch);
        if (!extracted)
            return extracted.error();
        QHash<QString, QList<DocSymbol>> byPath;
        for (const DocSymbol &s : std::as_const(*extracted))
            byPath[s.path].append(s);
        QHash<QByteArray, QString> toCache;
        for (const qsizetype i : missing.mid(at, kBatch)) {
            const QList<DocSymbol> fileSymbols = byPath.value(inputs.sources.at(i).path);
            toCache.insert(keys.at(i), symbolsToJson(fileSymbols));
            symbols += fileSymbols;
        }
        if (Result<void> r = docStore.cacheSymbols(toCache, kExtractorVersion); !r)
            return r.error();
        inputs.extracted += batch.size();
        if (progress)
            progress(inputs.reused + inputs.extracted, inputs.sources.size());
    }
    inputs.model = DocProject::build(project->name, symbols);
    for (const DocSymbol &s : std::as_const(symbols))
        inputs.symbols += DocProject::isDocumentable(s) ? 1 : 0;
    return inputs;
}

} // namespace Realm::Docs
