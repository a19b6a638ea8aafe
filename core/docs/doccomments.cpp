// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/doccomments.h"

#include <QRegularExpression>

namespace Realm::Docs::DocComments {

SourceLines::SourceLines(QString text) : m_text(std::move(text))
{
    m_starts.reserve(m_text.size() / 32 + 1);
    m_starts.append(0);
    for (qsizetype at = m_text.indexOf(QLatin1Char('\n')); at >= 0; at = m_text.indexOf(QLatin1Char('\n'), at + 1))
        m_starts.append(at + 1);
}

QStringView SourceLines::at(qsizetype index) const
{
    const qsizetype start = m_starts.at(index);
    const qsizetype end = index + 1 < m_starts.size() ? m_starts.at(index + 1) - 1 : m_text.size();
    return QStringView(m_text).mid(start, end - start);
}

namespace {
bool isPythonLike(const QString &language)
{
    return language == QLatin1String("Python");
}

bool isHashCommentLanguage(const QString &language)
{
    return language == QLatin1String("Python") || language == QLatin1String("Ruby") || language == QLatin1String("Sh")
           || language == QLatin1String("Perl");
}

bool isCFamily(const QString &language)
{
    return language == QLatin1String("C") || language == QLatin1String("C++");
}

// The 0-based index of the line that ends a Python `def`/`class` header
// starting on `line` (1-based): a signature may run over several lines, and
// the docstring only starts after the line that closes its brackets.
int pythonHeaderEnd(const SourceLines &lines, int line)
{
    int depth = 0;
    for (int i = line - 1; i < lines.size() && i < line + 50; ++i) {
        QStringView code = lines.at(i);
        if (const qsizetype hash = code.indexOf(QLatin1Char('#')); hash >= 0)
            code = code.left(hash); // good enough: signatures rarely hold '#' in strings
        for (const QChar c : code) {
            if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
                ++depth;
            else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}'))
                --depth;
        }
        if (depth <= 0)
            return i;
    }
    return line - 1;
}

// A Python docstring: the string literal that starts the body.
QString docstringAfter(const SourceLines &lines, int line)
{
    for (int i = pythonHeaderEnd(lines, line) + 1; i < lines.size(); ++i) {
        const QString trimmed = lines.at(i).trimmed().toString();
        if (trimmed.isEmpty())
            continue;
        for (const QString &quote : {QStringLiteral("\"\"\""), QStringLiteral("'''")}) {
            qsizetype start = trimmed.indexOf(quote);
            if (start != 0 && !(start == 1 && QStringLiteral("rRuUbB").contains(trimmed.at(0))))
                continue;
            start += 3;
            QString text;
            QString rest = trimmed.mid(start);
            for (int j = i;; ++j) {
                if (const qsizetype end = rest.indexOf(quote); end >= 0)
                    return QString(text + rest.left(end)).trimmed();
                text += rest + QLatin1Char('\n');
                if (j + 1 >= lines.size())
                    return {};
                rest = lines.at(j + 1).toString();
            }
        }
        return {};
    }
    return {};
}

// A Doxygen comment after the declaration on its own line (`int x; ///< the
// x`, `/**< … */`): it documents that declaration, not the next one.
QString trailingComment(QStringView line)
{
    if (!line.contains(QLatin1Char('<')))
        return {}; // every marker has one; most lines have none
    for (const QLatin1String marker :
         {QLatin1String("///<"), QLatin1String("//!<"), QLatin1String("/**<"), QLatin1String("/*!<")}) {
        const qsizetype at = line.indexOf(marker);
        if (at < 0)
            continue;
        QString text = line.mid(at + marker.size()).trimmed().toString();
        if (marker.startsWith(QLatin1String("/*"))) {
            if (!text.endsWith(QLatin1String("*/")))
                return {}; // a multi-line trailing block: rare, not worth guessing
            text.chop(2);
        }
        return text.trimmed();
    }
    return {};
}

// Lines above a C or C++ declaration that still belong to it: a template
// head, or a return type and specifiers on a line of their own (GNU style
// `static int\nname(...)`). A line ending a statement, a block, a macro
// call, an enumerator or an access label ends the walk, so the comment of
// something else is never taken.
bool isDeclarationHead(QStringView trimmed, const QString &language)
{
    if (trimmed.startsWith(QLatin1String("template<")) || trimmed.startsWith(QLatin1String("template <")))
        return true;
    if (!isCFamily(language) || trimmed.isEmpty())
        return false;
    static const QRegularExpression typeLine(QStringLiteral("^[\\w\\s:<>,*&\\[\\]]+$"));
    return !trimmed.endsWith(QLatin1Char(':')) && !trimmed.endsWith(QLatin1Char(',')) && typeLine.match(trimmed).hasMatch();
}

// Removes the common indentation of the lines of a docstring body.
QString dedented(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    qsizetype indent = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString &l = lines.at(i);
        if (l.trimmed().isEmpty())
            continue;
        qsizetype n = 0;
        while (n < l.size() && l.at(n).isSpace())
            ++n;
        indent = indent < 0 ? n : qMin(indent, n);
    }
    for (qsizetype i = 1; i < lines.size() && indent > 0; ++i)
        lines[i] = lines.at(i).mid(indent);
    return lines.join(QLatin1Char('\n')).trimmed();
}

