// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/projectlistmodel.h"

#include "projects/importsource.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

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

void ProjectListModel::setSyncBadges(QHash<QString, SyncBadge> badges)
{
    m_badges = std::move(badges);
    if (!m_projects.isEmpty())
        emit dataChanged(index(0), index(int(m_projects.size()) - 1), {SyncRole, SyncKindRole, Qt::ToolTipRole});
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
        if (const auto badge = m_badges.constFind(p.id); badge != m_badges.cend())
            tip += QLatin1Char('\n') + badge->text + QStringLiteral(": ") + badge->details;
        return tip;
    }
    case DetailsRole:
        return QString(tr("%n file(s)", nullptr, int(p.fileCount)) + QStringLiteral(" · ") + Projects::formatBytes(p.totalBytes)
                       + QStringLiteral(" · ")
                       + QLocale().toString(QDateTime::fromMSecsSinceEpoch(p.updatedAt).date(), QLocale::ShortFormat));
    case IdRole:
        return p.id;
    case SyncRole: {
        const auto badge = m_badges.constFind(p.id);
        return badge != m_badges.cend() ? badge->text : QString();
    }
    case SyncKindRole: {
        const auto badge = m_badges.constFind(p.id);
        return badge != m_badges.cend() ? QVariant(int(badge->kind)) : QVariant();
    }
    case FilterRole:
        return QStringList{p.name, p.description, p.tags.join(QLatin1Char(' '))}.join(QLatin1Char('\n'));
    default:
        return {};
    }
}

ProjectFilterModel::ProjectFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setFilterRole(ProjectListModel::FilterRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

bool ProjectFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Runs of digits compare by value; the rest through the collator.
    // (QCollator's own numeric mode needs ICU, which this Qt may lack.)
    const QString a = left.data().toString();
    const QString b = right.data().toString();
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a.at(ei).isDigit())
                ++ei;
            while (ej < b.size() && b.at(ej).isDigit())
                ++ej;
            const auto withoutLeadingZeros = [](QStringView digits) {
                qsizetype k = 0;
                while (k + 1 < digits.size() && digits.at(k) == QLatin1Char('0'))
                    ++k;
                return digits.sliced(k);
            };
            const QStringView na = withoutLeadingZeros(QStringView(a).sliced(i, ei - i));
            const QStringView nb = withoutLeadingZeros(QStringView(b).sliced(j, ej - j));
            if (na.size() != nb.size())
                return na.size() < nb.size();
            if (const int c = na.compare(nb); c != 0)
                return c < 0;
            i = ei;
            j = ej;
            continue;
        }
        qsizetype ei = i, ej = j;
        while (ei < a.size() && !a.at(ei).isDigit())
            ++ei;
        while (ej < b.size() && !b.at(ej).isDigit())
            ++ej;
        if (const int c = m_collator.compare(QStringView(a).sliced(i, ei - i), QStringView(b).sliced(j, ej - j)); c != 0)
            return c < 0;
        i = ei;
        j = ej;
    }
    return a.size() - i < b.size() - j;
}

namespace {
QFont detailsFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.85);
    return font;
}
// The badge's colour says at a glance whether anything needs a look.
QColor badgeColor(SyncBadge::Kind kind, const QPalette &palette)
{
    switch (kind) {
    case SyncBadge::Kind::Synced: return QColor(0x2e, 0x8b, 0x57);
    case SyncBadge::Kind::Syncing: return palette.color(QPalette::Highlight);
    case SyncBadge::Kind::Pending:
    case SyncBadge::Kind::ReadOnly: return QColor(0xb8, 0x86, 0x0b);
    case SyncBadge::Kind::Conflicts:
    case SyncBadge::Kind::Failed: return QColor(0xc0, 0x39, 0x2b);
    case SyncBadge::Kind::Unshared: return palette.color(QPalette::PlaceholderText);
    }
    return palette.color(QPalette::Text);
}

// A rounded outline with the badge's text, right-aligned in `line`;
// returns the width it took (0: the project is not shared).
int paintSyncBadge(QPainter *painter, const QStyleOptionViewItem &opt, const QModelIndex &index, const QRect &line, const QFont &font)
{
    const QString text = index.data(ProjectListModel::SyncRole).toString();
    if (text.isEmpty())
        return 0;
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor color = selected ? opt.palette.color(QPalette::HighlightedText)
                                  : badgeColor(SyncBadge::Kind(index.data(ProjectListModel::SyncKindRole).toInt()), opt.palette);
    const QFontMetrics metrics(font);
    const int padding = metrics.height() / 3;
    const int width = std::min(metrics.horizontalAdvance(text) + 2 * padding, line.width() / 2);
    const QRect pill(line.right() - width + 1, line.top() + (line.height() - metrics.height() - 2) / 2, width, metrics.height() + 2);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), pill.height() / 2.0, pill.height() / 2.0);
    painter->setFont(font);
    painter->drawText(pill.adjusted(padding, 0, -padding, 0), Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, width - 2 * padding));
    return width + padding;
}

} // namespace

void ProjectItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear(); // the style draws background, selection and focus; the text is drawn here
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(2, 2, -2, -2);
    const QFontMetrics nameMetrics(opt.font);
    const QFont small = detailsFont(opt.font);
    const QFontMetrics smallMetrics(small);
    painter->save();
    const int badgeWidth = paintSyncBadge(painter, opt, index, QRect(text.left(), text.top(), text.width(), nameMetrics.height()), small);
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const int nameWidth = std::max(0, text.width() - badgeWidth);
    painter->drawText(QRect(text.left(), text.top(), nameWidth, nameMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      nameMetrics.elidedText(name, Qt::ElideRight, nameWidth));
    painter->setFont(small);
    QColor dim = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
    painter->setPen(dim);
    painter->drawText(QRect(text.left(), text.top() + nameMetrics.height(), text.width(), smallMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      smallMetrics.elidedText(index.data(ProjectListModel::DetailsRole).toString(), Qt::ElideMiddle, text.width()));
    painter->restore();
}

QSize ProjectItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(QFontMetrics(option.font).height() + QFontMetrics(detailsFont(option.font)).height() + 6);
    return size;
}

} // namespace Realm::Ui
