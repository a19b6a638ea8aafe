// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/markdownrenderer.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QPalette>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextDocumentFragment>

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

QTextBlockFormat codeBlockFormat()
{
    QTextBlockFormat format;
    QColor shade = QPalette().color(QPalette::Text);
    shade.setAlphaF(0.07f);
    format.setBackground(shade);
    format.setNonBreakableLines(true);
    format.setLeftMargin(6);
    return format;
}
} // namespace

QString markdownToHtml(const QString &markdown)
{
    QString html = Markup::markdownToHtml(markdown); // model output is untrusted
    // QTextDocument draws table rules only when asked in attributes.
    html.replace(QStringLiteral("<table>"), QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">"));
    return html;
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
        highlightOpenCode();
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
        highlightOpenCode();
        m_cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        m_tailStart = m_cursor.position();
        return;
    case Markup::FenceScanner::Line::Opening: {
        flushParagraph();
        m_codeBlocks.append(QString());
        // A header line with the copy link for this block.
        QString header = QStringLiteral("<p><a href=\"realm-copy:%1\">%2</a>").arg(m_firstCodeBlock + m_codeBlocks.size() - 1).arg(QCoreApplication::translate("Realm::Ui::ChatView", "Copy"));
        if (!m_fences.language().isEmpty())
            header += QStringLiteral(" <span style=\"color:gray\">%1</span>").arg(m_fences.language().toHtmlEscaped());
        insertBlockHtml(header + QStringLiteral("</p>"));
        m_cursor.insertBlock(codeBlockFormat(), codeFormat());
        m_codeFirstBlock = m_cursor.blockNumber();
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
        m_cursor.insertBlock(codeBlockFormat(), codeFormat());
    }
    code += line;
    m_cursor.insertText(line, codeFormat());
    m_tailStart = m_cursor.position();
}

void MarkdownStream::highlightOpenCode()
{
    // Coloured once the block is complete: highlighting line by line as it
    // streams would colour half-typed tokens wrongly.
    const bool dark = QPalette().color(QPalette::Base).lightness() < 128;
    highlightCode(m_document, m_codeFirstBlock, m_cursor.blockNumber(), m_fences.language(), dark);
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
                tail.insertBlock(codeBlockFormat(), codeFormat());
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
