// SPDX-License-Identifier: GPL-3.0-or-later
#include "codeview/codeview.h"

#include "codeview/codehighlighting.h"

#include <QFontDatabase>
#include <QPainter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTimer>

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

namespace Realm::Ui {

// Text beyond this arrives in slices of this size: a few milliseconds of
// layout each, so a 10 MB file never stalls the UI for long.
constexpr qsizetype kSlice = 64 * 1024;

class LineNumberArea final : public QWidget {
public:
    explicit LineNumberArea(CodeView *view) : QWidget(view), m_view(view) {}
    QSize sizeHint() const override { return {m_view->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintLineNumbers(event); }

private:
    CodeView *m_view;
};

CodeView::CodeView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumbers(new LineNumberArea(this))
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy != 0)
            m_lineNumbers->scroll(0, dy);
        else
            m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeView::updateExtraSelections);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    updateExtraSelections();
}

namespace {
KSyntaxHighlighting::Repository &repository()
{
    return syntaxRepository();
}
} // namespace

void CodeView::setFileName(const QString &fileName, qint64 size)
{
    delete m_highlighter;
    m_highlighter = nullptr;
    if (size > 1024 * 1024)
        return;
    const KSyntaxHighlighting::Definition definition = repository().definitionForFileName(fileName);
    if (!definition.isValid())
        return;
    auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document());
    highlighter->setTheme(themeForPalette());
    highlighter->setDefinition(definition);
    m_highlighter = highlighter;
}

KSyntaxHighlighting::Theme CodeView::themeForPalette() const
{
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    return repository().defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme : KSyntaxHighlighting::Repository::LightTheme);
}

QString CodeView::syntaxThemeName() const
{
    if (auto *h = qobject_cast<KSyntaxHighlighting::SyntaxHighlighter *>(m_highlighter))
        return h->theme().name();
    return {};
}

void CodeView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    // A theme switch recolours code already on show.
    if (event->type() == QEvent::PaletteChange) {
        if (auto *h = qobject_cast<KSyntaxHighlighting::SyntaxHighlighter *>(m_highlighter);
            h && h->theme().name() != themeForPalette().name()) {
            h->setTheme(themeForPalette());
            h->rehighlight();
        }
    }
}

QString CodeView::syntaxName() const
{
    if (auto *h = qobject_cast<KSyntaxHighlighting::SyntaxHighlighter *>(m_highlighter))
        return h->definition().name();
    return {};
}

void CodeView::showText(const QString &text)
{
    setLineNumbersVisible(true);
    m_findSelections.clear();
    m_pending.clear();
    m_pendingAt = 0;
    setPlainText(text);
}

void CodeView::showTextProgressively(const QString &text)
{
    if (text.size() <= kSlice) {
        showText(text);
        emit loaded();
        return;
    }
    qsizetype cut = text.lastIndexOf(QLatin1Char('\n'), kSlice);
    cut = cut < 0 ? kSlice : cut;
    showText(text.left(cut));
    m_pending = text;
    m_pendingAt = cut;
    QTimer::singleShot(0, this, &CodeView::appendNextSlice);
}

void CodeView::appendNextSlice()
{
    if (m_pending.isEmpty())
        return;
    qsizetype end = qMin(m_pending.size(), m_pendingAt + kSlice);
    if (end < m_pending.size()) {
        const qsizetype newline = m_pending.lastIndexOf(QLatin1Char('\n'), end);
        if (newline > m_pendingAt)
            end = newline;
    }
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(m_pending.mid(m_pendingAt, end - m_pendingAt));
    m_pendingAt = end;
    if (m_pendingAt < m_pending.size()) {
        QTimer::singleShot(0, this, &CodeView::appendNextSlice);
        return;
    }
    m_pending.clear();
    m_pendingAt = 0;
    if (m_pendingJump.line > 0) {
        goToLine(m_pendingJump.line, m_pendingJump.column, m_pendingJump.length);
        m_pendingJump = {};
    }
    emit loaded();
}

