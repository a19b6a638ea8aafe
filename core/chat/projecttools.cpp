// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/projecttools.h"

#include "projects/projectstore.h"
#include "projects/searchengine.h"
#include "projects/textcontent.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Realm::Chat::ProjectTools {

namespace {
constexpr int kMaxResultChars = 24000; // about 6,000 tokens per call
constexpr int kMaxReadLines = 400;

QJsonObject schema(const QJsonObject &properties, const QStringList &required)
{
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties},
            {QStringLiteral("required"), QJsonArray::fromStringList(required)}};
}

QJsonObject property(const char *type, const char *description)
{
    return {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("description"), QLatin1String(description)}};
}

QString capped(QString text)
{
    if (text.size() > kMaxResultChars) {
        text.truncate(text.lastIndexOf(QLatin1Char('\n'), kMaxResultChars) + 1);
        text += QStringLiteral("[… cut: ask for less]\n");
    }
    return text;
}

QString searchProject(const Storage::DatabasePtr &db, const QString &projectId, const QJsonObject &args)
{
    Projects::SearchQuery query;
    query.projectId = projectId;
    query.text.pattern = args.value(QStringLiteral("query")).toString();
    query.text.mode = args.value(QStringLiteral("regex")).toBool() ? Projects::TextQuery::Mode::Regex : Projects::TextQuery::Mode::Literal;
    query.text.caseSensitive = args.value(QStringLiteral("case_sensitive")).toBool(false);
    if (const QString glob = args.value(QStringLiteral("path_glob")).toString(); !glob.isEmpty())
        query.globs << glob;
    query.limit = qBound(1, args.value(QStringLiteral("limit")).toInt(50), 200);
    if (query.text.pattern.isEmpty())
        return QStringLiteral("Give a query to search for.");
    QString out;
    Result<Projects::SearchSummary> summary = Projects::SearchEngine(db).search(query, [&out](const Projects::SearchMatch &m) {
        out += QStringLiteral("%1:%2: %3\n").arg(m.path).arg(m.line).arg(m.text.left(300));
        return true;
    });
    if (!summary)
        return summary.error().message;
    if (summary->matches == 0)
        return QStringLiteral("No matches.");
    if (summary->limitReached)
        out += QStringLiteral("[more matches: narrow the query or use path_glob]\n");
    return capped(out);
}

QString readFile(const Storage::DatabasePtr &db, const QString &projectId, const QJsonObject &args)
{
    const QString path = args.value(QStringLiteral("path")).toString();
    Projects::ProjectStore store(db);
    Result<Projects::ProjectFile> file = store.file(projectId, path);
    if (!file)
        return QStringLiteral("No file %1 in the project (list_files shows the paths).").arg(path);
    if (file->isBinary())
        return QStringLiteral("%1 is a binary file (%2 bytes).").arg(path).arg(file->size);
    Result<QByteArray> content = store.content(*file);
    if (!content)
        return content.error().message;
    const QStringList lines = Projects::decodeText(*content, Projects::encodingFromName(file->encoding)).split(QLatin1Char('\n'));
    const int first = qBound(1, args.value(QStringLiteral("start_line")).toInt(1), int(lines.size()));
    const int last = qBound(first, args.value(QStringLiteral("end_line")).toInt(first + kMaxReadLines - 1),
                            qMin(int(lines.size()), first + kMaxReadLines - 1));
    QString out = QStringLiteral("%1, lines %2-%3 of %4:\n").arg(path).arg(first).arg(last).arg(lines.size());
    for (int i = first; i <= last; ++i)
        out += QStringLiteral("%1  %2\n").arg(i, 5).arg(lines.at(i - 1));
    return capped(out);
}

