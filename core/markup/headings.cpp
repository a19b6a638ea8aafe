// SPDX-License-Identifier: GPL-3.0-or-later
#include "markup/headings.h"

#include <algorithm>


namespace Realm::Markup {

QString headingSlug(const QString &plainText)
{
    const QStringView text = QStringView(plainText).trimmed();
    QString slug(text.size(), Qt::Uninitialized);
    QChar *out = slug.data();
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_' || u == '-')
            *out++ = c;
        else if (u >= 'A' && u <= 'Z')
            *out++ = QChar(char16_t(u + ('a' - 'A')));
        else if (u == ' ')
            *out++ = QLatin1Char('-');
        else if (u >= 0x80 && c.isLetterOrNumber())
            *out++ = c.toLower();
    }
    slug.truncate(out - slug.constData());
    return slug;
}

QString HeadingSlugger::next(const QString &plainText)
{
    // GitHub: "a", "a-1", "a-2"; and a literal "a-1" heading later is not
    // allowed to collide either. A count of 0 is a slug not given yet (one
    // lookup for the usual new heading: a large reference has tens of
    // thousands).
    const QString base = headingSlug(plainText);
    if (int &uses = m_seen[base]; uses == 0) {
        uses = 1;
        return base;
    }
    for (;;) {
        const QString slug = base + QLatin1Char('-') + QString::number(m_seen[base]++);
        if (int &uses = m_seen[slug]; uses == 0) {
            uses = 1;
            return slug;
        }
    }
}

QString unescapedHtml(QStringView html)
{
    static const struct {
        QLatin1String entity;
        QChar character;
    } entities[] = {{QLatin1String("&lt;"), QLatin1Char('<')},   {QLatin1String("&gt;"), QLatin1Char('>')},
                    {QLatin1String("&quot;"), QLatin1Char('"')}, {QLatin1String("&#39;"), QLatin1Char('\'')},
                    {QLatin1String("&amp;"), QLatin1Char('&')}};
    QString text;
    text.reserve(html.size());
    for (qsizetype i = 0; i < html.size(); ++i) {
        if (html.at(i) == QLatin1Char('&')) {
            const auto e = std::find_if(std::begin(entities), std::end(entities),
                                        [&](const auto &candidate) { return html.mid(i).startsWith(candidate.entity); });
            if (e != std::end(entities)) {
                text += e->character;
                i += e->entity.size() - 1;
                continue;
            }
        }
        text += html.at(i);
    }
    return text;
}

namespace {
// The text of an md4c heading: tags dropped, the entities md4c writes
// undone, white space simplified.
QString plainTextOf(QStringView html)
{
    QString text;
    text.reserve(html.size());
    for (qsizetype i = 0; i < html.size(); ++i) {
        if (html.at(i) == QLatin1Char('<')) {
            if (const qsizetype close = html.indexOf(QLatin1Char('>'), i); close >= 0) {
                i = close;
                continue;
            }
        }
        text += html.at(i);
    }
    return unescapedHtml(text).simplified();
}
} // namespace

QString addHeadingIds(const QString &html, HeadingSlugger &slugger, QList<Heading> *headings)
{
    // A plain scan for "<hN>…</hN>" (md4c writes exactly that): a regular
    // expression over a reference of many megabytes was most of the time.
    QString out;
    out.reserve(html.size() + html.size() / 16);
    const QStringView view(html);
    qsizetype at = 0;
    for (qsizetype open = view.indexOf(QLatin1String("<h")); open >= 0; open = view.indexOf(QLatin1String("<h"), open + 2)) {
        if (open + 3 >= view.size() || view.at(open + 3) != QLatin1Char('>'))
            continue;
        const QChar level = view.at(open + 2);
        if (level < QLatin1Char('1') || level > QLatin1Char('6'))
            continue;
        const QString closeTag = QStringLiteral("</h") + level + QLatin1Char('>');
        const qsizetype close = view.indexOf(closeTag, open + 4);
        if (close < 0)
            continue; // not a heading md4c wrote (raw HTML): left as it is
        const QStringView inner = view.mid(open + 4, close - open - 4);
        const QString text = plainTextOf(inner);
        const QString id = slugger.next(text);
        if (headings)
            headings->append({level.digitValue(), text, id});
        out += view.mid(at, open - at);
        out += QStringLiteral("<h") + level + QStringLiteral(" id=\"") + id + QStringLiteral("\">") + inner + closeTag;
        at = close + closeTag.size();
        open = at - 2;
    }
    out += view.mid(at);
    return out;
}

} // namespace Realm::Markup
