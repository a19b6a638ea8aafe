// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace Realm::Ui {

// A read-only code view: line numbers, current-line highlight, highlighted
// find matches, go to line, code in colour (KSyntaxHighlighting). Holds
// text only; loading happens elsewhere, off the UI thread.
class CodeView final : public QPlainTextEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeView)
public:
    explicit CodeView(QWidget *parent = nullptr);

    // Shows `text`, or for binary files a hex dump of the first bytes.
    void showText(const QString &text);
    // Picks syntax highlighting for this file name; call before showing the
    // text. Files over 1 MiB
    // stay plain: highlighting them would stall the UI.
    void setFileName(const QString &fileName, qint64 size);
    // The highlighting definition in use ("C++"), empty when plain.
    QString syntaxName() const;
    // Like showText(), but a large text arrives in slices over several
    // event-loop turns, so the UI never stalls while QPlainTextEdit lays out
    // hundreds of thousands of lines. loaded() follows the last slice.
    void showTextProgressively(const QString &text);
    bool isLoading() const { return !m_pending.isEmpty(); }
    void showBinary(const QByteArray &bytes, qint64 totalSize);

    // Line is 1-based; selects `length` UTF-16 units from `column` (1-based,
    // in UTF-16 units, as search results give them) when given.
    void goToLine(int line, int column = 0, int length = 0);
    // Highlights every occurrence and moves to the next one after the cursor.
    // Returns how many there are.
    int find(const QString &text, bool backwards = false);
    int lineNumberAreaWidth() const;
    // The selected lines (or the current one) as "  12  text" lines, for
    // pasting into a review or a chat.
    QString selectionWithLineNumbers() const;

signals:
    void loaded();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class LineNumberArea;
    void paintLineNumbers(QPaintEvent *event);
    void updateExtraSelections();

    QWidget *m_lineNumbers;
    void appendNextSlice();

    QList<QTextEdit::ExtraSelection> m_findSelections;
    QObject *m_highlighter = nullptr; // a KSyntaxHighlighting::SyntaxHighlighter when built in
    QString m_pending;       // text still to be appended
    qsizetype m_pendingAt = 0;
    struct { int line = 0, column = 0, length = 0; } m_pendingJump; // goToLine() before that line arrived
};

} // namespace Realm::Ui
