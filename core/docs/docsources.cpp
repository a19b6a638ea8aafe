// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/docsources.h"

#include "docs/doccomments.h"
#include "docs/docstore.h"
#include "docs/symbolextractor.h"
#include "projects/importsource.h"
#include "projects/language.h"
#include "projects/pathsafety.h"
#include "projects/projectstore.h"
#include "projects/textcontent.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QDataStream>
#include <QSet>

namespace Realm::Docs {

namespace {
// Bump when SymbolExtractor or DocComments::commentFor change what they
// find: cached symbols of older versions are then read again.
constexpr int kExtractorVersion = 5;

// Universal Ctags picks the language by the file name's suffix (or the
// whole name: Makefile), so the same bytes under another suffix differ.
QByteArray cacheKey(const Projects::ProjectFile &file)
{
    const QFileInfo info(file.path);
    const QString suffix = info.suffix().isEmpty() ? info.fileName() : info.suffix().toLower();
    return file.sha256 + '\n' + suffix.toUtf8();
}

// The cache keeps what ctags found in a compact binary form: a large
// project's first run writes tens of thousands of symbols, and JSON's
// object building was a tenth of that run.
QByteArray serialize(const QList<DocSymbol> &symbols)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << qint32(symbols.size());
    for (const DocSymbol &s : symbols)
        out << s.name << s.qualifiedName << s.kind << s.signature << s.returnType << s.scope << s.access << qint32(s.line)
            << qint32(s.endLine) << s.rawComment << s.language;
    return bytes;
}

QList<DocSymbol> deserialize(const QByteArray &bytes, const QString &path)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    qint32 count = 0;
    in >> count;
    QList<DocSymbol> symbols;
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        DocSymbol s;
        qint32 line = 0;
        qint32 endLine = 0;
        in >> s.name >> s.qualifiedName >> s.kind >> s.signature >> s.returnType >> s.scope >> s.access >> line >> endLine >> s.rawComment
            >> s.language;
        s.line = line;
        s.endLine = endLine;
        s.doc = DocComments::parse(s.rawComment);
        s.path = path;
        symbols.append(s);
    }
    return symbols;
}

// Collects the source files of a folder, archive or repository in memory,
// for documentation that needs no workspace (nor content hashes: nothing
// is cached or summarised on this path).
class CollectingSink final : public Projects::ImportSink {
public:
    CollectingSink(ExtractionQueue &queue, const CancellationToken *cancel) : m_queue(queue), m_cancel(cancel) {}

    Result<void> addFile(Projects::SourceFile file) override
    {
        if (isCancelled())
            return Error::cancelled();
        // Paths from an archive or a Git tree are checked as an import
        // checks them: "../../secret.py" names nothing of the source.
        Result<QString> path = Projects::normalizeEntryPath(file.path);
        if (!path)
            return {};
        file.path = *path;
        if (m_paths.contains(file.path))
            return {};
        m_paths.insert(file.path);
        const Projects::TextEncoding encoding = Projects::detectEncoding(file.content);
        if (encoding == Projects::TextEncoding::Binary)
            return {};
        const QString language = Projects::detectLanguage(file.path, QByteArrayView(file.content).first(qMin<qsizetype>(file.content.size(), 256)));
        if (!isDocumentedLanguage(language))
            return {};
        Projects::ProjectFile f;
        f.path = file.path;
        f.size = file.content.size();
        f.language = language;
        f.encoding = Projects::encodingName(encoding);
        files.append(f);
        m_queue.add({file.path, Projects::decodeText(file.content, encoding)});
        return {};
    }
    bool skipIfUnchanged(const QString &, qint64, int, qint64) override { return false; }
    void skip(const QString &, const QString &) override {}
    void reject(const QString &, const QString &) override {}
    void refuse(const QString &, const QString &) override {}
    void reading(const QString &) override {}
    bool isCancelled() const override { return m_cancel && m_cancel->isCancelled(); }
    const Projects::ImportLimits &limits() const override { return m_limits; }

    QList<Projects::ProjectFile> files;

private:
    ExtractionQueue &m_queue; // ctags starts on the first files while the rest are read
    const CancellationToken *m_cancel;
    Projects::ImportLimits m_limits;
    QSet<QString> m_paths;
};
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
    Result<QHash<QByteArray, QByteArray>> cached = docStore.cachedSymbols(keys, kExtractorVersion);
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
        symbols += deserialize(*hit, inputs.sources.at(i).path);
        ++inputs.reused;
    }
    if (progress)
        progress(inputs.reused, inputs.sources.size());

    QList<SourceText> texts;
    for (const qsizetype i : std::as_const(missing)) {
        if (cancel && cancel->isCancelled())
            return Error::cancelled();
        const Projects::ProjectFile &f = inputs.sources.at(i);
        Result<QByteArray> content = store.content(f);
        if (!content)
            return content.error();
        texts.append({f.path, Projects::decodeText(*content, Projects::encodingFromName(f.encoding))});
    }
    Result<QList<DocSymbol>> extracted = SymbolExtractor::extractAll(texts, cancel, [&](qint64 done, qint64) {
        if (progress)
            progress(inputs.reused + done, inputs.sources.size());
    });
    if (!extracted)
        return extracted.error();
    QHash<QString, QList<DocSymbol>> byPath;
    for (DocSymbol &s : *extracted)
        byPath[s.path].append(std::move(s));
    QHash<QByteArray, QByteArray> toCache;
    for (const qsizetype i : std::as_const(missing)) {
        const QList<DocSymbol> fileSymbols = byPath.value(inputs.sources.at(i).path);
        toCache.insert(keys.at(i), serialize(fileSymbols));
        symbols += fileSymbols;
    }
    if (Result<void> r = docStore.cacheSymbols(toCache, kExtractorVersion); !r)
        return r.error();
    inputs.extracted = missing.size();
    inputs.model = DocProject::build(project->name, std::move(symbols));
    inputs.symbols = inputs.model.coverage.total;
    return inputs;
}

Result<DocInputs> readDocInputs(const QString &location, const CancellationToken *cancel, const std::function<void(qint64, qint64)> &progress)
{
    Result<std::unique_ptr<Projects::ImportSource>> source = Projects::createImportSource(location, {});
    if (!source)
        return source.error();
    // A folder's files are read by ctags where they are; an archive's and a
    // repository's (bare, or a work tree asked for a commit) from what the
    // source read, never from files that happen to lie next to it.
    const bool isFolder = (*source)->description().kind == Projects::ProjectSource::Kind::Folder;
    const QString onDisk = isFolder ? QFileInfo(location).absoluteFilePath() : QString();
    ExtractionQueue queue(cancel, onDisk);
    CollectingSink sink(queue, cancel);
    if (Result<void> r = (*source)->readInto(sink); !r)
        return r.error();
    DocInputs inputs;
    inputs.project.name = (*source)->suggestedName();
    inputs.sources = sink.files;
    Result<QList<DocSymbol>> symbols = queue.finish(progress);
    if (!symbols)
        return symbols.error();
    inputs.extracted = sink.files.size();
    inputs.model = DocProject::build(inputs.project.name, std::move(*symbols));
    inputs.symbols = inputs.model.coverage.total;
    return inputs;
}

} // namespace Realm::Docs
