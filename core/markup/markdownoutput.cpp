// SPDX-License-Identifier: GPL-3.0-or-later
#include "markup/markdownoutput.h"

#include "markup/codehighlight.h"
#include "markup/fencescanner.h"
#include "markup/headings.h"

#include <QThread>
#include <QtConcurrent>

#include <md4c-html.h>

namespace Realm::Markup {

namespace {
void appendTo(const MD_CHAR *text, MD_SIZE size, void *out)
{
    static_cast<QByteArray *>(out)->append(text, qsizetype(size));
}
} // namespace

namespace {
enum class Target { Page, Web, Other };

// What a link target in md4c's output points at. md4c percent-encodes
// spaces and control characters and writes '&' as "&amp;", so whatever
// comes before the first ':' (when no '/', '?' or '#' comes first) is the
// scheme as a browser reads it — or not a scheme at all, which is refused
// too rather than guessed at.
Target targetOf(QByteArrayView url)
{
    qsizetype end = 0;
    while (end < url.size() && url.at(end) != ':' && url.at(end) != '/' && url.at(end) != '?' && url.at(end) != '#')
        ++end;
    if (url.startsWith("//"))
        return Target::Web; // another host, this page's scheme
    if (end == url.size() || url.at(end) != ':')
        return Target::Page; // relative, or an #anchor
    const QByteArray scheme = url.first(end).toByteArray().toLower();
    if (scheme == "http" || scheme == "https")
        return Target::Web;
    return scheme == "mailto" ? Target::Page : Target::Other;
}

// Keeps REALM's HTML from running or fetching anything when opened: links
// keep only http, https, mailto, relative and #anchor targets (a
// "javascript:", "data:" or "file:" link becomes plain text), and images
// are shown only from the page's own folder — a remote image becomes a
// link to it, so opening a page tells no server that it was read. Works on
// md4c's own output (raw HTML is never kept), whose tags have one form.
QByteArray withSafeTargets(QByteArray html)
{
    constexpr QByteArrayView kLink("<a href=\"");
    constexpr QByteArrayView kImage("<img src=\"");
    qsizetype link = html.indexOf(kLink);
    qsizetype image = html.indexOf(kImage);
    if (link < 0 && image < 0)
        return html;
    QByteArray out;
    out.reserve(html.size());
    qsizetype at = 0;
    while (link >= 0 || image >= 0) {
        const bool isLink = image < 0 || (link >= 0 && link < image);
        const qsizetype tag = isLink ? link : image;
        const qsizetype urlStart = tag + (isLink ? kLink.size() : kImage.size());
        const qsizetype urlEnd = html.indexOf('"', urlStart);
        if (urlEnd < 0)
            break;
        const QByteArrayView url = QByteArrayView(html).sliced(urlStart, urlEnd - urlStart);
        const Target target = targetOf(url);
        out.append(QByteArrayView(html).sliced(at, tag - at));
        at = urlEnd + 1;
        if (isLink) {
            if (target == Target::Other) {
                out.append("<a"); // no target: the text stays, the link goes
            } else {
                out.append(QByteArrayView(html).sliced(tag, urlEnd + 1 - tag));
            }
        } else {
            // <img src="URL" alt="TEXT"[ title="…"]>: md4c escapes '>' in attributes.
            const qsizetype close = html.indexOf('>', urlEnd);
            if (close < 0)
                break;
            if (target == Target::Page) {
                out.append(QByteArrayView(html).sliced(tag, close + 1 - tag));
            } else {
                QByteArray alt;
                const qsizetype altStart = html.indexOf("alt=\"", urlEnd);
                if (altStart >= 0 && altStart < close)
                    alt = html.mid(altStart + 5, html.indexOf('"', altStart + 5) - altStart - 5);
                if (target == Target::Web)
                    out.append("<a href=\"" + url.toByteArray() + "\">" + (alt.isEmpty() ? url.toByteArray() : alt) + "</a>");
                else
                    out.append(alt);
            }
            at = close + 1;
        }
        if (isLink)
            link = html.indexOf(kLink, at);
        else
            image = html.indexOf(kImage, at);
        if (link >= 0 && link < at)
            link = html.indexOf(kLink, at);
        if (image >= 0 && image < at)
            image = html.indexOf(kImage, at);
    }
    out.append(QByteArrayView(html).sliced(at));
    return out;
}

QByteArray html(QByteArrayView markdown)
{
    QByteArray out;
    out.reserve(markdown.size() + markdown.size() / 2);
    // Everything REALM renders holds text it does not trust (code comments,
    // model answers, project names): raw HTML is shown as text, never kept.
    md_html(markdown.data(), MD_SIZE(markdown.size()), appendTo, &out, MD_DIALECT_GITHUB | MD_FLAG_NOHTML, 0);
    return withSafeTargets(std::move(out));
}

// Where a large text can be cut into pieces that render alone exactly as
// they do together: before a "#" or "##" heading at the start of a line
// after a blank line, outside fenced code (such a heading always starts a
// new top-level block). Anything this simple reading cannot be sure of
// means no pieces at all: a possible link reference definition ("]:"
// outside code: it may be used in another piece), an indented fence (it
// may end with its list item).
QList<qsizetype> cutPoints(QByteArrayView markdown, qsizetype pieceSize)
{
    QList<qsizetype> cuts;
    FenceScanner fences;
    bool lastBlank = true;
    qsizetype pieceStart = 0;
    for (qsizetype at = 0; at < markdown.size();) {
        qsizetype end = markdown.indexOf('\n', at);
        if (end < 0)
            end = markdown.size();
        const QByteArrayView line = markdown.sliced(at, end - at);
        const QByteArrayView trimmed = line.trimmed();
        const bool fenceLike = trimmed.startsWith("```") || trimmed.startsWith("~~~");
        if (fenceLike && (line.startsWith(' ') || line.startsWith('\t')))
            return {};
        const FenceScanner::Line kind = fences.next(line);
        if (kind == FenceScanner::Line::Text) {
            if (trimmed.contains("]:"))
                return {};
            if (lastBlank && (line.startsWith("# ") || line.startsWith("## ")) && at - pieceStart >= pieceSize) {
                cuts.append(at);
                pieceStart = at;
            }
        }
        lastBlank = kind == FenceScanner::Line::Text && trimmed.isEmpty();
        at = end + 1;
    }
    return cuts;
}
} // namespace

QString markdownToHtml(const QString &markdown)
{
    const QByteArray utf8 = markdown.toUtf8();
    // A reference of many megabytes renders in pieces, on every core.
    constexpr qsizetype kParallelFrom = 512 * 1024;
    constexpr qsizetype kPieces = 8; // a fixed number, so the pieces are the same on every machine
    const QList<qsizetype> cuts = utf8.size() < kParallelFrom ? QList<qsizetype>() : cutPoints(utf8, utf8.size() / kPieces);
    if (cuts.isEmpty())
        return QString::fromUtf8(html(utf8));
    QList<QByteArrayView> pieces;
    qsizetype start = 0;
    for (const qsizetype cut : cuts) {
        pieces.append(QByteArrayView(utf8).sliced(start, cut - start));
        start = cut;
    }
    pieces.append(QByteArrayView(utf8).sliced(start));
    const QList<QByteArray> rendered =
        QtConcurrent::blockingMapped(pieces, [](QByteArrayView piece) { return html(piece); });
    QByteArray joined;
    qsizetype size = 0;
    for (const QByteArray &piece : rendered)
        size += piece.size();
    joined.reserve(size);
    for (const QByteArray &piece : rendered)
        joined += piece;
    return QString::fromUtf8(joined);
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
        "footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }\n")
           + codeHighlightStyleSheet();
}

QString htmlPage(const QString &title, const QString &markdown)
{
    HeadingSlugger slugger;
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%1</title>\n<style>\n")
               .arg(title.toHtmlEscaped())
           + pageStyleSheet() + QStringLiteral("</style>\n</head>\n<body>\n")
           + addHeadingIds(highlightCodeBlocks(markdownToHtml(markdown)), slugger) + QStringLiteral("</body>\n</html>\n");
}

} // namespace Realm::Markup
