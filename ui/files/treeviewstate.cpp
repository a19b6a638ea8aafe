// SPDX-License-Identifier: GPL-3.0-or-later
#include "files/treeviewstate.h"

#include "files/filetreemodel.h"

#include <QTreeView>

namespace Realm::Ui {

namespace {

// Only open folders are walked: a large closed tree costs nothing.
void collectExpanded(const QTreeView &view, const QModelIndex &parent, QStringList &paths)
{
    const QAbstractItemModel *model = view.model();
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex child = model->index(row, 0, parent);
        if (!view.isExpanded(child))
            continue;
        paths << child.data(FileTreeModel::PathRole).toString();
        collectExpanded(view, child, paths);
    }
}

} // namespace

TreeViewState TreeViewState::of(const QTreeView &view)
{
    TreeViewState state;
    if (!view.model())
        return state;
    collectExpanded(view, {}, state.expanded);
    state.current = view.currentIndex().data(FileTreeModel::PathRole).toString();
    return state;
}

void TreeViewState::restore(QTreeView &view, const FileTreeModel &model) const
{
    for (const QString &path : expanded) {
        const QModelIndex index = model.indexForPath(path);
        if (index.isValid())
            view.expand(index);
    }
    if (const QModelIndex index = model.indexForPath(current); index.isValid())
        view.setCurrentIndex(index);
}

} // namespace Realm::Ui
