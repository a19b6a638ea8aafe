// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/locatorpopup.h"

class QAction;

namespace Realm::Ui {

// Ctrl+Shift+P: every action of the window by name, with its shortcut;
// type to filter, Enter to run.
class CommandPalette final : public LocatorPopup {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)
public:
    explicit CommandPalette(QWidget *parent = nullptr);

    void setActions(const QList<QAction *> &actions);
    void setFilter(const QString &text);

private:
    void inputChanged() override { refresh(); }
    void activate() override;
    void refresh();

    QList<QAction *> m_actions;
};

} // namespace Realm::Ui