// The documentation comment in the lines right above `line` (1-based),
// markers removed, or empty.
QString commentAbove(const SourceLines &lines, int line, const QString &language)
{
    // Walk up over decorators/attributes and blank-free comment lines.
    int i = line - 2; // the line above, 0-based
    while (i >= 0) {
        const QStringView t = lines.at(i).trimmed();
        if (t.startsWith(QLatin1Char('@')) || (t.startsWith(QLatin1String("#[")) && !isHashCommentLanguage(language))
            || isDeclarationHead(t, language))
            --i; // decorators, Rust attributes, template heads, return types
        else
            break;
    }
    if (i < 0)
        return {};
    const QStringView last = lines.at(i).trimmed();
    QStringList body;
    if (last.endsWith(QLatin1String("*/"))) {
        // A block comment: find its start; only /** and /*! are documentation.
        int start = i;
        while (start >= 0 && !lines.at(start).contains(QLatin1String("/*")))
            --start;
        if (start < 0)
            return {};
        const QStringView first = lines.at(start).trimmed();
        if (!first.startsWith(QLatin1String("/**")) && !first.startsWith(QLatin1String("/*!")))
            return {};
        for (int k = start; k <= i; ++k) {
            QString l = lines.at(k).trimmed().toString();
            if (k == start)
                l = l.mid(3);
            if (k == i)
                l.chop(2);
            l = l.trimmed();
            if (l.startsWith(QLatin1Char('*'))) {
                l = l.mid(1);
                if (l.startsWith(QLatin1Char(' ')))
                    l = l.mid(1);
            }
            body << l;
        }
    } else {
        // Line comments: ///, //! everywhere; // for Go; # for scripts.
        const bool plainSlashes = language == QLatin1String("Go");
        const bool hashes = isHashCommentLanguage(language);
        int k = i;
        for (; k >= 0; --k) {
            const QStringView t = lines.at(k).trimmed();
            QString text;
            if (t.startsWith(QLatin1String("///")) || t.startsWith(QLatin1String("//!")))
                text = t.mid(3).toString();
            else if (plainSlashes && t.startsWith(QLatin1String("//")))
                text = t.mid(2).toString();
            else if (hashes && t.startsWith(QLatin1Char('#')) && !t.startsWith(QLatin1String("#!")))
                text = t.mid(1).toString();
            else
                break;
            body.prepend(text.startsWith(QLatin1Char(' ')) ? text.mid(1) : text);
        }
    }
    while (!body.isEmpty() && body.first().trimmed().isEmpty())
        body.removeFirst();
    while (!body.isEmpty() && body.last().trimmed().isEmpty())
        body.removeLast();
    return body.join(QLatin1Char('\n'));
}
} // namespace

QString commentFor(const SourceLines &lines, int line, const QString &language)
{
    if (line < 1 || line > lines.size())
        return {};
    if (isPythonLike(language)) {
        const QString docstring = docstringAfter(lines, line);
        if (!docstring.isEmpty())
            return dedented(docstring);
    }
    QString text = commentAbove(lines, line, language);
    if (text.trimmed().isEmpty())
        text = trailingComment(lines.at(line - 1));
    // C# XML doc comments: keep their text, lose the tags we do not parse.
    static const QRegularExpression summary(QStringLiteral("</?summary>"));
    if (text.contains(QLatin1String("summary>")))
        text.remove(summary);
    return text.trimmed();
}

