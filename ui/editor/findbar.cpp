// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/findbar.h"

#include "codeview/codeview.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace Realm::Ui {

namespace {
enum class Kind { Command, Toggle };

QToolButton *button(const QString &text, const QString &toolTip, const QString &name, Kind kind = Kind::Command)
{
    auto *button = new QToolButton;
    button->setText(text);
    button->setToolTip(toolTip);
    button->setObjectName(name);
    button->setCheckable(kind == Kind::Toggle);
    button->setAutoRaise(true);
    return button;
}
} // namespace

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
    , m_input(new QLineEdit)
    , m_count(new QLabel)
    , m_matchCase(button(QStringLiteral("Aa"), tr("Match case"), QStringLiteral("findMatchCase"), Kind::Toggle))
    , m_wholeWords(button(QStringLiteral("W"), tr("Whole words only"), QStringLiteral("findWholeWords"), Kind::Toggle))
    , m_regex(button(QStringLiteral(".*"), tr("Regular expression"), QStringLiteral("findRegex"), Kind::Toggle))
{
    m_input->setObjectName(QStringLiteral("findInFile"));
    m_input->setPlaceholderText(tr("Find in file"));
    m_input->setClearButtonEnabled(true);
    m_input->setMinimumWidth(m_input->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    m_count->setObjectName(QStringLiteral("findCount"));
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(tr("Invalid pattern")) + 8);
    auto *previous = button(QStringLiteral("↑"), tr("Previous match (Shift+F3, Shift+Enter)"), QStringLiteral("findPrevious"));
    auto *next = button(QStringLiteral("↓"), tr("Next match (F3, Enter)"), QStringLiteral("findNext"));
    auto *closeButton = button(QStringLiteral("✕"), tr("Close (Esc)"), QStringLiteral("findClose"));

    connect(m_input, &QLineEdit::textChanged, this, [this] { search(Move::Stay); });
    for (QToolButton *option : {m_matchCase, m_wholeWords, m_regex})
        connect(option, &QToolButton::toggled, this, [this] { search(Move::Stay); });
    connect(previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(closeButton, &QToolButton::clicked, this, &FindBar::close);
    connect(m_input, &QLineEdit::returnPressed, this, &FindBar::findNext);
    // Shift+Enter goes back; Esc anywhere in the bar closes it.
    auto *back = new QAction(this);
    back->setShortcuts({QKeySequence(Qt::SHIFT | Qt::Key_Return), QKeySequence(Qt::SHIFT | Qt::Key_Enter)});
    back->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(back, &QAction::triggered, this, &FindBar::findPrevious);
    addAction(back);
    auto *escape = new QAction(this);
    escape->setShortcut(QKeySequence(Qt::Key_Escape));
    escape->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QAction::triggered, this, &FindBar::close);
    addAction(escape);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_input, 1);
    layout->addWidget(m_count);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_matchCase);
    layout->addWidget(m_wholeWords);
    layout->addWidget(m_regex);
    layout->addWidget(closeButton);
    hide();
}

void FindBar::start(CodeView *view)
{
    m_view = view;
    show();
    const QString word = view ? view->wordForFind() : QString();
    if (!word.isEmpty() && word != m_input->text()) {
        // Starting from the word itself, so that it is the current match.
        if (view && !view->textCursor().hasSelection()) {
            QTextCursor cursor = view->textCursor();
            cursor.select(QTextCursor::WordUnderCursor);
            view->setTextCursor(cursor);
        }
        m_input->setText(word); // searches
    } else {
        search(Move::Stay);
    }
    m_input->setFocus();
    m_input->selectAll();
}

void FindBar::setView(CodeView *view)
{
    if (m_view == view)
        return;
    if (m_view)
        m_view->find(QString(), {});
    m_view = view;
    if (isVisible())
        search(Move::Stay);
}

void FindBar::findNext()
{
    search(Move::Next);
}

void FindBar::findPrevious()
{
    search(Move::Previous);
}

void FindBar::close()
{
    hide();
    if (m_view) {
        m_view->find(QString(), {}); // the highlights go with the bar
        m_view->setFocus();
    }
}

QString FindBar::countText() const
{
    return m_count->text();
}

void FindBar::search(Move move)
{
    if (!m_view)
        return;
    const CodeView::FindOptions options{m_matchCase->isChecked(), m_wholeWords->isChecked(), m_regex->isChecked()};
    const CodeView::FindMove how = move == Move::Next       ? CodeView::FindMove::Next
                                   : move == Move::Previous ? CodeView::FindMove::Previous
                                                            : CodeView::FindMove::Stay;
    const CodeView::FindResult found = m_view->find(m_input->text(), options, how);
    QPalette palette = m_input->palette();
    palette.setColor(QPalette::Text, (found.valid && (found.count > 0 || m_input->text().isEmpty()))
                                         ? QWidget::palette().color(QPalette::Text)
                                         : QColor(200, 40, 40));
    m_input->setPalette(palette);
    if (!found.valid)
        m_count->setText(tr("Invalid pattern"));
    else if (m_input->text().isEmpty())
        m_count->clear();
    else if (found.count == 0)
        m_count->setText(tr("No matches"));
    else
        m_count->setText(tr("%1 of %n", "find: current match of all matches", found.count).arg(found.current));
}

} // namespace Realm::Ui
