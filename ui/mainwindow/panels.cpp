// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/panels.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>

namespace Realm::Ui {

void showPanel(const Panel &panel)
{
    if (panel.dock) {
        panel.dock->show();
        panel.dock->raise(); // a tabbed dock comes to the front
    } else {
        panel.showPage();
    }
    if (panel.focus)
        panel.focus();
}

QList<QAction *> addPanelActions(QMainWindow *window, QMenu *view, const QList<Panel> &panels)
{
    QList<QAction *> shows;
    for (const Panel &panel : panels) {
        QAction *show = view->addAction(panel.showText, window, [panel] { showPanel(panel); });
        show->setObjectName(QStringLiteral("show-") + (panel.dock ? panel.dock->objectName() : panel.pageName));
        show->setShortcuts(panel.shortcuts);
        shows << show;
    }
    QAction *hide = view->addAction(QApplication::translate("Realm::Ui::MainWindow", "&Hide Panel"), window, [window, panels] {
        // The panel holding the focus; the focus goes back to the editor.
        QWidget *focus = QApplication::focusWidget();
        for (const Panel &panel : panels) {
            if (panel.page && focus && panel.page->isAncestorOf(focus)) {
                panel.hidePage();
                return;
            }
        }
        for (QWidget *w = focus; w; w = w->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(w); dock && dock->parentWidget() == window) {
                dock->hide();
                if (window->centralWidget())
                    window->centralWidget()->setFocus();
                return;
            }
        }
    });
    hide->setObjectName(QStringLiteral("hidePanel"));
    hide->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Escape));
    QMenu *toggles = view->addMenu(QApplication::translate("Realm::Ui::MainWindow", "Pa&nels"));
    for (const Panel &panel : panels) {
        if (panel.dock)
            toggles->addAction(panel.dock->toggleViewAction());
    }
    return shows;
}

} // namespace Realm::Ui