void CodeView::showBinary(const QByteArray &bytes, qint64 totalSize)
{
    constexpr qsizetype kShown = 4096;
    QString dump = tr("Binary file, %n byte(s). First bytes:", nullptr, int(qMin<qint64>(totalSize, INT_MAX))) + QStringLiteral("\n\n");
    for (qsizetype offset = 0; offset < qMin(bytes.size(), kShown); offset += 16) {
        const QByteArray row = bytes.mid(offset, 16);
        QString hex = QString::fromLatin1(row.toHex(' ')).leftJustified(16 * 3);
        QString ascii;
        for (char c : row)
            ascii += (c >= 0x20 && c < 0x7f) ? QLatin1Char(c) : QLatin1Char('.');
        dump += QStringLiteral("%1  %2 %3\n").arg(offset, 8, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    showText(dump);
    setLineNumbersVisible(false); // the dump has its own offsets
}

void CodeView::setLineNumbersVisible(bool visible)
{
    m_showLineNumbers = visible;
    m_lineNumbers->setVisible(visible);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void CodeView::goToLine(int line, int column, int length)
{
    if (isLoading() && line > blockCount() - 1) {
        m_pendingJump = {line, column, length}; // jump once that line has arrived
        return;
    }
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    if (column > 0) {
        const int start = block.position() + qMin(column - 1, block.length() - 1);
        cursor.setPosition(start);
        cursor.setPosition(qMin(start + length, block.position() + block.length() - 1), QTextCursor::KeepAnchor);
    }
    setTextCursor(cursor);
    centerCursor();
}

CodeView::FindResult CodeView::find(const QString &text, const FindOptions &options, FindMove move)
{
    m_findSelections.clear();
    FindResult result;
    if (text.isEmpty()) {
        updateExtraSelections();
        return result;
    }
    // One regular expression for every kind of search: whole words and case
    // are then the same for plain text and patterns.
    QString pattern = options.regex ? text : QRegularExpression::escape(text);
    if (options.wholeWords)
        pattern = QStringLiteral("\\b(?:%1)\\b").arg(pattern);
    const QRegularExpression expression(pattern, options.matchCase ? QRegularExpression::NoPatternOption
                                                                   : QRegularExpression::CaseInsensitiveOption);
    if (!expression.isValid()) {
        result.valid = false;
        updateExtraSelections();
        return result;
    }
    const QTextDocument::FindFlags flags = options.matchCase ? QTextDocument::FindCaseSensitively : QTextDocument::FindFlags();
    QTextCharFormat format;
    format.setBackground(QColor(255, 220, 80, 160));
    for (QTextCursor c = document()->find(expression, 0, flags); !c.isNull(); c = document()->find(expression, c, flags)) {
        if (!c.hasSelection()) { // an empty match (e.g. "x*"): step over it
            c.movePosition(QTextCursor::NextCharacter);
            if (c.atEnd())
                break;
            continue;
        }
        m_findSelections.append({c, format});
    }
    result.count = int(m_findSelections.size());
    if (result.count > 0) {
        // Matches are in document order: pick by position, wrapping around.
        const int from = move == FindMove::Stay ? textCursor().selectionStart()
                         : move == FindMove::Next ? textCursor().selectionEnd()
                                                  : textCursor().selectionStart();
        int chosen = -1;
        if (move == FindMove::Previous) {
            for (int i = result.count - 1; i >= 0 && chosen < 0; --i) {
                if (m_findSelections.at(i).cursor.selectionEnd() <= from)
                    chosen = i;
            }
            if (chosen < 0)
                chosen = result.count - 1;
        } else {
            for (int i = 0; i < result.count && chosen < 0; ++i) {
                if (m_findSelections.at(i).cursor.selectionStart() >= from)
                    chosen = i;
            }
            if (chosen < 0)
                chosen = 0;
        }
        setTextCursor(m_findSelections.at(chosen).cursor);
        result.current = chosen + 1;
    }
    updateExtraSelections();
    return result;
}

QString CodeView::wordForFind() const
{
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return cursor.selectedText().section(QChar::ParagraphSeparator, 0, 0);
    cursor.select(QTextCursor::WordUnderCursor);
    return cursor.selectedText();
}

QString CodeView::selectionWithLineNumbers() const
{
    const QTextCursor cursor = textCursor();
    const QTextBlock first = document()->findBlock(cursor.selectionStart());
    QTextBlock last = document()->findBlock(cursor.selectionEnd());
    // A selection that ends at the very start of a line does not include it.
    if (cursor.hasSelection() && last.position() == cursor.selectionEnd() && last != first)
        last = last.previous();
    const int width = int(QString::number(last.blockNumber() + 1).size());
    QStringList lines;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        lines << QStringLiteral("%1  %2").arg(b.blockNumber() + 1, width).arg(b.text());
        if (b == last)
            break;
    }
    return lines.join(QLatin1Char('\n'));
}

int CodeView::lineNumberAreaWidth() const
{
    if (!m_showLineNumbers)
        return 0;
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

void CodeView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_lineNumbers->setGeometry(QRect(r.left(), r.top(), lineNumberAreaWidth(), r.height()));
}

void CodeView::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int current = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            QFont f = font();
            f.setBold(block.blockNumber() == current);
            painter.setFont(f);
            painter.drawText(0, top, m_lineNumbers->width() - 6, fontMetrics().height(), Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top += height;
    }
}

void CodeView::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection currentLine;
    QColor lineColour = palette().color(QPalette::Highlight);
    lineColour.setAlpha(40);
    currentLine.format.setBackground(lineColour);
    currentLine.format.setProperty(QTextFormat::FullWidthSelection, true);
    currentLine.cursor = textCursor();
    currentLine.cursor.clearSelection();
    selections << currentLine << m_findSelections;
    setExtraSelections(selections);
    m_lineNumbers->update();
}

} // namespace Realm::Ui
