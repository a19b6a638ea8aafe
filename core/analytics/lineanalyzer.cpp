// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/lineanalyzer.h"

#include <QHash>
#include <QVarLengthArray>

#include <cstring>

#include <array>

namespace Realm::Analytics {

namespace {
struct Syntax {
    std::array<const char *, 2> line{};                        // line comment markers
    std::array<std::pair<const char *, const char *>, 2> block{}; // block comment start/end
    bool docstrings = false;                                   // Python's """ and '''
};

const Syntax &syntaxOf(const QString &language)
{
    static const Syntax cStyle{{"//", nullptr}, {{{"/*", "*/"}, {nullptr, nullptr}}}, false};
    static const Syntax hash{{"#", nullptr}, {}, false};
    static const Syntax none{};
    static const QHash<QString, Syntax> table = {
        {QStringLiteral("c"), cStyle}, {QStringLiteral("cpp"), cStyle}, {QStringLiteral("csharp"), cStyle},
        {QStringLiteral("java"), cStyle}, {QStringLiteral("kotlin"), cStyle}, {QStringLiteral("scala"), cStyle},
        {QStringLiteral("go"), cStyle}, {QStringLiteral("rust"), cStyle}, {QStringLiteral("swift"), cStyle},
        {QStringLiteral("objc"), cStyle}, {QStringLiteral("javascript"), cStyle}, {QStringLiteral("typescript"), cStyle},
        {QStringLiteral("dart"), cStyle}, {QStringLiteral("zig"), cStyle}, {QStringLiteral("qml"), cStyle},
        {QStringLiteral("groovy"), cStyle}, {QStringLiteral("proto"), cStyle}, {QStringLiteral("devicetree"), cStyle},
        {QStringLiteral("css"), {{nullptr, nullptr}, {{{"/*", "*/"}, {nullptr, nullptr}}}, false}},
        {QStringLiteral("php"), {{"//", "#"}, {{{"/*", "*/"}, {nullptr, nullptr}}}, false}},
        {QStringLiteral("python"), {{"#", nullptr}, {}, true}},
        {QStringLiteral("ruby"), {{"#", nullptr}, {{{"=begin", "=end"}, {nullptr, nullptr}}}, false}},
        {QStringLiteral("perl"), hash}, {QStringLiteral("shell"), hash}, {QStringLiteral("make"), hash},
        {QStringLiteral("cmake"), {{"#", nullptr}, {{{"#[[", "]]"}, {nullptr, nullptr}}}, false}},
        {QStringLiteral("meson"), hash}, {QStringLiteral("dockerfile"), hash}, {QStringLiteral("yaml"), hash},
        {QStringLiteral("toml"), hash}, {QStringLiteral("r"), hash}, {QStringLiteral("nim"), hash}, {QStringLiteral("tcl"), hash},
        {QStringLiteral("awk"), hash}, {QStringLiteral("elixir"), hash}, {QStringLiteral("kconfig"), hash},
        {QStringLiteral("julia"), {{"#", nullptr}, {{{"#=", "=#"}, {nullptr, nullptr}}}, false}},
        {QStringLiteral("powershell"), {{"#", nullptr}, {{{"<#", "#>"}, {nullptr, nullptr}}}, false}},
        {QStringLiteral("ini"), {{";", "#"}, {}, false}},
        {QStringLiteral("lua"), {{"--", nullptr}, {{{"--[[", "]]"}, {nullptr, nullptr}}}, false}},
        {QStringLiteral("sql"), {{"--", nullptr}, {{{"/*", "*/"}, {nullptr, nullptr}}}, false}},
        {QStringLiteral("haskell"), {{"--", nullptr}, {{{"{-", "-}"}, {nullptr, nullptr}}}, false}},
        {QStringLiteral("ocaml"), {{nullptr, nullptr}, {{{"(*", "*)"}, {nullptr, nullptr}}}, false}},
        {QStringLiteral("tex"), {{"%", nullptr}, {}, false}}, {QStringLiteral("erlang"), {{"%", nullptr}, {}, false}},
        {QStringLiteral("clojure"), {{";", nullptr}, {}, false}}, {QStringLiteral("asm"), {{";", "#"}, {}, false}},
        {QStringLiteral("fortran"), {{"!", nullptr}, {}, false}},
        {QStringLiteral("html"), {{nullptr, nullptr}, {{{"<!--", "-->"}, {nullptr, nullptr}}}, false}},
        {QStringLiteral("xml"), {{nullptr, nullptr}, {{{"<!--", "-->"}, {nullptr, nullptr}}}, false}},
        {QStringLiteral("vue"), {{"//", nullptr}, {{{"/*", "*/"}, {"<!--", "-->"}}}, false}},
        {QStringLiteral("svelte"), {{"//", nullptr}, {{{"/*", "*/"}, {"<!--", "-->"}}}, false}},
    };
    const auto it = table.constFind(language);
    return it == table.cend() ? none : *it;
}

bool startsWith(QByteArrayView line, qsizetype at, const char *marker)
{
    return marker && line.sliced(at).startsWith(QByteArrayView(marker));
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

bool isWordChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// TODO, FIXME, HACK as whole words; true if one was found.
bool findMarkers(QByteArrayView line, int number, QList<Marker> &markers)
{
    static const char *const kinds[] = {"TODO", "FIXME", "HACK"};
    for (qsizetype at = 0; at < line.size(); ++at) {
        const char c = line.at(at);
        if (c != 'T' && c != 'F' && c != 'H')
            continue;
        for (const char *kind : kinds) {
            const QByteArrayView k(kind);
            if (!line.sliced(at).startsWith(k) || (at > 0 && isWordChar(line.at(at - 1)))
                || (at + k.size() < line.size() && isWordChar(line.at(at + k.size()))))
                continue;
            // "TODO: x", "TODO(name): x" -> "x"
            QString text = QString::fromUtf8(line.sliced(at + k.size())).trimmed();
            if (text.startsWith(QLatin1Char('(')) && text.contains(QLatin1Char(')')))
                text = text.mid(text.indexOf(QLatin1Char(')')) + 1).trimmed();
            if (text.startsWith(QLatin1Char(':')))
                text = text.mid(1).trimmed();
            for (const char *closer : {"*/", "-->", "-}", "*)"}) { // the comment ends on this line
                if (text.endsWith(QLatin1String(closer)))
                    text = text.chopped(qsizetype(strlen(closer))).trimmed();
            }
            markers.append({number, QString::fromLatin1(kind), text.left(160)});
            return true; // one per line
        }
    }
    return false;
}

bool hasComments(const Syntax &syntax)
{
    return syntax.line[0] || syntax.block[0].first || syntax.docstrings;
}
} // namespace

TextAnalysis analyzeText(QByteArrayView text, const QString &language)
{
    const Syntax &syntax = syntaxOf(language);
    TextAnalysis result;
    const char *blockEnd = nullptr; // inside a block comment: its end marker
    int number = 0;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        QByteArrayView line = text.sliced(start, end - start);
        start = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        ++number;
        ++result.counts.lines;
        // Markers count only in comments ("TODO" in a string is code), or
        // anywhere in languages without comments (Markdown, plain text).
        const bool mayHaveMarker = line.contains('T') || line.contains('F') || line.contains('H');
        QVarLengthArray<QByteArrayView, 4> comments; // the comment text on this line (no allocation per line)
        if (mayHaveMarker && !hasComments(syntax))
            comments.append(line);

        bool code = false;
        bool inString = false;
        qsizetype at = 0;
        while (at < line.size()) {
            if (blockEnd) {
                const qsizetype close = line.sliced(at).indexOf(QByteArrayView(blockEnd));
                if (mayHaveMarker)
                    comments.append(line.sliced(at, close < 0 ? line.size() - at : close));
                if (close < 0) {
                    at = line.size();
                    break;
                }
                at += close + qsizetype(strlen(blockEnd));
                blockEnd = nullptr;
                continue;
            }
            const char c = line.at(at);
            if (inString) {
                if (c == '\\')
                    ++at;
                else if (c == '"')
                    inString = false;
                ++at;
                continue;
            }
            if (isSpace(c)) {
                ++at;
                continue;
            }
            bool opened = false;
            for (const auto &[open, close] : syntax.block) {
                if (startsWith(line, at, open)) {
                    blockEnd = close;
                    at += qsizetype(strlen(open));
                        opened = true;
                    break;
                }
            }
            if (opened)
                continue;
            // After the blocks: Lua's --[[ and CMake's #[[ start with a line comment's marker.
            if (startsWith(line, at, syntax.line[0]) || startsWith(line, at, syntax.line[1])) {
                if (mayHaveMarker)
                    comments.append(line.sliced(at));
                break;
            }
            // A docstring: triple quotes that open the line's text.
            if (syntax.docstrings && !code && (startsWith(line, at, "\"\"\"") || startsWith(line, at, "'''"))) {
                blockEnd = line.at(at) == '"' ? "\"\"\"" : "'''";
                at += 3;
                continue;
            }
            code = true;
            if (c == '"')
                inString = true;
            ++at;
        }
        for (QByteArrayView comment : std::as_const(comments)) {
            if (findMarkers(comment, number, result.markers))
                break;
        }
        if (code)
            ++result.counts.code;
        else if (line.trimmed().isEmpty()) // also inside a block comment
            ++result.counts.blank;
        else
            ++result.counts.comment;
    }
    return result;
}

} // namespace Realm::Analytics
