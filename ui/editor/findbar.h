// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace Realm::Ui {

class CodeView;

// Find in the open file, as in Kate: every match highlighted, "3 of 14",
// next and previous (Enter / Shift+Enter here, F3 / Shift+F3 anywhere),
// match case, whole words, regular expressions, Esc to close. Works on the
// view it was started for.
class FindBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)
public:
    explicit FindBar(QWidget *parent = nullptr);

    // Shows the bar for `view`, filled with its selection or the word under
    // its cursor (when there is one), and selects every match.
    void start(CodeView *view);
    // Another tab came to the front: the same search, in its view.
    void setView(CodeView *view);
    void findNext();
    void findPrevious();
    void close();
    // "3 of 14", "No matches", "Invalid pattern".
    QString countText() const;
    QLineEdit *input() const { return m_input; }

private:
    enum class Move { Stay, Next, Previous };
    void search(Move move);

    QPointer<CodeView> m_view;
    QLineEdit *m_input;
    QLabel *m_count;
    QToolButton *m_matchCase;
    QToolButton *m_wholeWords;
    QToolButton *m_regex;
};

} // namespace Realm::Ui
