// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/projectlistmodel.h"

#include "projects/importsource.h"

namespace Realm::Ui {

ProjectListModel::ProjectListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ProjectListModel::setProjects(QList<Projects::Project> projects)
{
    beginResetModel();
    m_projects = std::move(projects);
    endResetModel();
}

QModelIndex ProjectListModel::indexOf(const QString &projectId) const
{
    for (qsizetype i = 0; i < m_projects.size(); ++i) {
        if (m_projects[i].id == projectId)
            return index(int(i));
    }
    return {};
}

int ProjectListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_projects.size());
}

QVariant ProjectListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_projects.size())
        return {};
    const Projects::Project &p = m_projects.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return p.name;
    case Qt::ToolTipRole: {
        QString tip = tr("%n file(s), %1", nullptr, int(p.fileCount)).arg(Projects::formatBytes(p.totalBytes));
        if (!p.description.isEmpty())
            tip = p.description + QLatin1Char('\n') + tip;
        if (!p.tags.isEmpty())
            tip += QLatin1Char('\n') + tr("Tags: %1").arg(p.tags.join(QStringLiteral(", ")));
        return tip;
    }
    case IdRole:
        return p.id;
    case FilterRole:
        return QStringList{p.name, p.description, p.tags.join(QLatin1Char(' '))}.join(QLatin1Char('\n'));
    default:
        return {};
    }
}

} // namespace Realm::Ui
