// SPDX-License-Identifier: GPL-3.0-or-later
#include "markup/markdownoutput.h"

#include "markup/headings.h"

#include <md4c-html.h>

namespace Realm::Markup {

namespace {
void appendTo(const MD_CHAR *text, MD_SIZE size, void *out)
{
    static_cast<QByteArray *>(out)->append(text, qsizetype(size));
}
} // namespace

QString markdownToHtml(const QString &markdown, bool allowRawHtml)
{
    const QByteArray utf8 = markdown.toUtf8();
    QByteArray html;
    md_html(utf8.constData(), MD_SIZE(utf8.size()), appendTo, &html, MD_DIALECT_GITHUB | (allowRawHtml ? 0 : MD_FLAG_NOHTML), 0);
    return QString::fromUtf8(html);
}

QString pageStyleSheet()
{
    return QStringLiteral(
        ":root { color-scheme: light dark; --muted: #6a737d; --rule: #8884; --code: #8881; --accent: #0969da; }\n"
        "@media (prefers-color-scheme: dark) { :root { --muted: #9ba3ad; --accent: #58a6ff; } }\n"
        "body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }\n"
        "a { color: var(--accent); }\n"
        "h2 { margin-top: 2rem; border-bottom: 1px solid var(--rule); }\n"
        "pre { background: var(--code); padding: .75rem; overflow-x: auto; border-radius: 4px; }\n"
        "code { font-family: ui-monospace, monospace; }\n"
        "table { border-collapse: collapse; } td, th { border: 1px solid #8886; padding: .2rem .5rem; }\n"
        "blockquote { color: var(--muted); margin-left: 0; padding-left: 1rem; border-left: 3px solid var(--rule); }\n"
        "body.site { max-width: none; margin: 0; padding: 0; display: flex; }\n"
        ".sidebar { position: sticky; top: 0; height: 100vh; overflow-y: auto; width: 17rem; flex: none; padding: 1rem;"
        " box-sizing: border-box; border-right: 1px solid var(--rule); font-size: .9rem; }\n"
        ".sidebar ul { list-style: none; padding: 0; margin: .5rem 0; }\n"
        ".sidebar li { margin: .15rem 0; overflow-wrap: anywhere; }\n"
        ".sidebar a { text-decoration: none; } .sidebar a.current { font-weight: 600; }\n"
        ".sidebar .home { font-weight: 700; display: block; margin-bottom: .5rem; }\n"
        "#search { width: 100%; box-sizing: border-box; padding: .3rem; }\n"
        "#results:not(:empty) { border-bottom: 1px solid var(--rule); padding-bottom: .5rem; }\n"
        "main { max-width: 52rem; padding: 1rem 2rem 3rem; min-width: 0; }\n"
        ".toc { border: 1px solid var(--rule); border-radius: 4px; padding: .5rem 1rem; margin: 1rem 0; font-size: .9rem; }\n"
        "footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }\n");
}

QString htmlPage(const QString &title, const QString &markdown, bool allowRawHtml)
{
    HeadingSlugger slugger;
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%1</title>\n<style>\n")
               .arg(title.toHtmlEscaped())
           + pageStyleSheet() + QStringLiteral("</style>\n</head>\n<body>\n")
           + addHeadingIds(markdownToHtml(markdown, allowRawHtml), slugger) + QStringLiteral("</body>\n</html>\n");
}

} // namespace Realm::Markup
