// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class Theme;
}

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
    // The colour theme of the code, following the palette ("Breeze Light").
    QString syntaxThemeName() const;
    // Like showText(), but a large text arrives in slices over several
    // event-loop turns, so the UI never stalls while QPlainTextEdit lays out
    // hundreds of thousands of lines. loaded() follows the last slice.
    void showTextProgressively(const QString &text);
    bool isLoading() const { return !m_pending.isEmpty(); }
    void showBinary(const QByteArray &bytes, qint64 totalSize);

    // Line is 1-based; selects `length` UTF-16 units from `column` (1-based,
    // in UTF-16 units, as search results give them) when given.
    void goToLine(int line, int column = 0, int length = 0);
    struct FindOptions {
        bool matchCase = false;
        bool wholeWords = false;
        bool regex = false;
    };
    enum class FindMove { Stay, Next, Previous };
    struct FindResult {
        int count = 0;      // matches in the whole text
        int current = 0;    // 1-based: which one is selected; 0 when none
        bool valid = true;  // false: `text` is not a valid regular expression
    };
    // Highlights every match and selects one: from the start of the
    // current selection (Stay: typing refines the match in place), or the
    // next/previous one, wrapping around.
    FindResult find(const QString &text, const FindOptions &options, FindMove move = FindMove::Stay);
    // The selection, or else the word under the cursor: what "find" starts with.
    QString wordForFind() const;
    int lineNumberAreaWidth() const;
    // The selected lines (or the current one) as "  12  text" lines, for
    // pasting into a review or a chat.
    QString selectionWithLineNumbers() const;

signals:
    void loaded();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class LineNumberArea;
    void paintLineNumbers(QPaintEvent *event);
    void updateExtraSelections();
    void setLineNumbersVisible(bool visible);
    KSyntaxHighlighting::Theme themeForPalette() const;

    QWidget *m_lineNumbers;
    bool m_showLineNumbers = true; // not for hex dumps: they have their own offsets
    void appendNextSlice();

    QList<QTextEdit::ExtraSelection> m_findSelections;
    QObject *m_highlighter = nullptr; // a KSyntaxHighlighting::SyntaxHighlighter when built in
    QString m_pending;       // text still to be appended
    qsizetype m_pendingAt = 0;
    struct { int line = 0, column = 0, length = 0; } m_pendingJump; // goToLine() before that line arrived
};

} // namespace Realm::Ui
