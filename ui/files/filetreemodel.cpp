// SPDX-License-Identifier: GPL-3.0-or-later
#include "files/filetreemodel.h"

#include "widgets/filetypeicon.h"

#include <QMimeData>

#include "projects/importsource.h"

#include <QApplication>
#include <QFont>
#include <QHash>
#include <QIcon>
#include <QStyle>

#include <algorithm>

namespace Realm::Ui {

using Node = FileTreeModel::Node;

FileTreeModel::FileTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_shared<Node>())
{
    m_root->isFolder = true;
}

FileTreeModel::~FileTreeModel() = default;

std::shared_ptr<Node> FileTreeModel::buildTree(const QList<Projects::ProjectFile> &files)
{
    auto root = std::make_shared<Node>();
    root->isFolder = true;
    QHash<QString, Node *> folders;
    const auto folderFor = [&](const QString &folderPath, const auto &self) -> Node * {
        if (folderPath.isEmpty())
            return root.get();
        if (Node *known = folders.value(folderPath))
            return known;
        const qsizetype slash = folderPath.lastIndexOf(QLatin1Char('/'));
        Node *parent = self(slash < 0 ? QString() : folderPath.left(slash), self);
        auto node = std::make_unique<Node>();
        node->name = folderPath.mid(slash + 1);
        node->path = folderPath;
        node->isFolder = true;
        node->parent = parent;
        Node *raw = node.get();
        parent->children.push_back(std::move(node));
        folders.insert(folderPath, raw);
        return raw;
    };
    for (const Projects::ProjectFile &file : files) {
        const qsizetype slash = file.path.lastIndexOf(QLatin1Char('/'));
        Node *parent = folderFor(slash < 0 ? QString() : file.path.left(slash), folderFor);
        auto node = std::make_unique<Node>();
        node->name = file.path.mid(slash + 1);
        node->path = file.path;
        node->size = file.size;
        node->isBinary = file.isBinary();
        node->parent = parent;
        parent->children.push_back(std::move(node));
    }
    // Folders first, then files, each by name; sizes of folders add up.
    const auto finish = [](Node *node, const auto &self) -> qint64 {
        std::sort(node->children.begin(), node->children.end(), [](const auto &a, const auto &b) {
            if (a->isFolder != b->isFolder)
                return a->isFolder;
            return a->name.compare(b->name, Qt::CaseInsensitive) < 0;
        });
        qint64 total = 0;
        for (size_t i = 0; i < node->children.size(); ++i) {
            Node *child = node->children[i].get();
            child->row = int(i);
            total += child->isFolder ? self(child, self) : child->size;
        }
        node->size = total;
        return total;
    };
    finish(root.get(), finish);
    return root;
}

void FileTreeModel::setTree(std::shared_ptr<Node> root)
{
    beginResetModel();
    m_root = std::move(root);
    endResetModel();
}

QModelIndex FileTreeModel::indexForPath(const QString &path) const
{
    const Node *node = m_root.get();
    QModelIndex index;
    for (const QString &segment : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        const auto it = std::find_if(node->children.cbegin(), node->children.cend(),
                                     [&](const auto &child) { return child->name == segment; });
        if (it == node->children.cend())
            return {};
        node = it->get();
        index = createIndex(node->row, 0, const_cast<Node *>(node));
    }
    return index;
}

const Node *FileTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex FileTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *node = nodeFor(parent);
    if (row < 0 || size_t(row) >= node->children.size() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex FileTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *parent = nodeFor(child)->parent;
    if (!parent || parent == m_root.get())
        return {};
    return createIndex(parent->row, 0, const_cast<Node *>(parent));
}

int FileTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int FileTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FileTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return node->name;
        return Projects::formatBytes(node->size);
    case Qt::DecorationRole:
        if (index.column() != NameColumn)
            return {};
        if (node->isFolder)
            return QApplication::style()->standardIcon(QStyle::SP_DirIcon);
        return fileTypeIcon(node->name);
    case Qt::FontRole:
        if (node->isBinary) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::ToolTipRole:
        return node->isBinary ? tr("%1 (binary file)").arg(node->path) : node->path;
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case PathRole:
        return node->path;
    case IsFolderRole:
        return node->isFolder;
    case IsBinaryRole:
        return node->isBinary;
    default:
        return {};
    }
}

Qt::ItemFlags FileTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractItemModel::flags(index);
    if (index.isValid())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList FileTreeModel::mimeTypes() const
{
    return {QString::fromLatin1(kPathsMimeType)};
}

QMimeData *FileTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList paths;
    for (const QModelIndex &index : indexes) {
        const Node *node = nodeFor(index);
        if (!node || index.column() != NameColumn)
            continue;
        paths << (node->isFolder ? node->path + QLatin1Char('/') : node->path);
    }
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(kPathsMimeType), paths.join(QLatin1Char('\n')).toUtf8());
    return mime;
}

QVariant FileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Size");
}

} // namespace Realm::Ui
