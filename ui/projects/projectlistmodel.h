// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/project.h"
#include "team/syncbadge.h"

#include <QAbstractListModel>
#include <QCollator>
#include <QHash>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>

namespace Realm::Ui {

// The workspace's projects for a list view. FilterRole carries name,
// description and tags, so a QSortFilterProxyModel can filter on all three.
class ProjectListModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectListModel)
public:
    // DetailsRole: the line under the name ("1,234 files · 5.6 MiB · 4 Dec 2026").
    // SyncRole: a shared project's badge text ("Synced", "3 waiting");
    // SyncKindRole: its SyncBadge::Kind as an int.
    enum Role { IdRole = Qt::UserRole + 1, FilterRole, DetailsRole, SyncRole, SyncKindRole };

    explicit ProjectListModel(QObject *parent = nullptr);

    void setProjects(QList<Projects::Project> projects);
    // Shared projects' badges, by project id (the others have none).
    void setSyncBadges(QHash<QString, SyncBadge> badges);
    const QList<Projects::Project> &projects() const { return m_projects; }
    QModelIndex indexOf(const QString &projectId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<Projects::Project> m_projects;
    QHash<QString, SyncBadge> m_badges;
};

// Draws a project as its name over a smaller line of details, so the list
// says more than names without a tooltip; a shared project's sync badge
// sits at the right of its name.
class ProjectItemDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectItemDelegate)
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
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