QString listFiles(const Storage::DatabasePtr &db, const QString &projectId, const QJsonObject &args)
{
    Result<QList<Projects::ProjectFile>> files = Projects::ProjectStore(db).files(projectId);
    if (!files)
        return files.error().message;
    const QString prefix = args.value(QStringLiteral("path_prefix")).toString();
    const QString glob = args.value(QStringLiteral("glob")).toString();
    const Projects::PathGlob matcher(glob.isEmpty() ? QStringLiteral("*") : glob);
    const int limit = qBound(1, args.value(QStringLiteral("limit")).toInt(200), 1000);
    QString out;
    int shown = 0;
    int total = 0;
    for (const Projects::ProjectFile &f : *files) {
        if (!f.path.startsWith(prefix) || !matcher.matches(f.path))
            continue;
        ++total;
        if (shown < limit) {
            out += f.path + QLatin1Char('\n');
            ++shown;
        }
    }
    if (total == 0)
        return QStringLiteral("No files match.");
    if (total > shown)
        out += QStringLiteral("[%1 more: narrow with path_prefix or glob]\n").arg(total - shown);
    return capped(out);
}
} // namespace

QList<ToolSpec> specs()
{
    return {
        {QStringLiteral("search_project"),
         QStringLiteral("Search the text of every file in the project. Returns path:line: text for each matching line."),
         schema({{QStringLiteral("query"), property("string", "Text to find (or a regular expression with regex=true).")},
                 {QStringLiteral("regex"), property("boolean", "Treat the query as a regular expression.")},
                 {QStringLiteral("case_sensitive"), property("boolean", "Match case (default: no).")},
                 {QStringLiteral("path_glob"), property("string", "Only paths matching this glob, e.g. src/**/*.cpp.")},
                 {QStringLiteral("limit"), property("integer", "At most this many lines (default 50).")}},
                {QStringLiteral("query")})},
        {QStringLiteral("read_file"),
         QStringLiteral("Read lines of a file of the project, with line numbers (at most 400 lines per call)."),
         schema({{QStringLiteral("path"), property("string", "The file's path in the project, e.g. src/main.cpp.")},
                 {QStringLiteral("start_line"), property("integer", "First line, 1-based (default 1).")},
                 {QStringLiteral("end_line"), property("integer", "Last line (default: start_line + 399).")}},
                {QStringLiteral("path")})},
        {QStringLiteral("list_files"),
         QStringLiteral("List the paths of the project's files, optionally under a folder or matching a glob."),
         schema({{QStringLiteral("path_prefix"), property("string", "Only paths starting with this, e.g. src/net/.")},
                 {QStringLiteral("glob"), property("string", "Only paths matching this glob, e.g. *.h.")},
                 {QStringLiteral("limit"), property("integer", "At most this many paths (default 200).")}},
                {})},
    };
}

QString run(const Storage::DatabasePtr &db, const QString &projectId, const ToolCall &call)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(call.arguments.isEmpty() ? QByteArrayLiteral("{}") : call.arguments.toUtf8(), &error);
    if (!doc.isObject())
        return QStringLiteral("The arguments are not a JSON object (%1).").arg(error.errorString());
    QString result;
    if (call.name == QLatin1String("search_project"))
        result = searchProject(db, projectId, doc.object());
    else if (call.name == QLatin1String("read_file"))
        result = readFile(db, projectId, doc.object());
    else if (call.name == QLatin1String("list_files"))
        result = listFiles(db, projectId, doc.object());
    else
        result = QStringLiteral("There is no tool %1; use search_project, read_file or list_files.").arg(call.name);
    return result;
}

QString describe(const ToolCall &call)
{
    const QJsonObject args = QJsonDocument::fromJson(call.arguments.toUtf8()).object();
    QStringList parts;
    for (auto it = args.begin(); it != args.end(); ++it)
        parts << QStringLiteral("%1: %2").arg(it.key(), it.value().toVariant().toString());
    return QStringLiteral("%1(%2)").arg(call.name, parts.join(QStringLiteral(", ")));
}

} // namespace Realm::Chat::ProjectTools