namespace {
enum class Section { Body, Args, Returns, Raises };

// The section a heading opens, the same words for Google ("Args:") and
// NumPy ("Parameters" over a dashed line); Body for any other heading, so
// Notes or Examples stay text.
Section sectionNamed(const QString &title)
{
    static const QStringList args{QStringLiteral("Args"), QStringLiteral("Arguments"), QStringLiteral("Parameters"),
                                  QStringLiteral("Other Parameters"), QStringLiteral("Keyword Args"),
                                  QStringLiteral("Keyword Arguments")};
    if (args.contains(title))
        return Section::Args;
    if (title == QLatin1String("Returns") || title == QLatin1String("Yields"))
        return Section::Returns;
    if (title == QLatin1String("Raises"))
        return Section::Raises;
    return Section::Body;
}

// NumPy underlines its section headings with dashes.
bool isUnderline(const QString &trimmed)
{
    static const QRegularExpression dashes(QStringLiteral("^-{3,}$"));
    return dashes.match(trimmed).hasMatch();
}

qsizetype indentOf(const QString &raw)
{
    qsizetype n = 0;
    while (n < raw.size() && raw.at(n).isSpace())
        ++n;
    return n;
}

void appendText(QString &to, const QString &text)
{
    if (!to.isEmpty())
        to += QLatin1Char(' ');
    to += text;
}

// Drops a type written before a description: JSDoc's {type}, YARD's
// [Type] (but not a Markdown link, [text](url)).
QString withoutLeadingType(const QString &text)
{
    static const QRegularExpression type(QStringLiteral("^(\\{[^}]*\\}|\\[[^\\]]*\\](?!\\())\\s*"));
    return QString(text).remove(type);
}

// "@param name text" in its dialects: "{type} name - text" (JSDoc, TSDoc),
// "[in] name text" (Doxygen), "name [Type] text" (YARD), "type $name text"
// (PHPDoc, whose names keep their $). JSDoc's optional "[name]" stays.
QPair<QString, QString> paramFromTag(const QString &rest)
{
    static const QRegularExpression jsType(QStringLiteral("^\\{[^}]*\\}\\s*"));
    static const QRegularExpression direction(QStringLiteral("^\\[(in|out|in,\\s*out)\\]\\s*"));
    QStringList words = QString(rest).remove(jsType).remove(direction).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    static const QRegularExpression phpName(QStringLiteral("^(\\.\\.\\.|&)?\\$"));
    if (words.size() > 1 && !phpName.match(words.at(0)).hasMatch() && phpName.match(words.at(1)).hasMatch())
        words.removeFirst();
    if (words.isEmpty())
        return {};
    const QString name = words.takeFirst();
    static const QRegularExpression dash(QStringLiteral("^-\\s*"));
    return {name, withoutLeadingType(words.join(QLatin1Char(' '))).remove(dash)};
}
} // namespace

