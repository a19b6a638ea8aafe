// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/contextbuilder.h"

#include "chat/codeindex.h"
#include "projects/projectstore.h"
#include "projects/textcontent.h"
#include "storage/statement.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QByteArrayMatcher>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>

namespace Realm::Chat {

namespace {
Q_LOGGING_CATEGORY(lcContext, "realm.chat.context", QtInfoMsg)
}

namespace {
constexpr int kLinesAround = 4;        // shown around a matching chunk
constexpr double kRepoMapShare = 0.15; // of the budget, at most
constexpr int kSmallestUsefulItem = 120; // tokens; smaller leftovers are not worth sending

struct FileCandidate {
    QString path;
    double score = 0;
    QList<QPair<int, int>> ranges; // 1-based first line, line count
};

// What context assembly needs to know of a project's files: the paths of
// its text files (for path matches) and a summary of its top folders.
// Remembered per project revision: reading 78,000 paths takes a while, and
// questions come again and again about the same project.
struct ProjectOutline {
    qint64 revision = -1;
    QStringList textPaths;
    QByteArray lowerPaths;  // the text paths, lower-cased, each followed by '\n'
    QList<qsizetype> starts; // where each path starts in lowerPaths
    QString folders;         // "src/ (120 files)" lines
};

std::shared_ptr<const ProjectOutline> outlineOf(const Storage::DatabasePtr &db, const QString &projectId)
{
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<const ProjectOutline>> cache;
    Storage::Statement revisionQuery(db->handle(), "SELECT revision FROM projects WHERE id = ?");
    revisionQuery.bindAll(projectId);
    const qint64 revision = revisionQuery.next() ? revisionQuery.columnInt(0) : -1;
    {
        QMutexLocker lock(&mutex);
        if (const auto it = cache.constFind(projectId); it != cache.cend() && (*it)->revision == revision)
            return *it;
    }
    auto outline = std::make_shared<ProjectOutline>();
    outline->revision = revision;
    Storage::Statement q(db->handle(), "SELECT f.path, b.is_binary FROM files f JOIN blobs b ON b.sha256 = f.blob_sha256 "
                                       "WHERE f.project_id = ? AND f.deleted_at IS NULL ORDER BY f.path");
    q.bindAll(projectId);
    QMap<QString, int> folders; // top folder (with '/') or top-level file -> files
    while (q.next()) {
        const QString path = q.columnText(0);
        if (q.columnInt(1) == 0) {
            outline->starts << outline->lowerPaths.size();
            outline->lowerPaths += path.toLower().toUtf8() + '\n';
            outline->textPaths << path;
        }
        const qsizetype slash = path.indexOf(QLatin1Char('/'));
        folders[slash < 0 ? path : path.left(slash + 1)] += 1;
    }
    for (auto it = folders.cbegin(); it != folders.cend() && it != std::next(folders.cbegin(), qMin<qsizetype>(folders.size(), 200)); ++it)
        outline->folders += it.key().endsWith(QLatin1Char('/')) ? QStringLiteral("%1 (%2 files)\n").arg(it.key()).arg(it.value())
                                                                : it.key() + QLatin1Char('\n');
    QMutexLocker lock(&mutex);
    cache.insert(projectId, outline);
    return outline;
}

// Files whose path contains a question word: "importer" -> projectimporter.cpp.
QHash<QString, int> pathMatches(const ProjectOutline &outline, const QStringList &words)
{
    // One pass of a fast substring search over all paths per word.
    QHash<QString, int> matches;
    for (const QString &word : words) {
        if (word.size() < 3)
            continue;
        const QByteArrayMatcher matcher(word.toUtf8());
        int found = 0;
        for (qsizetype at = matcher.indexIn(outline.lowerPaths); at >= 0 && found < 50;) {
            const qsizetype index = std::upper_bound(outline.starts.cbegin(), outline.starts.cend(), at) - outline.starts.cbegin() - 1;
            matches[outline.textPaths.at(index)] += 1;
            ++found;
            const qsizetype next = index + 1 < outline.starts.size() ? outline.starts.at(index + 1) : outline.lowerPaths.size();
            at = matcher.indexIn(outline.lowerPaths, next);
        }
    }
    return matches;
}

// Merges overlapping or touching line ranges, widened by kLinesAround.
QList<QPair<int, int>> merged(QList<QPair<int, int>> ranges)
{
    std::sort(ranges.begin(), ranges.end());
    QList<QPair<int, int>> out;
    for (auto [start, count] : ranges) {
        start = qMax(1, start - kLinesAround);
        const int end = start + count + 2 * kLinesAround;
        if (!out.isEmpty() && start <= out.last().first + out.last().second)
            out.last().second = qMax(out.last().second, end - out.last().first);
        else
            out.append({start, end - start});
    }
    return out;
}

QString linesOf(const QStringList &lines, int start, int count)
{
    return lines.mid(start - 1, count).join(QLatin1Char('\n'));
}

QString fence(const QString &path, const QString &code)
{
    const QString language = QFileInfo(path).suffix();
    QString ticks = QStringLiteral("```");
    while (code.contains(ticks))
        ticks += QLatin1Char('`');
    return ticks + language + QLatin1Char('\n') + code + QLatin1Char('\n') + ticks;
}

struct PickedFile {
    QString path;
    QString text;
    QByteArray sha256; // the content's: symbols are remembered by it
};

// Signatures of the given files from Universal Ctags, "path:" then one
// "  kind name(signature)" line per symbol. Empty when ctags is missing.
// A file's symbols are remembered by its content, so follow-up questions
// about the same code do not run ctags again.
QString symbolMap(const QList<PickedFile> &files)
{
    static const QString ctags = [] {
        for (const char *candidate : {"/usr/bin/ctags-universal", "/usr/local/bin/ctags-universal"}) {
            if (QFileInfo::exists(QLatin1String(candidate)))
                return QString::fromLatin1(candidate);
        }
        return QString();
    }();
    static QMutex mutex;
    static QHash<QByteArray, QStringList> remembered; // path + content hash -> symbol lines
    if (ctags.isEmpty() || files.isEmpty())
        return {};
    // The best few files are enough for a map; ctags on forty big files
    // would cost more than all the rest of the context.
    // Huge files (generated tables, a 300 KB kernel core.c) take ctags the
    // longest and their chunks already show the code that matters.
    constexpr int kMapFiles = 4;
    constexpr qsizetype kLargestMappedFile = 128 * 1024;
    QList<PickedFile> mapped;
    for (const PickedFile &f : files) {
        if (mapped.size() < kMapFiles && f.text.size() <= kLargestMappedFile)
            mapped.append(f);
    }
    const auto keyOf = [](const PickedFile &f) -> QByteArray { return f.path.toUtf8() + '\0' + f.sha256; };
    QHash<QString, QStringList> symbols; // path -> lines in source order
    QList<PickedFile> missing;
    {
        QMutexLocker lock(&mutex);
        for (const PickedFile &f : mapped) {
            if (const auto it = remembered.constFind(keyOf(f)); it != remembered.cend())
                symbols.insert(f.path, *it);
            else
                missing.append(f);
        }
    }
    QTemporaryDir dir;
    if (!missing.isEmpty() && dir.isValid()) {
        QStringList arguments{QStringLiteral("--output-format=json"), QStringLiteral("--fields=+nS"), QStringLiteral("--sort=no"),
                              QStringLiteral("-f"), QStringLiteral("-")};
        for (const PickedFile &f : std::as_const(missing)) {
            const QString target = dir.filePath(f.path);
            QDir().mkpath(QFileInfo(target).absolutePath());
            QFile out(target);
            if (out.open(QIODevice::WriteOnly))
                out.write(f.text.toUtf8());
            // "./" first: a file named "-f/some/path.c" must stay a file
            // name, not become ctags' option to write there.
            arguments << QStringLiteral("./") + f.path;
        }
        QProcess process;
        process.setWorkingDirectory(dir.path());
        process.start(ctags, arguments);
        if (process.waitForFinished(10000)) {
            static const QRegularExpression anonymous(QStringLiteral("(^|::)__anon[0-9a-f]+"));
            for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
                const QJsonObject tag = QJsonDocument::fromJson(line).object();
                const QString kind = tag.value(QStringLiteral("kind")).toString();
                if (tag.value(QStringLiteral("_type")).toString() != QLatin1String("tag") || kind == QLatin1String("namespace")
                    || tag.value(QStringLiteral("name")).toString().startsWith(QLatin1String("__anon")) // lambdas
                    || kind == QLatin1String("local") || kind == QLatin1String("parameter") || kind == QLatin1String("variable"))
                    continue;
                QString scope = tag.value(QStringLiteral("scope")).toString();
                scope.remove(anonymous);
                if (scope.startsWith(QLatin1String("::")))
                    scope.remove(0, 2);
                symbols[tag.value(QStringLiteral("path")).toString().mid(2)] // without the "./"
                    << QStringLiteral("  %1 %2%3%4")
                           .arg(kind, scope.isEmpty() ? QString() : scope + QStringLiteral("::"), tag.value(QStringLiteral("name")).toString(),
                                tag.value(QStringLiteral("signature")).toString());
            }
            QMutexLocker lock(&mutex);
            if (remembered.size() > 4096)
                remembered.clear(); // a crude bound; ctags is cheap enough to run again
            for (const PickedFile &f : std::as_const(missing))
                remembered.insert(keyOf(f), symbols.value(f.path));
        }
    }
    QString out;
    for (const PickedFile &f : mapped) {
        if (const QStringList lines = symbols.value(f.path); !lines.isEmpty())
            out += f.path + QStringLiteral(":\n") + lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    return out;
}
} // namespace

void ContextBuilder::warmUp(const Storage::DatabasePtr &db, const QString &projectId)
{
    outlineOf(db, projectId);
}

QList<ContextItem> ContextBuilder::mentionedFiles(const Storage::DatabasePtr &db, const QString &projectId, const QString &question)
{
    static const QRegularExpression mention(QStringLiteral("(?:^|\\s)@([\\w./+-]+[\\w+-])"));
    QList<ContextItem> items;
    if (projectId.isEmpty())
        return items;
    const std::shared_ptr<const ProjectOutline> outline = outlineOf(db, projectId);
    Projects::ProjectStore store(db);
    QStringList seen;
    for (auto it = mention.globalMatch(question); it.hasNext();) {
        const QString named = it.next().captured(1);
        // The exact path, or the one file with that name.
        QString path;
        if (outline->textPaths.contains(named)) {
            path = named;
        } else {
            const QString suffix = QLatin1Char('/') + named;
            for (const QString &candidate : outline->textPaths) {
                if (candidate.endsWith(suffix) || candidate == named) {
                    if (!path.isEmpty()) {
                        path.clear(); // ambiguous: the user has to say which
                        break;
                    }
                    path = candidate;
                }
            }
        }
        if (path.isEmpty() || seen.contains(path))
            continue;
        seen << path;
        Result<Projects::ProjectFile> file = store.file(projectId, path);
        Result<QByteArray> content = file ? store.content(*file) : Result<QByteArray>(file.error());
        if (!content)
            continue;
        items.append({QStringLiteral("file"), path,
                      fence(path, Projects::decodeText(*content, Projects::encodingFromName(file->encoding))), false});
    }
    return items;
}

int ContextBuilder::estimateTokens(QStringView text)
{
    return int((text.size() + 3) / 4);
}

Result<ContextBuilder::Outcome> ContextBuilder::build(const QString &projectId, const QString &question, const Options &options,
                                                      const CancellationToken *cancel,
                                                      const std::function<void(qint64, qint64)> &indexProgress) const
{
    Outcome outcome;
    outcome.budgetTokens = int(options.contextWindowTokens * options.contextShare) - estimateTokens(question);
    for (const ContextItem &item : options.alreadyAttached)
        outcome.budgetTokens -= estimateTokens(item.text);
    if (outcome.budgetTokens < kSmallestUsefulItem)
        return outcome; // the explicit context fills the budget already

    QElapsedTimer phase;
    phase.start();
    // Where the time goes: QT_LOGGING_RULES="realm.chat.context.debug=true".
    const auto mark = [&](const char *what) {
        qCDebug(lcContext, "%s %.1f ms", what, double(phase.nsecsElapsed()) / 1e6);
        phase.restart();
    };
    CodeIndex index(m_db);
    Result<CodeIndex::UpdateStats> updated = index.update(projectId, cancel, indexProgress);
    if (!updated)
        return updated.error();
    outcome.indexedBlobs = updated->blobs;
    mark("index update");

    const QStringList words = CodeIndex::queryWords(question);
    Result<QList<CodeHit>> hits = index.search(projectId, words, qBound(60, outcome.budgetTokens / 100, 400));
    if (!hits)
        return hits.error();
    mark("search");

    // Rank files: their best chunks, plus a bonus for a path naming the question.
    QHash<QString, FileCandidate> candidates;
    double bestScore = 0;
    for (const CodeHit &hit : *hits) {
        FileCandidate &c = candidates[hit.path];
        c.path = hit.path;
        c.score += c.ranges.isEmpty() ? hit.score : hit.score * 0.3;
        c.ranges.append({hit.startLine, hit.lineCount});
        bestScore = qMax(bestScore, hit.score);
    }
    const std::shared_ptr<const ProjectOutline> outline = outlineOf(m_db, projectId);
    const QHash<QString, int> named = pathMatches(*outline, words);
    mark("path matches");
    for (auto it = named.cbegin(); it != named.cend(); ++it) {
        FileCandidate &c = candidates[it.key()];
        c.path = it.key();
        c.score += qMax(bestScore, 1.0) * 0.5 * it.value();
    }
    QList<FileCandidate> ranked = candidates.values();
    std::sort(ranked.begin(), ranked.end(), [](const FileCandidate &a, const FileCandidate &b) {
        return a.score != b.score ? a.score > b.score : a.path < b.path;
    });
    // Bigger budgets take more files; each file gets a fair share.
    const int maxFiles = qBound(3, outcome.budgetTokens / 1500, qMax(3, options.maxFiles));
    if (ranked.size() > maxFiles)
        ranked.resize(maxFiles);

    const int mapBudget = options.repoMap ? int(outcome.budgetTokens * kRepoMapShare) : 0;
    int remaining = outcome.budgetTokens - mapBudget;
    Projects::ProjectStore store(m_db);
    QList<PickedFile> picked; // for the symbol map
    for (const FileCandidate &candidate : std::as_const(ranked)) {
        if (cancel && cancel->isCancelled())
            return Error::cancelled();
        if (remaining < kSmallestUsefulItem)
            break;
        Result<Projects::ProjectFile> file = store.file(projectId, candidate.path);
        Result<QByteArray> content = file ? store.content(*file) : Result<QByteArray>(file.error());
        if (!content || file->isBinary())
            continue;
        const QString text = Projects::decodeText(*content, Projects::encodingFromName(file->encoding));
        picked.append({candidate.path, text, file->sha256});
        const QStringList lines = text.split(QLatin1Char('\n'));
        // Each file may use its share of what is left, the best-ranked first.
        const int filesLeft = int(ranked.size() - picked.size()) + 1;
        int fileBudget = qMax(remaining / qMax(1, qMin(filesLeft, 3)), qMin(remaining, 2 * kSmallestUsefulItem));
        // A whole file when it fits its share (or only its name matched:
        // then its head), else the chunks that matched, best first.
        QList<QPair<int, int>> ranges;
        if (estimateTokens(text) + 20 <= fileBudget || candidate.ranges.isEmpty()) {
            ranges = {{1, int(qMin<qsizetype>(lines.size(), candidate.ranges.isEmpty() ? 80 : lines.size()))}};
        } else {
            QList<QPair<int, int>> chosen;
            int planned = 0;
            for (const auto &range : candidate.ranges) { // in score order
                const int cost = (range.second + 2 * kLinesAround) * 10; // ~40 characters a line
                if (planned + cost > fileBudget && !chosen.isEmpty())
                    break;
                chosen.append(range);
                planned += cost;
            }
            ranges = merged(chosen);
        }
        for (const auto &[start, count] : std::as_const(ranges)) {
            const int last = qMin(int(lines.size()), start + count - 1);
            QString code = linesOf(lines, start, last - start + 1);
            QString title = QStringLiteral("%1:%2-%3").arg(candidate.path).arg(start).arg(last);
            const int limit = qMin(remaining, fileBudget);
            if (estimateTokens(fence(candidate.path, code)) > limit) {
                // Cut to what fits, at a line end.
                code = code.left(qMax(0, (limit - 10) * 4));
                code = code.left(code.lastIndexOf(QLatin1Char('\n')) + 1);
                if (estimateTokens(code) < kSmallestUsefulItem)
                    break;
                code.chop(1);
                title = QStringLiteral("%1:%2-%3").arg(candidate.path).arg(start).arg(start + int(code.count(QLatin1Char('\n'))));
            }
            const ContextItem item{QStringLiteral("file"), title, fence(candidate.path, code), false};
            const int tokens = estimateTokens(item.text);
            outcome.usedTokens += tokens;
            remaining -= tokens;
            fileBudget -= tokens;
            outcome.items.append(item);
            if (remaining < kSmallestUsefulItem || fileBudget < kSmallestUsefulItem)
                break;
        }
    }

    mark("files");
    if (options.repoMap) {
        QString map = QStringLiteral("Folders:\n") + outline->folders;
        mark("folders");
        const QString symbols = symbolMap(picked);
        mark("symbols");
        if (!symbols.isEmpty())
            map += QStringLiteral("\nSymbols in the files above:\n") + symbols;
        const int mapLimit = mapBudget + qMax(0, remaining - kSmallestUsefulItem);
        if (estimateTokens(map) > mapLimit) {
            map = map.left(mapLimit * 4);
            map = map.left(map.lastIndexOf(QLatin1Char('\n')) + 1);
        }
        if (estimateTokens(map) >= 10) {
            outcome.items.append({QStringLiteral("repomap"), QCoreApplication::translate("Realm::Chat", "Repository map"), map, false});
            outcome.usedTokens += estimateTokens(map);
        }
    }
    return outcome;
}

} // namespace Realm::Chat
