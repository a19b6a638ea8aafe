// SPDX-License-Identifier: GPL-3.0-or-later
#include "markup/htmlsite.h"

#include "common/protectedfiles.h"
#include "markup/codehighlight.h"
#include "markup/headings.h"
#include "markup/markdownoutput.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace Realm::Markup {

namespace {
struct Page {
    QString file;
    QString title;
    QString html;
    QList<Heading> headings;
};

// The document cut before each level-2 heading outside code blocks.
QStringList chapters(const QString &markdown)
{
    QStringList parts{QString()};
    QString fence;
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (fence.isEmpty() && (trimmed.startsWith(QLatin1String("```")) || trimmed.startsWith(QLatin1String("~~~"))))
            fence = trimmed.left(3);
        else if (!fence.isEmpty() && trimmed.startsWith(fence))
            fence.clear();
        else if (fence.isEmpty() && line.startsWith(QLatin1String("## ")))
            parts.append(QString());
        parts.last() += line + QLatin1Char('\n');
    }
    return parts;
}

// A chapter's file: its anchor, shortened; never index.html (the overview)
// and never one another page has.
QString pageFileName(const QString &id, int number, QSet<QString> &taken)
{
    QString base = id.isEmpty() ? QStringLiteral("page-%1").arg(number) : id.left(96);
    QString name = base + QStringLiteral(".html");
    for (int n = 1; taken.contains(name) || name == QLatin1String("index.html"); ++n)
        name = base + QStringLiteral("-%1.html").arg(n);
    taken.insert(name);
    return name;
}

// Links to anchors on other pages get the page's file name in front.
QString linkAcrossPages(const QString &html, const QString &file, const QHash<QString, QString> &pageOfAnchor)
{
    static const QRegularExpression link(QStringLiteral("href=\"#([^\"]+)\""));
    QString out;
    qsizetype at = 0;
    for (auto it = link.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString target = pageOfAnchor.value(m.captured(1));
        if (target.isEmpty() || target == file)
            continue;
        out += QStringView(html).mid(at, m.capturedStart() - at);
        out += QStringLiteral("href=\"%1#%2\"").arg(target, m.captured(1));
        at = m.capturedEnd();
    }
    out += QStringView(html).mid(at);
    return out;
}

QString tableOfContents(const Page &page)
{
    QString items;
    for (const Heading &h : page.headings) {
        if (h.level == 3)
            items += QStringLiteral("<li><a href=\"#%1\">%2</a></li>\n").arg(h.id, h.text.toHtmlEscaped());
    }
    if (items.count(QLatin1String("<li>")) < 2)
        return {};
    return QStringLiteral("<nav class=\"toc\"><strong>%1</strong>\n<ul>\n%2</ul></nav>\n")
        .arg(QCoreApplication::translate("Realm::Markup", "On this page"), items);
}

QString siteScript(const QList<Page> &pages)
{
    QJsonArray chapters;
    QJsonArray sections;
    for (const Page &page : pages) {
        chapters.append(QJsonArray{QJsonValue(page.title), QJsonValue(page.file)});
        for (const Heading &h : page.headings) {
            if (h.level == 2 || h.level == 3)
                sections.append(QJsonArray{QJsonValue(h.text), QJsonValue(QString(page.file + QLatin1Char('#') + h.id))});
        }
    }
    const QByteArray data = QJsonDocument(QJsonObject{{QStringLiteral("chapters"), chapters}, {QStringLiteral("sections"), sections}})
                                .toJson(QJsonDocument::Compact);
    return QStringLiteral("const REALM_SITE = ") + QString::fromUtf8(data)
           + QStringLiteral(";\n"
                            "(function () {\n"
                            "  const here = location.pathname.split('/').pop() || 'index.html';\n"
                            "  const nav = document.getElementById('chapters');\n"
                            "  for (const [title, file] of REALM_SITE.chapters) {\n"
                            "    const a = document.createElement('a');\n"
                            "    a.href = file; a.textContent = title;\n"
                            "    if (file === here) a.className = 'current';\n"
                            "    const li = document.createElement('li'); li.appendChild(a); nav.appendChild(li);\n"
                            "  }\n"
                            "  const box = document.getElementById('search');\n"
                            "  const results = document.getElementById('results');\n"
                            "  box.addEventListener('input', function () {\n"
                            "    const q = box.value.trim().toLowerCase();\n"
                            "    results.textContent = '';\n"
                            "    if (!q) return;\n"
                            "    let shown = 0;\n"
                            "    for (const [title, url] of REALM_SITE.sections) {\n"
                            "      if (!title.toLowerCase().includes(q)) continue;\n"
                            "      const a = document.createElement('a'); a.href = url; a.textContent = title;\n"
                            "      const li = document.createElement('li'); li.appendChild(a); results.appendChild(li);\n"
                            "      if (++shown === 50) break;\n"
                            "    }\n"
                            "  });\n"
                            "})();\n");
}

