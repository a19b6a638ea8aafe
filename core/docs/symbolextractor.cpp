// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/symbolextractor.h"

#include "docs/doccomments.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QVarLengthArray>
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
    const qsizetype colon = typeref.indexOf(QLatin1Char(':'));
    const QStringView kind = QStringView(typeref).first(qMax<qsizetype>(colon, 0));
    const QStringView name = QStringView(typeref).mid(colon + 1);
    if (kind == QLatin1String("struct") || kind == QLatin1String("union") || kind == QLatin1String("enum"))
        return kind + QLatin1Char(' ') + name;
    return name.toString();
}

// A value of ctags' own tags format with its escapes undone (\\, \t, \n,
// \r, \a, \b, \v, \f and \xHH for other control characters).
QString unescaped(QByteArrayView value)
{
    if (!value.contains('\\'))
        return QString::fromUtf8(value);
    QByteArray out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        if (c != '\\' || i + 1 == value.size()) {
            out += c;
            continue;
        }
        const char e = value.at(++i);
        switch (e) {
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'v': out += '\v'; break;
        case 'f': out += '\f'; break;
        case 'x':
            if (i + 2 < value.size()) {
                bool ok = false;
                const int code = value.sliced(i + 1, 2).toByteArray().toInt(&ok, 16);
                if (ok) {
                    out += char(code);
                    i += 2;
                    break;
                }
            }
            out += "\\x";
            break;
        default: out += e; break; // "\\" and anything ctags may add
        }
    }
    return QString::fromUtf8(out);
}

