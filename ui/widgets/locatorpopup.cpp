// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/locatorpopup.h"

#include "widgets/listkeyforwarder.h"
#include "widgets/locatordelegate.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QPainter>
#include <QStackedLayout>
#include <QWindow>
#include <QVBoxLayout>

namespace Realm::Ui {

LocatorPopup::LocatorPopup(const QString &placeholder, const QString &emptyText, QSize size, QWidget *parent)
    // A frameless tool window rather than a Qt::Popup: a popup closes
    // whenever the application loses focus for a moment, and grabs the
    // keyboard from input methods.
    : QDialog(parent, Qt::Tool | Qt::FramelessWindowHint)
    , m_preferredSize(size)
    , m_maxHeight(size.height())
    , m_input(new QLineEdit)
    , m_results(new QListWidget)
    , m_empty(new QLabel(emptyText))
    , m_stack(new QStackedLayout)
{
    resize(size);
    m_input->setPlaceholderText(placeholder);
    m_input->setClearButtonEnabled(true);
    m_results->setItemDelegate(new LocatorDelegate(m_results));
    m_results->setFrameShape(QFrame::NoFrame);
    m_results->setUniformItemSizes(true);
    m_results->setMinimumHeight(1); // the popup fits its rows (fitHeight)
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_results->setTextElideMode(Qt::ElideMiddle);
    m_empty->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setContentsMargins(0, 12, 0, 0);
    m_stack->addWidget(m_results);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_input);
    layout->addLayout(m_stack);
    m_input->installEventFilter(new ListKeyForwarder(m_results, this));
    // Through lambdas: the subclass's overrides, once it is constructed.
    connect(m_input, &QLineEdit::textChanged, this, [this] { inputChanged(); });
    connect(m_input, &QLineEdit::returnPressed, this, [this] { activate(); });
    connect(m_results, &QListWidget::itemActivated, this, [this] { activate(); });
    // Another window of REALM taking the focus (a click back into the main
    // window) dismisses it, as a popup would; the focus leaving REALM for
    // another application does not.
    connect(qApp, &QGuiApplication::focusWindowChanged, this, [this](QWindow *focused) {
        if (isVisible() && focused && focused != windowHandle())
            reject();
    });
}

void LocatorPopup::resultsChanged()
{
    m_results->setCurrentRow(0);
    m_stack->setCurrentWidget(m_results->count() > 0 ? static_cast<QWidget *>(m_results) : m_empty);
    fitHeight();
}

// As tall as its rows, up to the height it was given: one match makes a
// small popup, as in VS Code.
void LocatorPopup::fitHeight()
{
    const int rows = int(m_results->count());
    const int listHeight = rows > 0 ? rows * m_results->sizeHintForRow(0) + 2 * m_results->frameWidth() : m_empty->sizeHint().height();
    const QMargins margins = layout()->contentsMargins();
    const int wanted = margins.top() + m_input->sizeHint().height() + layout()->spacing() + listHeight + margins.bottom();
    resize(width(), std::min(wanted, m_maxHeight));
}

void LocatorPopup::showEvent(QShowEvent *event)
{
    placeOverParent();
    QDialog::showEvent(event);
    m_input->setFocus();
}

// At the top centre of the window, below its menu and tool bars, never
// wider or taller than the window leaves room for.
void LocatorPopup::placeOverParent()
{
    QWidget *window = parentWidget() ? parentWidget()->window() : nullptr;
    if (!window)
        return;
    QWidget *area = window;
    if (auto *main = qobject_cast<QMainWindow *>(window); main && main->centralWidget())
        area = main->centralWidget();
    const QRect areaRect(area->mapToGlobal(QPoint(0, 0)), area->size());
    const QRect windowRect(window->mapToGlobal(QPoint(0, 0)), window->size());
    constexpr int kMargin = 12;
    const int width = std::min(m_preferredSize.width(), windowRect.width() - 2 * kMargin);
    const int top = areaRect.top() + 4;
    m_maxHeight = std::max(120, std::min(m_preferredSize.height(), windowRect.bottom() - top - kMargin));
    setGeometry(windowRect.left() + (windowRect.width() - width) / 2, top, width, height());
    fitHeight();
}

void LocatorPopup::paintEvent(QPaintEvent *)
{
    // A popup has no window frame: draw a thin border so it stands apart
    // from the editor under it.
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

} // namespace Realm::Ui
