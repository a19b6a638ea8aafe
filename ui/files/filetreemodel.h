// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/project.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>

#include <memory>
#include <vector>

namespace Realm::Ui {

// A project's files as a folder tree: name, size, binary files marked.
// The tree is built from the flat file list with buildTree(), which is pure
// and meant for a worker thread; the model only swaps finished trees in, so
// a 100k-file project never blocks the UI.
class FileTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileTreeModel)
public:
    enum Column { NameColumn, SizeColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, IsFolderRole, IsBinaryRole };

    struct Node {
        QString name;
        QString path; // full path inside the project; a folder's ends without '/'
        qint64 size = 0;
        bool isFolder = false;
        bool isBinary = false;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };

    explicit FileTreeModel(QObject *parent = nullptr);
    ~FileTreeModel() override;

    static std::shared_ptr<Node> buildTree(const QList<Projects::ProjectFile> &files);
    void setTree(std::shared_ptr<Node> root);
    QModelIndex indexForPath(const QString &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    // Files and folders can be dragged (to the chat, as context): as their
    // paths, one per line, folders ending in '/'.
    static constexpr const char *kPathsMimeType = "application/x-realm-project-paths";
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

private:
    const Node *nodeFor(const QModelIndex &index) const;
    std::shared_ptr<Node> m_root;
};

} // namespace Realm::Ui
