// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "markup/fencescanner.h"

#include <QString>
#include <QStringList>
#include <QTextCursor>

class QTextDocument;

namespace Realm::Ui {

// Markdown (GitHub flavour) to the HTML subset QTextDocument shows, with
// md4c. Raw HTML in the Markdown is shown as text, never interpreted: model
// output is untrusted.
QString markdownToHtml(const QString &markdown);
// The default style sheet for a document answers are rendered into.
QString answerStyleSheet();

// Renders a Markdown answer into a QTextDocument while it streams, at a cost
// that does not grow with the answer: finished blocks (paragraphs, lists,
// tables) are rendered once and stay; fenced code is appended line by line;
// only the unfinished block at the end is redrawn on each delta. A finished
// code block is drawn as a card with its language and a Copy link; code
// blocks are numbered (codeBlocks()) for those links.
class MarkdownStream final {
public:
    // Renders from `at` (a position in `document`) onwards; the document
    // must not change after `at` by anyone else while streaming. Copy links
    // are "realm-copy:N" with N counted from `firstCodeBlock`.
    MarkdownStream(QTextDocument *document, int at, int firstCodeBlock = 0);

    void append(const QString &delta);
    // The end of the answer: the last block is rendered for good.
    void finish();

    const QStringList &codeBlocks() const { return m_codeBlocks; }

private:
    void processLine(const QString &line);
    void flushParagraph();
    void insertBlockHtml(const QString &html);
    void appendCodeLine(const QString &line);
    void redrawTail();
    void closeCodeBlock();

    QTextDocument *m_document;
    QTextCursor m_cursor;      // end of the rendered part
    int m_tailStart = 0;       // where the redrawn tail begins
    QString m_partialLine;     // text after the last line end
    QStringList m_paragraph;   // lines of the block being collected
    Markup::FenceScanner m_fences;
    int m_codeStart = -1;      // where the open code block begins
    QStringList m_codeBlocks;
    int m_firstCodeBlock = 0;
};

} // namespace Realm::Ui
