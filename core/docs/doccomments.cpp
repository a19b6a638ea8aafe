// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/doccomments.h"

#include <QRegularExpression>

namespace Realm::Docs::DocComments {

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

// A Python docstring: the string literal that starts the body.
QString docstringAfter(const QStringList &lines, int line)
{
    for (int i = line; i < lines.size(); ++i) { // lines[line] is the one after the def (0-based)
        const QString trimmed = lines.at(i).trimmed();
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
                rest = lines.at(j + 1);
            }
        }
        return {};
    }
    return {};
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
} // namespace

QString commentFor(const QStringList &lines, int line, const QString &language)
{
    if (line < 1 || line > lines.size())
        return {};
    if (isPythonLike(language)) {
        const QString docstring = docstringAfter(lines, line);
        if (!docstring.isEmpty())
            return dedented(docstring);
    }
    // Walk up over decorators/attributes and blank-free comment lines.
    int i = line - 2; // the line above, 0-based
    while (i >= 0) {
        const QString t = lines.at(i).trimmed();
        if (t.startsWith(QLatin1Char('@')) || (t.startsWith(QLatin1String("#[")) && !isHashCommentLanguage(language))
            || t.startsWith(QLatin1String("template<")) || t.startsWith(QLatin1String("template <")))
            --i; // decorators, Rust attributes, template heads
        else
            break;
    }
    if (i < 0)
        return {};
    const QString last = lines.at(i).trimmed();
    QStringList body;
    if (last.endsWith(QLatin1String("*/"))) {
        // A block comment: find its start; only /** and /*! are documentation.
        int start = i;
        while (start >= 0 && !lines.at(start).contains(QLatin1String("/*")))
            --start;
        if (start < 0)
            return {};
        const QString first = lines.at(start).trimmed();
        if (!first.startsWith(QLatin1String("/**")) && !first.startsWith(QLatin1String("/*!")))
            return {};
        for (int k = start; k <= i; ++k) {
            QString l = lines.at(k).trimmed();
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
            const QString t = lines.at(k).trimmed();
            QString text;
            if (t.startsWith(QLatin1String("///")) || t.startsWith(QLatin1String("//!")))
                text = t.mid(3);
            else if (plainSlashes && t.startsWith(QLatin1String("//")))
                text = t.mid(2);
            else if (hashes && t.startsWith(QLatin1Char('#')) && !t.startsWith(QLatin1String("#!")))
                text = t.mid(1);
            else
                break;
            body.prepend(text.startsWith(QLatin1Char(' ')) ? text.mid(1) : text);
        }
    }
    while (!body.isEmpty() && body.first().trimmed().isEmpty())
        body.removeFirst();
    while (!body.isEmpty() && body.last().trimmed().isEmpty())
        body.removeLast();
    QString text = body.join(QLatin1Char('\n'));
    // C# XML doc comments: keep their text, lose the tags we do not parse.
    static const QRegularExpression summary(QStringLiteral("</?summary>"));
    text.remove(summary);
    return text.trimmed();
}

DocComment parse(const QString &comment)
{
    DocComment doc;
    QStringList bodyLines;
    enum class Section { Body, Args, Returns, Raises } section = Section::Body;
    static const QRegularExpression tag(QStringLiteral("^[@\\\\](\\w+)\\s*(.*)$"));
    static const QRegularExpression xmlParam(QStringLiteral("^<param name=\"(\\w+)\">(.*)</param>$"));
    static const QRegularExpression xmlReturns(QStringLiteral("^<returns>(.*)</returns>$"));
    static const QRegularExpression googleItem(QStringLiteral("^(\\*{0,2}\\w+)\\s*(\\([^)]*\\))?\\s*:\\s*(.*)$"));
    QString *continuation = nullptr; // the description a wrapped line continues
    for (const QString &raw : comment.split(QLatin1Char('\n'))) {
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
                // "@param name text", "@param {type} name text", "@param[in] name text"
                QString r = rest;
                if (r.startsWith(QLatin1Char('{')))
                    r = r.mid(r.indexOf(QLatin1Char('}')) + 1).trimmed();
                const QString pname = r.section(QLatin1Char(' '), 0, 0);
                doc.params.append({pname, r.section(QLatin1Char(' '), 1).trimmed().remove(QRegularExpression(QStringLiteral("^-\\s*")))});
                continuation = &doc.params.last().second;
            } else if (name == QLatin1String("return") || name == QLatin1String("returns")) {
                doc.returns = rest.startsWith(QLatin1Char('{')) ? rest.mid(rest.indexOf(QLatin1Char('}')) + 1).trimmed() : rest;
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
            continue;
        }
        // Google-style sections.
        if (line == QLatin1String("Args:") || line == QLatin1String("Arguments:") || line == QLatin1String("Parameters:")) {
            section = Section::Args;
            continue;
        }
        if (line == QLatin1String("Returns:") || line == QLatin1String("Yields:")) {
            section = Section::Returns;
            continue;
        }
        if (line == QLatin1String("Raises:")) {
            section = Section::Raises;
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
            doc.returns += (doc.returns.isEmpty() ? QString() : QStringLiteral(" ")) + line;
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