DocComment parse(const QString &comment)
{
    DocComment doc;
    if (comment.isEmpty())
        return doc; // most symbols of a large tree
    QStringList bodyLines;
    Section section = Section::Body;
    bool numpy = false; // a NumPy section: items told by indentation, blank lines inside
    qsizetype headingIndent = 0; // NumPy: items sit at the heading's indentation, their text deeper
    bool returnsItemOpen = false; // NumPy: a Returns type waits for its description
    static const QRegularExpression tag(QStringLiteral("^[@\\\\](\\w+)\\s*(.*)$"));
    static const QRegularExpression xmlParam(QStringLiteral("^<param name=\"(\\w+)\">(.*)</param>$"));
    static const QRegularExpression xmlReturns(QStringLiteral("^<returns>(.*)</returns>$"));
    static const QRegularExpression googleItem(QStringLiteral("^(\\*{0,2}\\w+)\\s*(\\([^)]*\\))?\\s*:\\s*(.*)$"));
    QString *continuation = nullptr; // the description a wrapped line continues
    const QStringList lines = comment.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &raw = lines.at(i);
        const QString line = raw.trimmed();
        if (const QRegularExpressionMatch m = xmlParam.match(line); m.hasMatch()) {
            doc.params.append({m.captured(1), m.captured(2).trimmed()});
            continuation = nullptr;
            continue;
        }
        if (const QRegularExpressionMatch m = xmlReturns.match(line); m.hasMatch()) {
            doc.returns = m.captured(1).trimmed();
            continuation = nullptr;
            continue;
        }
        if (const QRegularExpressionMatch m = tag.match(line); m.hasMatch()) {
            const QString name = m.captured(1).toLower();
            const QString rest = m.captured(2).trimmed();
            continuation = nullptr;
            if (name == QLatin1String("param") || name == QLatin1String("arg")) {
                doc.params.append(paramFromTag(rest));
                continuation = &doc.params.last().second;
            } else if (name == QLatin1String("return") || name == QLatin1String("returns")) {
                doc.returns = withoutLeadingType(rest);
                continuation = &doc.returns;
            } else if (name == QLatin1String("throws") || name == QLatin1String("throw") || name == QLatin1String("exception")) {
                doc.throws.append({rest.section(QLatin1Char(' '), 0, 0), rest.section(QLatin1Char(' '), 1).trimmed()});
                continuation = &doc.throws.last().second;
            } else if (name == QLatin1String("brief")) {
                doc.brief = rest;
                continuation = &doc.brief;
            } else if (name == QLatin1String("deprecated")) {
                doc.deprecated = rest.isEmpty() ? QStringLiteral("yes") : rest;
            } else if (name == QLatin1String("see")) {
                doc.see << rest;
            } else {
                bodyLines << line; // unknown tags stay as text
            }
            section = Section::Body;
            numpy = false;
            continue;
        }
        // NumPy-style headings: a title over a dashed line. Sections we do
        // not take apart (Notes, Examples) stay in the body, where the
        // dashes make a Markdown heading.
        if (!line.isEmpty() && i + 1 < lines.size() && isUnderline(lines.at(i + 1).trimmed())) {
            continuation = nullptr;
            section = sectionNamed(line);
            numpy = section != Section::Body;
            if (numpy) {
                headingIndent = indentOf(raw);
                returnsItemOpen = false;
                ++i; // the underline
                continue;
            }
        }
        if (numpy) {
            if (line.isEmpty())
                continue;
            if (indentOf(raw) <= headingIndent) { // an item: "name : type", a return type, an exception
                if (section == Section::Args) {
                    doc.params.append({line.section(QLatin1Char(':'), 0, 0).trimmed(), QString()});
                    continuation = &doc.params.last().second;
                } else if (section == Section::Raises) {
                    doc.throws.append({line, QString()});
                    continuation = &doc.throws.last().second;
                } else {
                    if (!doc.returns.isEmpty())
                        doc.returns += QStringLiteral("; ");
                    doc.returns += line;
                    returnsItemOpen = true;
                    continuation = &doc.returns;
                }
            } else if (continuation) {
                if (returnsItemOpen)
                    *continuation += QStringLiteral(": ") + line; // "float: The mean."
                else
                    appendText(*continuation, line);
                returnsItemOpen = false;
            }
            continue;
        }
        // Google-style sections.
        if (line.endsWith(QLatin1Char(':')) && sectionNamed(line.chopped(1)) != Section::Body) {
            section = sectionNamed(line.chopped(1));
            continue;
        }
        if (section == Section::Args || section == Section::Raises) {
            if (line.isEmpty()) {
                section = Section::Body;
                continue;
            }
            if (const QRegularExpressionMatch m = googleItem.match(line); m.hasMatch()) {
                auto &list = section == Section::Args ? doc.params : doc.throws;
                list.append({m.captured(1), m.captured(3).trimmed()});
                continuation = &list.last().second;
            } else if (continuation) {
                *continuation += QLatin1Char(' ') + line;
            }
            continue;
        }
        if (section == Section::Returns) {
            if (line.isEmpty()) {
                section = Section::Body;
                continue;
            }
            appendText(doc.returns, line);
            continue;
        }
        if (continuation && !line.isEmpty()) {
            *continuation += QLatin1Char(' ') + line;
            continue;
        }
        continuation = nullptr;
        bodyLines << raw;
    }
    while (!bodyLines.isEmpty() && bodyLines.first().trimmed().isEmpty())
        bodyLines.removeFirst();
    QString body = bodyLines.join(QLatin1Char('\n')).trimmed();
    if (doc.brief.isEmpty() && !body.isEmpty()) {
        // The first sentence (or paragraph line) is the brief.
        const qsizetype paragraphEnd = body.indexOf(QStringLiteral("\n\n"));
        const QString firstParagraph = paragraphEnd < 0 ? body : body.left(paragraphEnd);
        static const QRegularExpression sentenceEnd(QStringLiteral("\\.(\\s|$)"));
        const QRegularExpressionMatch end = sentenceEnd.match(firstParagraph);
        const qsizetype cut = end.hasMatch() ? end.capturedStart() + 1 : firstParagraph.size();
        doc.brief = firstParagraph.left(cut).simplified();
        body = body.mid(cut).trimmed();
    }
    doc.body = body;
    return doc;
}

} // namespace Realm::Docs::DocComments