QString pageHtml(const QString &siteTitle, const Page &page, const QString &footer)
{
    const QString heading = page.file == QLatin1String("index.html") ? siteTitle : page.title + QStringLiteral(" — ") + siteTitle;
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<title>%1</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body class=\"site\">\n"
                          "<nav class=\"sidebar\">\n<a class=\"home\" href=\"index.html\">%2</a>\n"
                          "<input id=\"search\" type=\"search\" placeholder=\"%3\" aria-label=\"%3\">\n"
                          "<ul id=\"results\"></ul>\n<ul id=\"chapters\"></ul>\n</nav>\n<main>\n")
               .arg(heading.toHtmlEscaped(), siteTitle.toHtmlEscaped(), QCoreApplication::translate("Realm::Markup", "Search"))
           + tableOfContents(page) + page.html
           + (footer.isEmpty() ? QString() : QStringLiteral("<footer>%1</footer>\n").arg(footer.toHtmlEscaped()))
           + QStringLiteral("</main>\n<script src=\"site.js\"></script>\n</body>\n</html>\n");
}

// A site lists the files it wrote here, so writing it again replaces
// exactly those and nothing else of the folder's.
const char kSiteMarker[] = ".realm-site";

// The files of the site REALM wrote in `dir` before (none when it is new
// or empty); an error when the folder holds anything else, which a site
// must not overwrite (an index.html of the user's, say).
Result<QStringList> earlierSiteFiles(const QString &dir)
{
    const QDir folder(dir);
    const QStringList entries = folder.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    if (entries.isEmpty())
        return QStringList();
    QFile marker(folder.filePath(QLatin1String(kSiteMarker)));
    QStringList listed;
    if (marker.open(QIODevice::ReadOnly))
        listed = QString::fromUtf8(marker.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        if (entry != QLatin1String(kSiteMarker) && !listed.contains(entry))
            return Error::invalidInput(QCoreApplication::translate("Realm::Markup", "The folder %1 already holds %2, which is not part of a site REALM "
                                                                                    "wrote there. Nothing was written: choose an empty or new folder.")
                                           .arg(dir, entry));
    }
    for (const QString &name : std::as_const(listed)) {
        if (name.contains(QLatin1Char('/')) || name.startsWith(QLatin1Char('.')))
            return Error::invalidInput(QCoreApplication::translate("Realm::Markup", "The site list %1 in %2 is damaged. Nothing was written: "
                                                                                    "choose an empty or new folder.").arg(QLatin1String(kSiteMarker), dir));
    }
    return listed;
}

Result<void> writeText(const QString &fileName, const QString &text)
{
    if (Result<void> allowed = ProtectedFiles::checkWritable(fileName); !allowed)
        return allowed;
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0 || !file.flush())
        return Error::io(QCoreApplication::translate("Realm::Markup", "Cannot write %1: %2").arg(fileName, file.errorString()));
    return {};
}
} // namespace

Result<QStringList> writeHtmlSite(const QString &title, const QString &markdown, const QString &dir, const QString &footer)
{
    if (!QDir().mkpath(dir))
        return Error::io(QCoreApplication::translate("Realm::Markup", "Cannot create the folder %1.").arg(dir));
    Result<QStringList> earlier = earlierSiteFiles(dir);
    if (!earlier)
        return earlier.error();
    // Slugs are handed out over the whole document, in order, so they are
    // the anchors the single-page forms use too.
    HeadingSlugger slugger;
    QList<Page> pages;
    QHash<QString, QString> pageOfAnchor;
    QSet<QString> taken;
    const QStringList parts = chapters(markdown);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        Page page;
        page.html = addHeadingIds(highlightCodeBlocks(markdownToHtml(parts.at(i))), slugger, &page.headings);
        if (i == 0) {
            page.file = QStringLiteral("index.html");
            page.title = QCoreApplication::translate("Realm::Markup", "Overview");
        } else {
            const Heading first = page.headings.value(0);
            page.file = pageFileName(first.id, int(i), taken);
            page.title = first.text;
        }
        for (const Heading &h : std::as_const(page.headings))
            pageOfAnchor.insert(h.id, page.file);
        pages.append(page);
    }
    const QDir out(dir);
    QStringList written;
    for (const Page &page : std::as_const(pages)) {
        Page linked = page;
        linked.html = linkAcrossPages(page.html, page.file, pageOfAnchor);
        if (Result<void> r = writeText(out.filePath(page.file), pageHtml(title, linked, footer)); !r)
            return r.error();
        written << out.filePath(page.file);
    }
    for (const auto &[name, text] : {std::pair{QStringLiteral("style.css"), pageStyleSheet()}, std::pair{QStringLiteral("site.js"), siteScript(pages)}}) {
        if (Result<void> r = writeText(out.filePath(name), text); !r)
            return r.error();
        written << out.filePath(name);
    }
    // Chapters the earlier site had and this one has not.
    QStringList names;
    for (const QString &file : std::as_const(written))
        names << QFileInfo(file).fileName();
    for (const QString &name : std::as_const(*earlier)) {
        if (!names.contains(name))
            QFile::remove(out.filePath(name));
    }
    if (Result<void> r = writeText(out.filePath(QLatin1String(kSiteMarker)), names.join(QLatin1Char('\n')) + QLatin1Char('\n')); !r)
        return r.error();
    return written;
}

} // namespace Realm::Markup
