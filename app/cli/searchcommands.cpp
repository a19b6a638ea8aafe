// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchcommands.h"

#include "clioutput.h"
#include "projects/projectstore.h"
#include "projects/searchengine.h"
#include "projects/textcontent.h"

#include <QJsonArray>

#include <cstdio>
#include <unistd.h>

namespace Realm::Cli {

using namespace Realm::Projects;

namespace {
// Colours like ripgrep's, on a terminal only (and never with NO_COLOR set).
bool useColour()
{
    return isatty(fileno(stdout)) == 1 && qEnvironmentVariable("TERM") != QLatin1String("dumb")
           && !qEnvironmentVariableIsSet("NO_COLOR");
}

QString highlighted(const SearchMatch &m)
{
    QString out;
    qsizetype at = 0;
    for (const MatchRange &r : m.ranges) {
        out += QStringView(m.text).sliced(at, r.start - at);
        out += QStringLiteral("\033[1;31m") + QStringView(m.text).sliced(r.start, r.length) + QStringLiteral("\033[0m");
        at = r.start + r.length;
    }
    out += QStringView(m.text).sliced(at);
    return out;
}
} // namespace

int runSearch(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("project"), QStringLiteral("Search only this project (name or id)."), QStringLiteral("project")});
    parser.addOption({{QStringLiteral("F"), QStringLiteral("literal")}, QStringLiteral("Treat the query as plain text (default).")});
    parser.addOption({{QStringLiteral("e"), QStringLiteral("regex")}, QStringLiteral("Treat the query as a regular expression (PCRE syntax).")});
    parser.addOption({{QStringLiteral("i"), QStringLiteral("ignore-case")}, QStringLiteral("Match regardless of case.")});
    parser.addOption({{QStringLiteral("w"), QStringLiteral("word")}, QStringLiteral("Match whole words only.")});
    parser.addOption({{QStringLiteral("g"), QStringLiteral("glob")}, QStringLiteral("Only paths matching this glob; !GLOB excludes (repeatable)."), QStringLiteral("glob")});
    parser.addOption({QStringLiteral("lang"), QStringLiteral("Only files in this language (e.g. cpp, python)."), QStringLiteral("language")});
    parser.addOption({{QStringLiteral("C"), QStringLiteral("context")}, QStringLiteral("Show N lines around each match."), QStringLiteral("n")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("Stop after N matching lines (default 100)."), QStringLiteral("n")});
    parser.addOption({QStringLiteral("all"), QStringLiteral("Show every matching line.")});
    parser.addPositionalArgument(QStringLiteral("query"), QStringLiteral("Text or regular expression to find."));
    // Short options are single letters here (-i, -w, -e, -F, -g, -C).
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    if (int rc = parseOrExit(parser, inv, QStringLiteral("[options] [--] QUERY"), 1, 1); rc >= 0)
        return rc;
    if (parser.isSet(QStringLiteral("literal")) && parser.isSet(QStringLiteral("regex"))) {
        Output::error(QStringLiteral("Choose one of --literal and --regex."));
        return ExitUsage;
    }
    SearchQuery query;
    query.text.pattern = parser.positionalArguments().first();
    query.text.mode = parser.isSet(QStringLiteral("regex")) ? TextQuery::Mode::Regex : TextQuery::Mode::Literal;
    query.text.caseSensitive = !parser.isSet(QStringLiteral("ignore-case"));
    query.text.wholeWord = parser.isSet(QStringLiteral("word"));
    query.globs = parser.values(QStringLiteral("glob"));
    query.language = parser.value(QStringLiteral("lang"));
    bool ok = true;
    if (parser.isSet(QStringLiteral("context")))
        query.contextLines = parser.value(QStringLiteral("context")).toInt(&ok);
    if (!ok || query.contextLines < 0) {
        Output::error(QStringLiteral("--context needs a number of lines."));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("all")))
        query.limit = 0;
    else if (parser.isSet(QStringLiteral("limit"))) {
        query.limit = parser.value(QStringLiteral("limit")).toLongLong(&ok);
        if (!ok || query.limit <= 0) {
            Output::error(QStringLiteral("--limit needs a positive number (or use --all)."));
            return ExitUsage;
        }
    }

    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    if (parser.isSet(QStringLiteral("project"))) {
        Result<Project> p = ProjectStore(*db).find(parser.value(QStringLiteral("project")));
        if (!p)
            return fail(p.error());
        query.projectId = p->id;
    }
    const bool qualifyPaths = query.projectId.isEmpty();
    const bool colour = !inv.json && useColour();

    const Result<SearchSummary> summary = SearchEngine(*db).search(query, [&](const SearchMatch &m) {
        const QString path = qualifyPaths ? m.projectName + QLatin1Char('/') + m.path : m.path;
        if (inv.json) {
            QJsonArray ranges;
            for (const MatchRange &r : m.ranges)
                ranges.append(QJsonArray{qint64(r.start), qint64(r.length)});
            QJsonObject o{{QStringLiteral("project"), m.projectName}, {QStringLiteral("project_id"), m.projectId},
                          {QStringLiteral("path"), m.path}, {QStringLiteral("line"), m.line},
                          {QStringLiteral("column"), m.column}, {QStringLiteral("text"), m.text},
                          {QStringLiteral("ranges"), ranges}};
            if (query.contextLines > 0) {
                o.insert(QStringLiteral("before"), QJsonArray::fromStringList(m.before));
                o.insert(QStringLiteral("after"), QJsonArray::fromStringList(m.after));
            }
            Output::printJson(o);
            return true;
        }
        for (qsizetype i = 0; i < m.before.size(); ++i)
            Output::print(QStringLiteral("%1-%2-%3").arg(path, QString::number(m.line - m.before.size() + i), m.before[i]));
        if (colour)
            Output::print(QStringLiteral("\033[35m%1\033[0m:\033[32m%2\033[0m:%3:%4")
                              .arg(path, QString::number(m.line), QString::number(m.column), highlighted(m)));
        else
            // One multi-argument arg(): text like "%1$s" in the line must not be substituted.
            Output::print(QStringLiteral("%1:%2:%3:%4").arg(path, QString::number(m.line), QString::number(m.column), m.text));
        for (qsizetype i = 0; i < m.after.size(); ++i)
            Output::print(QStringLiteral("%1-%2-%3").arg(path, QString::number(m.line + 1 + i), m.after[i]));
        if (query.contextLines > 0)
            Output::print(QStringLiteral("--"));
        return true;
    });
    if (!summary)
        return fail(summary.error());
    if (summary->limitReached)
        Output::note(QStringLiteral("(stopped after %1 matching lines; use --limit N or --all for more)").arg(query.limit));
    if (summary->filesNotDownloaded > 0)
        Output::note(QStringLiteral("(%1 not downloaded to this machine were not searched; realm-cli project fetch downloads them)")
                         .arg(Output::count(summary->filesNotDownloaded, Output::Noun::File)));
    return summary->matches > 0 ? ExitOk : ExitNoMatches;
}

