// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/project.h"

#include <QAbstractListModel>
#include <QCollator>
#include <QSortFilterProxyModel>

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

// Filters on name, description and tags; sorts names the way people count
// ("project 2" before "project 10").
class ProjectFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectFilterModel)
public:
    explicit ProjectFilterModel(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QCollator m_collator;
};

} // namespace Realm::Ui
