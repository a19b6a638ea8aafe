// SPDX-License-Identifier: GPL-3.0-or-later
#include "markup/markdownoutput.h"

#include <QCoreApplication>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

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

QString htmlPage(const QString &title, const QString &markdown, bool allowRawHtml)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%1</title>\n"
               "<style>\n"
               ":root { color-scheme: light dark; }\n"
               "body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }\n"
               "h2 { margin-top: 2rem; border-bottom: 1px solid #8884; }\n"
               "pre { background: #8881; padding: .75rem; overflow-x: auto; border-radius: 4px; }\n"
               "code { font-family: ui-monospace, monospace; }\n"
               "table { border-collapse: collapse; } td, th { border: 1px solid #8886; padding: .2rem .5rem; }\n"
               "blockquote { color: #888; margin-left: 0; padding-left: 1rem; border-left: 3px solid #8884; }\n"
               "</style>\n</head>\n<body>\n")
               .arg(title.toHtmlEscaped())
           + markdownToHtml(markdown, allowRawHtml) + QStringLiteral("</body>\n</html>\n");
}

Result<void> writePdf(const QString &title, const QString &markdown, const QString &fileName, bool allowRawHtml)
{
    QSaveFile out(fileName);
    if (!out.open(QIODevice::WriteOnly))
        return Error::io(QCoreApplication::translate("Realm::Markup", "Cannot write %1: %2").arg(fileName, out.errorString()));
    {
        QPdfWriter pdf(&out);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("REALM"));
        QTextDocument document;
        document.setDefaultStyleSheet(QStringLiteral("pre { background: #f2f2f2; white-space: pre-wrap; }")); // long lines wrap on paper
        QString html = markdownToHtml(markdown, allowRawHtml);
        // QTextDocument draws table rules only when asked in attributes.
        html.replace(QStringLiteral("<table>"), QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">"));
        document.setHtml(html);
        document.print(&pdf); // lays out pages and numbers them
    }
    if (!out.commit())
        return Error::io(QCoreApplication::translate("Realm::Markup", "Cannot write %1: %2").arg(fileName, out.errorString()));
    return {};
}

} // namespace Realm::Markup