int runCat(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project name or id."));
    parser.addPositionalArgument(QStringLiteral("path"), QStringLiteral("File path inside the project."));
    int exitCode = ExitOk;
    const std::optional<Storage::DatabasePtr> db = parseAndOpenWorkspace(parser, inv, QStringLiteral("[options] PROJECT PATH"), 2, 2, &exitCode);
    if (!db)
        return exitCode;
    ProjectStore store(*db);
    Result<Project> p = store.find(parser.positionalArguments().at(0));
    if (!p)
        return fail(p.error());
    Result<ProjectFile> file = store.file(p->id, parser.positionalArguments().at(1));
    if (!file)
        return fail(file.error());
    Result<QByteArray> content = store.content(*file);
    if (!content)
        return fail(content.error());
    if (inv.json) {
        QJsonObject o{{QStringLiteral("path"), file->path}, {QStringLiteral("size"), file->size},
                      {QStringLiteral("language"), file->language}, {QStringLiteral("encoding"), file->encoding}};
        if (file->isBinary())
            o.insert(QStringLiteral("base64"), QString::fromLatin1(content->toBase64()));
        else
            o.insert(QStringLiteral("text"), decodeText(*content, encodingFromName(file->encoding)));
        Output::printJson(o);
        return ExitOk;
    }
    // The stored bytes, untouched: `cat` output is byte-identical to the source.
    fwrite(content->constData(), 1, size_t(content->size()), stdout);
    return ExitOk;
}

} // namespace Realm::Cli
