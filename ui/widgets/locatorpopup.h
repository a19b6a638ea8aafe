// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QStackedLayout;

namespace Realm::Ui {

// What a locator row carries besides its text (Qt::DisplayRole).
enum LocatorRole {
    // QList<qsizetype>: offsets in the text that the typed pattern matched.
    MatchPositionsRole = Qt::UserRole + 100,
    // int: where the row's name begins; text before it (a file's folder) is
    // shown after the name, muted.
    NameStartRole,
    // QString: a shortcut, shown right-aligned.
    ShortcutRole,
};

// A text box over a list, the shape the command palette and quick open
// share: a frameless popup at the top centre of the window, as in VS Code.
// Typing calls inputChanged(); ↑/↓/PgUp/PgDn move in the list while the
// cursor stays in the box; Enter or activating a row calls activate().
// Rows are drawn with their matched characters highlighted; an empty list
// says so.
class LocatorPopup : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocatorPopup)
public:
    QListWidget *results() const { return m_results; }
    // The sentence shown instead of an empty list ("No matching files").
    QLabel *emptyNote() const { return m_empty; }

protected:
    LocatorPopup(const QString &placeholder, const QString &emptyText, QSize size, QWidget *parent);
    QLineEdit *input() const { return m_input; }
    virtual void inputChanged() = 0;
    virtual void activate() = 0;
    // After the list was filled: the first row current, or the empty note.
    void resultsChanged();

    void showEvent(QShowEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void placeOverParent();
    void fitHeight();

    QSize m_preferredSize;
    int m_maxHeight;
    QLineEdit *m_input;
    QListWidget *m_results;
    QLabel *m_empty;
    QStackedLayout *m_stack;
};

} // namespace Realm::Ui
