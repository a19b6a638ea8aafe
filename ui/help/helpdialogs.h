// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QLineEdit;
class QMenuBar;
class QTreeWidget;

namespace Realm::Ui {

// Help → Keyboard Shortcuts: every command of the menus with its keys,
// filtered as you type (by name or by key, "ctrl+shift").
class ShortcutsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)
public:
    explicit ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);
    void setFilter(const QString &text);
    // Rows shown now, as "command\tkeys".
    QStringList visibleRows() const;

private:
    QLineEdit *m_filter;
    QTreeWidget *m_list;
};

// Help → User Guide: the README that comes with this version, offline.
class UserGuideDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserGuideDialog)
public:
    explicit UserGuideDialog(QWidget *parent = nullptr);
};

} // namespace Realm::Ui
