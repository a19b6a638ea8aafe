// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QAction;
class QLineEdit;
class QListWidget;

namespace Realm::Ui {

// Ctrl+Shift+P: every action of the window by name, with its shortcut;
// type to filter, Enter to run.
class CommandPalette final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)
public:
    explicit CommandPalette(QWidget *parent = nullptr);

    void setActions(const QList<QAction *> &actions);
    void setFilter(const QString &text);
    QListWidget *results() const { return m_results; }

private:
    void refresh();
    void runCurrent();

    QList<QAction *> m_actions;
    QLineEdit *m_filter;
    QListWidget *m_results;
};

} // namespace Realm::Ui
