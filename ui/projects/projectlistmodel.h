// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/project.h"

#include <QAbstractListModel>

namespace Realm::Ui {

// The workspace's projects for a list view. FilterRole carries name,
// description and tags, so a QSortFilterProxyModel can filter on all three.
class ProjectListModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectListModel)
public:
    enum Role { IdRole = Qt::UserRole + 1, FilterRole };

    explicit ProjectListModel(QObject *parent = nullptr);

    void setProjects(QList<Projects::Project> projects);
    const QList<Projects::Project> &projects() const { return m_projects; }
    QModelIndex indexOf(const QString &projectId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<Projects::Project> m_projects;
};

} // namespace Realm::Ui
