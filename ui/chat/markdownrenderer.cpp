// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/markdownrenderer.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QPalette>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextTable>

#include "codeview/codehighlighting.h"
#include "markup/markdownoutput.h"


namespace Realm::Ui {

namespace {
QTextCharFormat codeFormat()
{
    QTextCharFormat format;
    format.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return format;
}

// The text colour, faded: what tints and rules are drawn in, so they suit
// light and dark themes alike.
QColor faded(qreal alpha)
{
    QColor colour = QPalette().color(QPalette::Text);
    colour.setAlphaF(float(alpha));
    return colour;
}

// QTextDocument's HTML takes no alpha: the faded colour mixed over the
// base colour, as #rrggbb.
QString fadedHex(qreal alpha)
{
    const QColor base = QPalette().color(QPalette::Base);
    const QColor text = QPalette().color(QPalette::Text);
    const auto mix = [alpha](int over, int under) { return int(over * alpha + under * (1 - alpha)); };
    return QColor(mix(text.red(), base.red()), mix(text.green(), base.green()), mix(text.blue(), base.blue())).name();
}

QTextBlockFormat codeBlockFormat()
{
    QTextBlockFormat format;
    format.setNonBreakableLines(true);
    return format;
}

// A code block while it streams: shaded lines under a plain header.
QTextBlockFormat openCodeBlockFormat()
{
    QTextBlockFormat format = codeBlockFormat();
    format.setBackground(faded(0.05));
    format.setLeftMargin(6);
    return format;
}

QString copyLinkHtml(int index)
{
    return QStringLiteral("<a href=\"realm-copy:%1\">%2</a>").arg(index).arg(QCoreApplication::translate("Realm::Ui::ChatView", "Copy"));
}
} // namespace

QString markdownToHtml(const QString &markdown)
{
    QString html = Markup::markdownToHtml(markdown); // model output is untrusted
    // QTextDocument draws table rules and quote bars only when asked in
    // attributes: single light rules, and a quote as a one-cell table with
    // a bar on its left.
    const QString rule = fadedHex(0.25);
    html.replace(QStringLiteral("<table>"),
                 QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" style=\"border-collapse: collapse; border-style: solid; border-color: %1\">").arg(rule));
    html.replace(QStringLiteral("<blockquote>"),
                 QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse: collapse\"><tr>"
                                "<td style=\"border-left: 3px solid %1; padding-left: 10px; color: %2\">")
                     .arg(fadedHex(0.35), fadedHex(0.8)));
    html.replace(QStringLiteral("</blockquote>"), QStringLiteral("</td></tr></table>"));
    return html;
}

QString answerStyleSheet()
{
    // Even spacing between blocks, whatever their kind.
    return QStringLiteral("p, ul, ol, table, h1, h2, h3, h4, h5, h6 { margin-top: 6px; margin-bottom: 6px; }"
                          "li { margin-top: 1px; margin-bottom: 1px; }"
                          "h1 { font-size: x-large; } h2 { font-size: large; } h3, h4, h5, h6 { font-size: medium; }");
}

MarkdownStream::MarkdownStream(QTextDocument *document, int at, int firstCodeBlock)
    : m_document(document)
    , m_cursor(document)
    , m_firstCodeBlock(firstCodeBlock)
{
    m_cursor.setPosition(at);
    m_tailStart = at;
}

void MarkdownStream::append(const QString &delta)
{
    m_partialLine += delta;
    qsizetype newline;
    bool sawLine = false;
    while ((newline = m_partialLine.indexOf(QLatin1Char('\n'))) >= 0) {
        if (!sawLine) {
            // Remove the old tail before finished lines land where it was.
            QTextCursor tail(m_document);
            tail.setPosition(m_tailStart);
            tail.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
            tail.removeSelectedText();
            sawLine = true;
        }
        processLine(m_partialLine.left(newline));
        m_partialLine.remove(0, newline + 1);
    }
    redrawTail();
}

void MarkdownStream::finish()
{
    QTextCursor tail(m_document);
    tail.setPosition(m_tailStart);
    tail.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    tail.removeSelectedText();
    if (!m_partialLine.isEmpty()) {
        processLine(m_partialLine);
        m_partialLine.clear();
    }
    if (m_fences.inCode()) {
        closeCodeBlock();
        m_fences = {}; // an unclosed fence ends with the answer
    }
    flushParagraph();
    m_tailStart = m_cursor.position();
}

void MarkdownStream::processLine(const QString &line)
{
    switch (m_fences.next(line.toUtf8())) {
    case Markup::FenceScanner::Line::Text:
        break;
    case Markup::FenceScanner::Line::Code:
        appendCodeLine(line);
        return;
    case Markup::FenceScanner::Line::Closing:
        closeCodeBlock();
        return;
    case Markup::FenceScanner::Line::Opening: {
        flushParagraph();
        m_codeBlocks.append(QString());
        if (m_cursor.position() > 0 && !m_cursor.block().text().isEmpty())
            m_cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        m_codeStart = m_cursor.position();
        m_cursor.insertHtml(QStringLiteral("<span style=\"color:%1\">%2</span>").arg(fadedHex(0.6), m_fences.language().toHtmlEscaped()));
        m_cursor.insertBlock(openCodeBlockFormat(), codeFormat());
        m_tailStart = m_cursor.position();
        return;
    }
    }
    if (line.trimmed().isEmpty()) {
        flushParagraph();
        return;
    }
    m_paragraph.append(line);
}

