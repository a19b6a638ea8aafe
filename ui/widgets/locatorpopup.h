// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace Realm::Ui {

// A text box over a list: the shape the command palette and quick open
// share. Typing calls inputChanged(); ↑/↓/PgUp/PgDn move in the list while
// the cursor stays in the box; Enter or activating a row calls activate().
class LocatorPopup : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocatorPopup)
public:
    QListWidget *results() const { return m_results; }

protected:
    LocatorPopup(const QString &title, const QString &placeholder, QSize size, QWidget *parent);
    QLineEdit *input() const { return m_input; }
    virtual void inputChanged() = 0;
    virtual void activate() = 0;

private:
    QLineEdit *m_input;
    QListWidget *m_results;
};

} // namespace Realm::Ui
