// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF form of a Markdown document, paginated by hand so it can have a
// title page, a table of contents with page numbers, running headers and
// chapters that start on a new page (QTextDocument::print does none of it).
#include "pdf/pdfbook.h"

#include "markup/markdownoutput.h"

#include "common/protectedfiles.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace Realm::Pdf {

namespace {
struct Chapter {
    QString title;
    int page = 0; // 0-based, within the body
};

// A document laid out for pages of `size` (device pixels of `device`).
void layOut(QTextDocument &document, QPaintDevice *device, const QSizeF &size)
{
    document.documentLayout()->setPaintDevice(device);
    document.setPageSize(size);
    document.setDocumentMargin(0);
}

QList<Chapter> chaptersOf(const QTextDocument &document, qreal pageHeight)
{
    QList<Chapter> chapters;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() == 2)
            chapters.append({block.text().simplified(), int(document.documentLayout()->blockBoundingRect(block).top() / pageHeight)});
    }
    return chapters;
}

void drawPage(QPainter &painter, QTextDocument &document, int page, const QRectF &body)
{
    painter.save();
    painter.translate(body.left(), body.top() - page * body.height());
    const QRectF view(0, page * body.height(), body.width(), body.height());
    painter.setClipRect(view);
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = view;
    context.palette.setColor(QPalette::Text, Qt::black);
    document.documentLayout()->draw(&painter, context);
    painter.restore();
}

void drawHeaderAndFooter(QPainter &painter, const QRectF &paper, qreal band, const QString &left, const QString &right,
                         const QString &foot)
{
    painter.save();
    QFont font = painter.font();
    font.setPointSizeF(8);
    painter.setFont(font);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    const QRectF header(paper.left(), paper.top(), paper.width(), band * 0.6);
    painter.drawText(header, Qt::AlignLeft | Qt::AlignBottom, painter.fontMetrics().elidedText(left, Qt::ElideRight, int(header.width() / 2)));
    painter.drawText(header, Qt::AlignRight | Qt::AlignBottom, painter.fontMetrics().elidedText(right, Qt::ElideLeft, int(header.width() / 2)));
    painter.drawLine(QPointF(paper.left(), header.bottom() + band * 0.1), QPointF(paper.right(), header.bottom() + band * 0.1));
    painter.drawText(QRectF(paper.left(), paper.bottom() - band * 0.6, paper.width(), band * 0.6), Qt::AlignHCenter | Qt::AlignBottom, foot);
    painter.restore();
}

QString tableOfContentsHtml(const QList<Chapter> &chapters, int firstBodyPage)
{
    QString rows;
    for (const Chapter &c : chapters)
        rows += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>\n").arg(c.title.toHtmlEscaped()).arg(firstBodyPage + c.page + 1);
    return QStringLiteral("<h1>%1</h1>\n<table width=\"100%\" cellpadding=\"2\">\n%2</table>\n")
        .arg(QCoreApplication::translate("Realm::Pdf", "Contents"), rows);
}

QString titlePageHtml(const QString &title, const QStringList &lines)
{
    QString html = QStringLiteral("<h1 align=\"center\" style=\"font-size: 26pt\">%1</h1>\n").arg(title.toHtmlEscaped());
    for (const QString &line : lines)
        html += QStringLiteral("<p align=\"center\" style=\"font-size: 12pt\">%1</p>\n").arg(line.toHtmlEscaped());
    return html;
}
} // namespace

Result<void> writePdf(const QString &title, const QString &markdown, const QString &fileName, const Options &options)
{
    if (Result<void> allowed = ProtectedFiles::checkWritable(fileName); !allowed)
        return allowed;
    QSaveFile out(fileName);
    if (!out.open(QIODevice::WriteOnly))
        return Error::io(QCoreApplication::translate("Realm::Pdf", "Cannot write %1: %2").arg(fileName, out.errorString()));
    {
        QPdfWriter pdf(&out);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(18, 14, 18, 14), QPageLayout::Millimeter);
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("REALM"));
        const QRectF paper(QPointF(0, 0), pdf.pageLayout().paintRectPixels(pdf.resolution()).size());
        const qreal band = 10.0 / 25.4 * pdf.resolution(); // 10 mm for the header and for the footer
        const QRectF body(paper.left(), paper.top() + band, paper.width(), paper.height() - 2 * band);

        QTextDocument document;
        // Long lines wrap on paper; chapters may start on a new page.
        document.setDefaultStyleSheet(QStringLiteral("pre { background: #f2f2f2; white-space: pre-wrap; }")
                                      + (options.chapterPerPage ? QStringLiteral(" h2 { page-break-before: always; }") : QString()));
        QString html = Markup::markdownToHtml(markdown);
        // QTextDocument draws table rules only when asked in attributes.
        html.replace(QStringLiteral("<table>"), QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">"));
        document.setHtml(html);
        layOut(document, &pdf, body.size());
        const QList<Chapter> chapters = chaptersOf(document, body.height());

        QTextDocument titleDocument;
        if (!options.titlePage.isEmpty()) {
            titleDocument.setHtml(titlePageHtml(title, options.titlePage));
            layOut(titleDocument, &pdf, body.size());
        }
        const int titlePages = options.titlePage.isEmpty() ? 0 : 1;
        // The contents' own length decides where the body starts: lay it
        // out once with provisional numbers, then with the real ones (the
        // numbers' width never changes the row count).
        QTextDocument contents;
        int contentsPages = 0;
        if (options.tableOfContents && !chapters.isEmpty()) {
            contents.setHtml(tableOfContentsHtml(chapters, titlePages));
            layOut(contents, &pdf, body.size());
            contentsPages = contents.pageCount();
            contents.setHtml(tableOfContentsHtml(chapters, titlePages + contentsPages));
            layOut(contents, &pdf, body.size());
        }
        const int bodyPages = document.pageCount();
        const int total = titlePages + contentsPages + bodyPages;

        QPainter painter(&pdf);
        int printed = 0;
        const auto newPage = [&] {
            if (printed++ > 0)
                pdf.newPage();
        };
        const auto foot = [&] { return QCoreApplication::translate("Realm::Pdf", "Page %1 of %2").arg(printed).arg(total); };
        if (titlePages) {
            newPage();
            drawPage(painter, titleDocument, 0, body.translated(0, body.height() / 4)); // a third down the page
        }
        for (int page = 0; page < contentsPages; ++page) {
            newPage();
            drawHeaderAndFooter(painter, paper, band, title, QCoreApplication::translate("Realm::Pdf", "Contents"), foot());
            drawPage(painter, contents, page, body);
        }
        qsizetype chapter = -1;
        for (int page = 0; page < bodyPages; ++page) {
            newPage();
            while (chapter + 1 < chapters.size() && chapters.at(chapter + 1).page <= page)
                ++chapter;
            drawHeaderAndFooter(painter, paper, band, title, chapter >= 0 ? chapters.at(chapter).title : QString(), foot());
            drawPage(painter, document, page, body);
        }
    }
    if (!out.commit())
        return Error::io(QCoreApplication::translate("Realm::Pdf", "Cannot write %1: %2").arg(fileName, out.errorString()));
    return {};
}

} // namespace Realm::Pdf