void MarkdownStream::appendCodeLine(const QString &line)
{
    QString &code = m_codeBlocks.last();
    if (!code.isEmpty() || m_cursor.block().length() > 1) {
        code += QLatin1Char('\n');
        m_cursor.insertBlock(openCodeBlockFormat(), codeFormat());
    }
    code += line;
    m_cursor.insertText(line, codeFormat());
    m_tailStart = m_cursor.position();
}

// A finished code block becomes a card: a header with its language and a
// Copy link, over the code, coloured once complete (colouring line by line
// as it streams would colour half-typed tokens wrongly).
void MarkdownStream::closeCodeBlock()
{
    QTextCursor cursor(m_document);
    cursor.setPosition(m_codeStart);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    cursor.setBlockFormat(QTextBlockFormat());

    QTextTableFormat card;
    card.setBorder(1);
    card.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    card.setBorderBrush(faded(0.15));
    card.setBorderCollapse(true);
    card.setBackground(faded(0.04));
    card.setCellPadding(5);
    card.setCellSpacing(0);
    card.setTopMargin(4);
    card.setBottomMargin(4);
    card.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    QTextTable *table = cursor.insertTable(2, 1, card);
    QTextTableCellFormat headerCell;
    headerCell.setBackground(faded(0.08));
    table->cellAt(0, 0).setFormat(headerCell);
    // The header band holds a borderless two-cell table: the language on
    // the left, Copy on the right (cells of one collapsed table would be
    // ruled apart).
    QTextTableFormat band;
    band.setBorder(0);
    band.setCellPadding(0);
    band.setCellSpacing(0);
    band.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    QTextCursor header = table->cellAt(0, 0).firstCursorPosition();
    QTextTable *bandTable = header.insertTable(1, 2, band);
    QTextCharFormat headerText;
    headerText.setForeground(faded(0.6));
    QTextCursor language = bandTable->cellAt(0, 0).firstCursorPosition();
    language.insertText(m_fences.language(), headerText);
    QTextCursor copy = bandTable->cellAt(0, 1).firstCursorPosition();
    QTextBlockFormat right;
    right.setAlignment(Qt::AlignRight);
    copy.setBlockFormat(right);
    copy.insertHtml(copyLinkHtml(m_firstCodeBlock + int(m_codeBlocks.size()) - 1));
    // A cell keeps an empty block after a table inside it: no height for it.
    QTextCursor after(bandTable->lastCursorPosition());
    after.movePosition(QTextCursor::NextBlock);
    QTextBlockFormat collapsed;
    collapsed.setLineHeight(0, QTextBlockFormat::FixedHeight);
    after.setBlockFormat(collapsed);

    QTextCursor code = table->cellAt(1, 0).firstCursorPosition();
    code.setBlockFormat(codeBlockFormat());
    const int firstBlock = code.blockNumber();
    const QStringList lines = m_codeBlocks.last().split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            code.insertBlock(codeBlockFormat(), codeFormat());
        code.insertText(lines.at(i), codeFormat());
    }
    const bool dark = QPalette().color(QPalette::Base).lightness() < 128;
    highlightCode(m_document, firstBlock, code.blockNumber(), m_fences.language(), dark);

    m_cursor = QTextCursor(m_document);
    m_cursor.movePosition(QTextCursor::End); // the empty block QTextDocument keeps after a table
    m_tailStart = m_cursor.position();
}

void MarkdownStream::flushParagraph()
{
    if (m_paragraph.isEmpty())
        return;
    insertBlockHtml(markdownToHtml(m_paragraph.join(QLatin1Char('\n'))));
    m_paragraph.clear();
}

void MarkdownStream::insertBlockHtml(const QString &html)
{
    if (m_cursor.position() > 0 && !m_cursor.block().text().isEmpty())
        m_cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    m_cursor.insertFragment(QTextDocumentFragment::fromHtml(html, m_document));
    m_tailStart = m_cursor.position();
}

void MarkdownStream::redrawTail()
{
    QTextCursor tail(m_document);
    tail.setPosition(m_tailStart);
    tail.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    tail.removeSelectedText();
    if (m_fences.inCode()) {
        if (!m_partialLine.isEmpty()) {
            if (!m_codeBlocks.last().isEmpty() || tail.block().length() > 1)
                tail.insertBlock(openCodeBlockFormat(), codeFormat());
            tail.insertText(m_partialLine, codeFormat());
        }
        return;
    }
    QStringList pending = m_paragraph;
    if (!m_partialLine.isEmpty())
        pending.append(m_partialLine);
    if (pending.isEmpty())
        return;
    if (tail.position() > 0 && !tail.block().text().isEmpty())
        tail.insertBlock(QTextBlockFormat(), QTextCharFormat());
    tail.insertFragment(QTextDocumentFragment::fromHtml(markdownToHtml(pending.join(QLatin1Char('\n'))), m_document));
}

} // namespace Realm::Ui
