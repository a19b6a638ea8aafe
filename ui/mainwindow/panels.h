// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

#include <functional>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QWidget;

namespace Realm::Ui {

// The window's panels as the View menu offers them. Showing a panel is one
// command per panel: it brings the panel to the front even when it is
// tabbed behind another, and puts the cursor in its main input. Hiding is
// another command, for the panel that holds the focus; the Panels submenu
// has the visibility toggles.
// A panel is a dock, or a page of the editor area (Docs, Stats) that has
// its own way to be shown.
struct Panel {
    QDockWidget *dock = nullptr;
    QString showText;               // "&Chat"
    QList<QKeySequence> shortcuts;  // the first one is shown in menus
    std::function<void()> focus;    // puts the cursor in the panel's main input
    QString pageName;               // without a dock: names the show command
    std::function<void()> showPage; // without a dock: brings the page to the front
    QWidget *page = nullptr;        // without a dock: the page, for Hide Panel
    std::function<void()> hidePage; // without a dock: puts the page away
};

// Adds "show" commands for `panels`, then "Hide Panel", then a Panels
// submenu of toggles, to `view`. Returns the show commands, in order.
QList<QAction *> addPanelActions(QMainWindow *window, QMenu *view, const QList<Panel> &panels);

// Shows, raises and focuses one panel.
void showPanel(const Panel &panel);

} // namespace Realm::Ui
