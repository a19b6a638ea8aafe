// SPDX-License-Identifier: GPL-3.0-or-later
#include "palette/commandpalette.h"

#include "widgets/listkeyforwarder.h"
#include "projects/fuzzymatcher.h"

#include <QAction>
#include <QKeyEvent>
#include <QMenu>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace Realm::Ui {

namespace {
QString plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}
} // namespace

CommandPalette::CommandPalette(QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit)
    , m_results(new QListWidget)
{
    setWindowTitle(tr("Command Palette"));
    resize(560, 380);
    m_filter->setPlaceholderText(tr("Type a command"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_results);
    m_filter->installEventFilter(new ListKeyForwarder(m_results, this));
    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::refresh);
    connect(m_filter, &QLineEdit::returnPressed, this, &CommandPalette::runCurrent);
    connect(m_results, &QListWidget::itemActivated, this, &CommandPalette::runCurrent);
}

void CommandPalette::setActions(const QList<QAction *> &actions)
{
    m_actions.clear();
    for (QAction *action : actions) {
        if (!action->isSeparator() && !action->menu() && !plainText(action).isEmpty() && action->isVisible())
            m_actions << action;
    }
    refresh();
}

void CommandPalette::setFilter(const QString &text)
{
    m_filter->setText(text);
    m_filter->setFocus();
}

void CommandPalette::refresh()
{
    m_results->clear();
    QStringList names;
    QHash<QString, QAction *> byName;
    for (QAction *action : std::as_const(m_actions)) {
        names << plainText(action);
        byName.insert(plainText(action), action);
    }
    const QString pattern = m_filter->text();
    QStringList shown;
    if (pattern.trimmed().isEmpty()) {
        shown = names;
        shown.sort(Qt::CaseInsensitive);
    } else {
        for (const auto &[name, match] : Projects::FuzzyMatcher(pattern).rank(names, 100))
            shown << name;
    }
    for (const QString &name : std::as_const(shown)) {
        QAction *action = byName.value(name);
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        auto *item = new QListWidgetItem(shortcut.isEmpty() ? name : QStringLiteral("%1    %2").arg(name, shortcut), m_results);
        item->setData(Qt::UserRole, QVariant::fromValue(static_cast<QObject *>(action)));
        item->setFlags(action->isEnabled() ? item->flags() : item->flags() & ~Qt::ItemIsEnabled);
    }
    m_results->setCurrentRow(0);
}

void CommandPalette::runCurrent()
{
    QListWidgetItem *item = m_results->currentItem();
    if (!item)
        return;
    auto *action = qobject_cast<QAction *>(item->data(Qt::UserRole).value<QObject *>());
    accept();
    if (action && action->isEnabled())
        action->trigger();
}

} // namespace Realm::Ui