// The name a file is given to ctags: its own path after "./" (a file named
// "-fMakefile" must stay a file name), unless the path holds characters
// ctags' output cannot carry (tabs, line breaks, backslashes, which it
// writes escaped or not at all); those get a copy under a plain name.
bool needsPlainName(const QString &path)
{
    for (const QChar c : path) {
        if (c.unicode() < 0x20 || c == QLatin1Char('\\') || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

QString plainNameFor(qsizetype index, const QString &path)
{
    QString name = QFileInfo(path).fileName();
    for (QChar &c : name) {
        if (c.unicode() < 0x20 || c == QLatin1Char('\\') || c.unicode() == 0x7f)
            c = QLatin1Char('_');
    }
    return QStringLiteral("%1/%2").arg(index).arg(name);
}

// The few texts a field takes again and again (kinds, access, scopes),
// made into strings once: a large tree has tens of thousands of tags.
class Interned final {
public:
    explicit Interned(qsizetype capacity) : m_capacity(capacity) {}

    const QString &operator()(QByteArrayView value)
    {
        for (const auto &[bytes, text] : m_known) {
            if (bytes == value)
                return text;
        }
        if (m_known.size() >= m_capacity)
            m_known.removeFirst(); // the one seen first
        m_known.append({value.toByteArray(), unescaped(value)});
        return m_known.last().second;
    }

private:
    qsizetype m_capacity;
    QList<std::pair<QByteArray, QString>> m_known;
};

// One line of `ctags --output-format=u-ctags --excmd=number`:
// name <TAB> file <TAB> line;" <TAB> kind <TAB> key:value…
struct TagLine {
    QByteArrayView name;
    QByteArrayView file;
    QByteArrayView kind;
    QVarLengthArray<std::pair<QByteArrayView, QByteArrayView>, 12> fields;

    QByteArrayView field(QByteArrayView key) const
    {
        for (const auto &[k, v] : fields) {
            if (k == key)
                return v;
        }
        return {};
    }
};

std::optional<TagLine> parseTagLine(QByteArrayView line)
{
    if (line.isEmpty() || line.startsWith("!_"))
        return std::nullopt; // pseudo tags
    TagLine tag;
    qsizetype column = 0;
    qsizetype at = 0;
    while (at <= line.size()) {
        qsizetype end = line.indexOf('\t', at);
        if (end < 0)
            end = line.size();
        const QByteArrayView part = line.sliced(at, end - at);
        switch (column++) {
        case 0: tag.name = part; break;
        case 1: tag.file = part; break;
        case 2: break; // the address: the line number is also a field
        case 3: tag.kind = part; break;
        default:
            if (const qsizetype colon = part.indexOf(':'); colon > 0)
                tag.fields.append({part.first(colon), part.sliced(colon + 1)});
        }
        at = end + 1;
    }
    if (column < 4)
        return std::nullopt;
    return tag;
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
    if (files.isEmpty())
        return QList<DocSymbol>();
    // Copies of the texts for ctags to read under their paths, unless they
    // are on disk as they are; and in a folder of their own, copies of
    // those whose names ctags cannot write back.
    std::optional<QTemporaryDir> copies;
    std::optional<QTemporaryDir> plainCopies;
    const auto writeCopy = [](std::optional<QTemporaryDir> &dir, const QString &name, const QString &text) -> Result<QString> {
        if (!dir) {
            dir.emplace();
            if (!dir->isValid())
                return Error::io(QCoreApplication::translate("Realm::Docs", "Cannot create a temporary folder: %1").arg(dir->errorString()));
        }
        const QString target = QDir(dir->path()).filePath(name);
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile out(target);
        if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0)
            return Error::io(QCoreApplication::translate("Realm::Docs", "Cannot write %1: %2").arg(target, out.errorString()));
        return target;
    };
    QStringList names; // as ctags is given them, in the order of `files`
    for (qsizetype i = 0; i < files.size(); ++i) {
        const SourceText &file = files.at(i);
        if (needsPlainName(file.path)) {
            Result<QString> copy = writeCopy(plainCopies, plainNameFor(i, file.path), file.text);
            if (!copy)
                return copy.error();
            names.append(*copy);
            continue;
        }
        if (onDiskRoot.isEmpty()) {
            if (Result<QString> copy = writeCopy(copies, file.path, file.text); !copy)
                return copy.error();
        }
        names.append(QStringLiteral("./") + file.path);
    }
    QHash<QByteArray, qsizetype> fileAt;
    for (qsizetype i = 0; i < names.size(); ++i)
        fileAt.insert(names.at(i).toUtf8(), i);

    // ctags' own tags format rather than JSON: the same fields, written and
    // read in less than half the time.
    QStringList arguments{QStringLiteral("--output-format=u-ctags"), QStringLiteral("--excmd=number"),
                          QStringLiteral("--fields=+nSeKaZsl"), QStringLiteral("--sort=no"), QStringLiteral("--kinds-C=+p"),
                          QStringLiteral("--kinds-C++=+p"), QStringLiteral("-f"), QStringLiteral("-")};
    arguments += names;
    QProcess process;
    process.setWorkingDirectory(!onDiskRoot.isEmpty() ? onDiskRoot : copies ? copies->path() : plainCopies->path());
    process.start(ctags, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return Error::failed(QCoreApplication::translate("Realm::Docs", "Universal Ctags failed: %1")
                                 .arg(QString::fromUtf8(process.readAllStandardError()).trimmed()));
    const QByteArray output = process.readAllStandardOutput();

    // Per file, made when its first tag comes: its lines and language.
    struct FileState {
        std::optional<DocComments::SourceLines> lines;
        QByteArray languageBytes;
        QString language;
    };
    std::vector<FileState> state(size_t(files.size()));
    QByteArrayView lastName; // ctags writes a file's tags together
    qsizetype lastFile = -1;
    QList<DocSymbol> symbols;
    Interned kinds(32);
    Interned accesses(8);
    Interned scopes(8); // a type's members come together
    for (qsizetype at = 0; at < output.size();) {
        qsizetype end = output.indexOf('\n', at);
        if (end < 0)
            end = output.size();
        const std::optional<TagLine> tag = parseTagLine(QByteArrayView(output).sliced(at, end - at));
        at = end + 1;
        if (!tag)
            continue;
        if (tag->file != lastName) {
            const auto file = fileAt.constFind(tag->file.toByteArray());
            lastName = tag->file;
            lastFile = file == fileAt.cend() ? -1 : *file;
        }
        if (lastFile < 0)
            continue;
        const auto field = [&](const char *key) { return unescaped(tag->field(key)); };
        DocSymbol s;
        s.name = unescaped(tag->name);
        if (s.name.startsWith(QLatin1String("__anon")) || s.name.startsWith(QLatin1Char('<')))
            continue; // lambdas (Kotlin's "<lambda>"), anonymous namespaces and structs
        s.kind = kinds(tag->kind);
        s.signature = field("signature");
        s.returnType = returnTypeOf(field("typeref"));
        // "scope:class:A::B": the scope's kind, then its name.
        const QByteArrayView scope = tag->field("scope");
        s.scope = scopes(scope.sliced(scope.indexOf(':') + 1));
        if (s.scope.contains(QLatin1String("__anon")))
            continue; // inside an anonymous namespace (file-local) or an anonymous struct: not API
        s.qualifiedName = s.scope.isEmpty() ? s.name : s.scope + QStringLiteral("::") + s.name;
        s.access = accesses(tag->field("access"));
        s.path = files.at(lastFile).path;
        s.line = tag->field("line").toInt();
        bool hasEnd = false;
        s.endLine = tag->field("end").toInt(&hasEnd);
        if (!hasEnd)
            s.endLine = s.line;
        FileState &file = state[size_t(lastFile)];
        if (!file.lines)
            file.lines.emplace(files.at(lastFile).text);
        if (const QByteArrayView language = tag->field("language"); language != file.languageBytes) {
            file.languageBytes = language.toByteArray();
            file.language = unescaped(language);
        }
        s.language = file.language;
        s.rawComment = DocComments::commentFor(*file.lines, s.line, file.language);
        s.doc = DocComments::parse(s.rawComment);
        symbols.append(std::move(s));
    }
    return symbols;
}

Result<QList<DocSymbol>> SymbolExtractor::extractAll(const QList<SourceText> &files, const CancellationToken *cancel,
                                                     const std::function<void(qint64, qint64)> &progress, const QString &onDiskRoot)
{
    // Batches of about the same size, a few per core so that one large
    // batch does not leave the other cores idle at the end.
    qint64 totalSize = 0;
    for (const SourceText &file : files)
        totalSize += file.text.size() + 1;
    const qint64 wanted = qMax(1, QThread::idealThreadCount()) * 4;
    ExtractionQueue queue(cancel, onDiskRoot, qMin(ExtractionQueue::kDefaultBatchBytes, totalSize / wanted + 1));
    for (const SourceText &file : files)
        queue.add(file);
    return queue.finish(progress);
}

struct ExtractionQueue::Batch {
    QList<SourceText> files;
    Result<QList<DocSymbol>> symbols = Error::cancelled();
    QFuture<void> done;
};

ExtractionQueue::ExtractionQueue(const CancellationToken *cancel, const QString &onDiskRoot, qint64 batchBytes)
    : m_cancel(cancel), m_onDiskRoot(onDiskRoot), m_batchBytes(qMax<qint64>(1, batchBytes)), m_pool(std::make_unique<QThreadPool>())
{
    m_pool->setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
}

ExtractionQueue::~ExtractionQueue()
{
    // Left without finish() (the reading failed): batches not started yet
    // are dropped, running ones awaited.
    m_pool->clear();
    m_pool->waitForDone();
}

void ExtractionQueue::add(SourceText file)
{
    // At most a few hundred files per run: a command line has a limit.
    constexpr qsizetype kMaxFiles = 250;
    m_pendingBytes += file.text.size() + 1;
    m_pending.append(std::move(file));
    ++m_files;
    if (m_pendingBytes >= m_batchBytes || m_pending.size() >= kMaxFiles)
        submit();
}

void ExtractionQueue::submit()
{
    if (m_pending.isEmpty())
        return;
    auto batch = std::make_unique<Batch>();
    batch->files = std::move(m_pending);
    m_pending.clear();
    m_pendingBytes = 0;
    Batch *b = batch.get();
    b->done = QtConcurrent::run(m_pool.get(), [this, b] {
        if (!(m_cancel && m_cancel->isCancelled()))
            b->symbols = SymbolExtractor::extract(b->files, m_onDiskRoot);
    });
    m_batches.push_back(std::move(batch));
}

Result<QList<DocSymbol>> ExtractionQueue::finish(const std::function<void(qint64, qint64)> &progress)
{
    submit();
    qint64 done = 0;
    for (const std::unique_ptr<Batch> &batch : m_batches) {
        batch->done.waitForFinished();
        done += batch->files.size();
        if (progress)
            progress(done, m_files);
    }
    if (m_cancel && m_cancel->isCancelled())
        return Error::cancelled();
    qsizetype count = 0;
    for (const std::unique_ptr<Batch> &batch : m_batches) {
        if (!batch->symbols)
            return batch->symbols.error();
        count += batch->symbols->size();
    }
    // One allocation, and each symbol moved: joining the batches' lists
    // with += showed up in profiles of large trees.
    QList<DocSymbol> symbols;
    symbols.reserve(count);
    for (const std::unique_ptr<Batch> &batch : m_batches) {
        for (DocSymbol &symbol : *batch->symbols)
            symbols.append(std::move(symbol));
    }
    m_batches.clear();
    return symbols;
}

} // namespace Realm::Docs
