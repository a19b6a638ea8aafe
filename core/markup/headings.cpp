// SPDX-License-Identifier: GPL-3.0-or-later
#include "markup/headings.h"

#include <QRegularExpression>

namespace Realm::Markup {

QString headingSlug(const QString &plainText)
{
    QString slug;
    slug.reserve(plainText.size());
    for (const QChar c : plainText.trimmed()) {
        if (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-'))
            slug += c.toLower();
        else if (c == QLatin1Char(' '))
            slug += QLatin1Char('-');
    }
    return slug;
}

QString HeadingSlugger::next(const QString &plainText)
{
    const QString base = headingSlug(plainText);
    QString slug = base;
    // GitHub: "a", "a-1", "a-2"; and a literal "a-1" heading later is not
    // allowed to collide either.
    while (m_seen.contains(slug))
        slug = base + QLatin1Char('-') + QString::number(m_seen[base]++);
    m_seen.insert(slug, 1);
    return slug;
}

namespace {
// The text of an md4c heading: tags dropped, the entities md4c writes undone.
QString plainTextOf(QString html)
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    html.remove(tag);
    html.replace(QLatin1String("&lt;"), QLatin1String("<"));
    html.replace(QLatin1String("&gt;"), QLatin1String(">"));
    html.replace(QLatin1String("&quot;"), QLatin1String("\""));
    html.replace(QLatin1String("&#39;"), QLatin1String("'"));
    html.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return html.simplified();
}
} // namespace

QString addHeadingIds(const QString &html, HeadingSlugger &slugger, QList<Heading> *headings)
{
    static const QRegularExpression heading(QStringLiteral("<h([1-6])>(.*?)</h\\1>"), QRegularExpression::DotMatchesEverythingOption);
    QString out;
    out.reserve(html.size() + html.size() / 16);
    qsizetype at = 0;
    for (auto it = heading.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString text = plainTextOf(m.captured(2));
        const QString id = slugger.next(text);
        if (headings)
            headings->append({m.captured(1).toInt(), text, id});
        out += QStringView(html).mid(at, m.capturedStart() - at);
        out += QStringLiteral("<h%1 id=\"%2\">").arg(m.captured(1), id) + m.captured(2) + QStringLiteral("</h%1>").arg(m.captured(1));
        at = m.capturedEnd();
    }
    out += QStringView(html).mid(at);
    return out;
}

} // namespace Realm::Markup
