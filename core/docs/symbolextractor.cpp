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

Result<QList<DocSymbol>> SymbolExtractor::extract(const QList<SourceText> &files)
{
    const QString ctags = ctagsPath();
    if (ctags.isEmpty())
        return Error::unavailable(QCoreApplication::translate("Realm::Docs", "Universal Ctags is not installed: install the "
                                                                             "universal-ctags package to extract symbols."));
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error::io(QCoreApplication::translate("Realm::Docs", "Cannot create a temporary folder: %1").arg(dir.errorString()));
    QStringList arguments{QStringLiteral("--output-format=json"), QStringLiteral("--fields=+nSeKaZsl"), QStringLiteral("--sort=no"),
                          QStringLiteral("--kinds-C=+p"), QStringLiteral("--kinds-C++=+p"), QStringLiteral("-f"), QStringLiteral("-")};
    QHash<QString, QStringList> linesOf;
    for (const SourceText &file : files) {
        const QString target = dir.filePath(file.path);
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile out(target);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.text.toUtf8()) < 0)
            return Error::io(QCoreApplication::translate("Realm::Docs", "Cannot write %1: %2").arg(target, out.errorString()));
        linesOf.insert(file.path, file.text.split(QLatin1Char('\n')));
        arguments << file.path;
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
        s.line = tag.value(QStringLiteral("line")).toInt();
        s.endLine = tag.value(QStringLiteral("end")).toInt(s.line);
        const QString language = tag.value(QStringLiteral("language")).toString();
        s.rawComment = DocComments::commentFor(linesOf.value(s.path), s.line, language);
        s.doc = DocComments::parse(s.rawComment);
        symbols.append(s);
    }
    return symbols;
}

} // namespace Realm::Docs
