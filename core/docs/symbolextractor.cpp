// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/symbolextractor.h"

#include "docs/doccomments.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent>

#include <optional>

namespace Realm::Docs {

namespace {
// The type in ctags' "typeref" field, "kind:name". The kind is "typename"
// (or PHP's "unknown") for a type as written; "struct", "union" or "enum"
// when the source spelled it so (C's `struct vec2 f()`), which the type
// must keep.
QString returnTypeOf(const QString &typeref)
{
    const QString kind = typeref.section(QLatin1Char(':'), 0, 0);
    const QString name = typeref.section(QLatin1Char(':'), 1);
    if (kind == QLatin1String("struct") || kind == QLatin1String("union") || kind == QLatin1String("enum"))
        return kind + QLatin1Char(' ') + name;
    return name;
}
} // namespace

QString SymbolExtractor::ctagsPath()
{
    for (const char *candidate : {"/usr/bin/ctags-universal", "/usr/local/bin/ctags-universal"}) {
        if (QFileInfo::exists(QLatin1String(candidate)))
            return QString::fromLatin1(candidate);
    }
    return {};
}

Result<QList<DocSymbol>> SymbolExtractor::extract(const QList<SourceText> &files, const QString &onDiskRoot)
{
    const QString ctags = ctagsPath();
    if (ctags.isEmpty())
        return Error::unavailable(QCoreApplication::translate("Realm::Docs", "Universal Ctags is not installed: install the "
                                                                             "universal-ctags package to extract symbols."));
    // Copies of the texts for ctags to read, unless they are on disk as they are.
    std::optional<QTemporaryDir> copies;
    if (onDiskRoot.isEmpty()) {
        copies.emplace();
        if (!copies->isValid())
            return Error::io(QCoreApplication::translate("Realm::Docs", "Cannot create a temporary folder: %1").arg(copies->errorString()));
    }
    const QDir dir(onDiskRoot.isEmpty() ? copies->path() : onDiskRoot);
    QStringList arguments{QStringLiteral("--output-format=json"), QStringLiteral("--fields=+nSeKaZsl"), QStringLiteral("--sort=no"),
                          QStringLiteral("--kinds-C=+p"), QStringLiteral("--kinds-C++=+p"), QStringLiteral("-f"), QStringLiteral("-")};
    QHash<QString, QStringList> linesOf;
    for (const SourceText &file : files) {
        if (copies) {
            const QString target = dir.filePath(file.path);
            QDir().mkpath(QFileInfo(target).absolutePath());
            QFile out(target);
            if (!out.open(QIODevice::WriteOnly) || out.write(file.text.toUtf8()) < 0)
                return Error::io(QCoreApplication::translate("Realm::Docs", "Cannot write %1: %2").arg(target, out.errorString()));
        }
        linesOf.insert(file.path, file.text.split(QLatin1Char('\n')));
        // "./" first: a file named "-fMakefile" or "--options=x" must stay a file name.
        arguments << QStringLiteral("./") + file.path;
    }
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.start(ctags, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return Error::failed(QCoreApplication::translate("Realm::Docs", "Universal Ctags failed: %1")
                                 .arg(QString::fromUtf8(process.readAllStandardError()).trimmed()));
    QList<DocSymbol> symbols;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const QJsonObject tag = QJsonDocument::fromJson(line).object();
        if (tag.value(QStringLiteral("_type")).toString() != QLatin1String("tag"))
            continue;
        DocSymbol s;
        s.name = tag.value(QStringLiteral("name")).toString();
        if (s.name.startsWith(QLatin1String("__anon")) || s.name.startsWith(QLatin1Char('<')))
            continue; // lambdas (Kotlin's "<lambda>"), anonymous namespaces and structs
        s.kind = tag.value(QStringLiteral("kind")).toString();
        s.signature = tag.value(QStringLiteral("signature")).toString();
        s.returnType = returnTypeOf(tag.value(QStringLiteral("typeref")).toString());
        s.scope = tag.value(QStringLiteral("scope")).toString();
        s.qualifiedName = s.scope.isEmpty() ? s.name : s.scope + QStringLiteral("::") + s.name;
        s.access = tag.value(QStringLiteral("access")).toString();
        s.path = tag.value(QStringLiteral("path")).toString();
        if (s.path.startsWith(QLatin1String("./")))
            s.path.remove(0, 2);
        s.line = tag.value(QStringLiteral("line")).toInt();
        s.endLine = tag.value(QStringLiteral("end")).toInt(s.line);
        const QString language = tag.value(QStringLiteral("language")).toString();
        s.rawComment = DocComments::commentFor(linesOf.value(s.path), s.line, language);
        s.doc = DocComments::parse(s.rawComment);
        symbols.append(s);
    }
    return symbols;
}

Result<QList<DocSymbol>> SymbolExtractor::extractAll(const QList<SourceText> &files, const CancellationToken *cancel,
                                                     const std::function<void(qint64, qint64)> &progress, const QString &onDiskRoot)
{
    constexpr qsizetype kBatch = 250; // files per ctags run: long enough to amortise its start
    QList<QList<SourceText>> batches;
    for (qsizetype at = 0; at < files.size(); at += kBatch)
        batches.append(files.mid(at, kBatch));
    QList<Result<QList<DocSymbol>>> results(batches.size(), Error::cancelled());
    QThreadPool pool;
    pool.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
    QList<QFuture<void>> running;
    qsizetype next = 0;
    qint64 done = 0;
    // A window of as many batches as threads, collected in order, so
    // progress moves and a cancel stops starting new ones.
    while (next < batches.size() || !running.isEmpty()) {
        while (next < batches.size() && running.size() < pool.maxThreadCount() && !(cancel && cancel->isCancelled())) {
            const qsizetype index = next++;
            running.append(QtConcurrent::run(&pool, [&batches, &results, &onDiskRoot, index] { results[index] = extract(batches.at(index), onDiskRoot); }));
        }
        if (running.isEmpty())
            break;
        running.takeFirst().waitForFinished();
        done = qMin<qint64>(files.size(), (next - running.size()) * kBatch);
        if (progress)
            progress(done, files.size());
    }
    if (cancel && cancel->isCancelled())
        return Error::cancelled();
    QList<DocSymbol> symbols;
    for (Result<QList<DocSymbol>> &batch : results) {
        if (!batch)
            return batch.error();
        symbols += std::move(*batch);
    }
    return symbols;
}

} // namespace Realm::Docs
