// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QTreeView;

namespace Realm::Ui {

class FileTreeModel;

// What a reload of a project's file tree keeps (a refresh, a teammate's
// change arriving): the folders that were open and the current row, by
// path, so that the tree does not collapse under the user's hands.
struct TreeViewState final {
    QString projectId; // whose tree it was
    QStringList expanded; // parents before children
    QString current;

    static TreeViewState of(const QTreeView &view);
    // Paths gone from the new tree are skipped.
    void restore(QTreeView &view, const FileTreeModel &model) const;
};

} // namespace Realm::Ui
