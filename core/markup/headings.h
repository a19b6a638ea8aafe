// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace Realm::Markup {

// Heading anchors as GitHub makes them ("Class `Foo::bar`" → "class-foobar";
// the second of a name gets "-1"), so links written as #anchor in the
// Markdown work on GitHub and in the HTML and PDF REALM writes.
QString headingSlug(const QString &plainText);

// Hands out slugs in document order, numbering repeats like GitHub does.
class HeadingSlugger final {
public:
    QString next(const QString &plainText);
    // Room for this many headings (a large reference has tens of thousands).
    void reserve(qsizetype headings) { m_seen.reserve(headings); }

private:
    QHash<QString, int> m_seen;
};

// HTML text with the escapes md4c writes (&lt; &gt; &quot; &#39; &amp;)
// undone, in one pass.
QString unescapedHtml(QStringView html);

struct Heading {
    int level = 0;
    QString text; // plain text
    QString id;
};

// md4c's HTML with an id on every <h1>…<h6>. The headings found are
// appended to `headings` when given.
QString addHeadingIds(const QString &html, HeadingSlugger &slugger, QList<Heading> *headings = nullptr);

} // namespace Realm::Markup
