// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/locatorpopup.h"

#include "widgets/listkeyforwarder.h"

#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace Realm::Ui {

LocatorPopup::LocatorPopup(const QString &title, const QString &placeholder, QSize size, QWidget *parent)
    : QDialog(parent)
    , m_input(new QLineEdit)
    , m_results(new QListWidget)
{
    setWindowTitle(title);
    resize(size);
    m_input->setPlaceholderText(placeholder);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_input);
    layout->addWidget(m_results);
    m_input->installEventFilter(new ListKeyForwarder(m_results, this));
    // Through lambdas: the subclass's overrides, once it is constructed.
    connect(m_input, &QLineEdit::textChanged, this, [this] { inputChanged(); });
    connect(m_input, &QLineEdit::returnPressed, this, [this] { activate(); });
    connect(m_results, &QListWidget::itemActivated, this, [this] { activate(); });
}

} // namespace Realm::Ui
