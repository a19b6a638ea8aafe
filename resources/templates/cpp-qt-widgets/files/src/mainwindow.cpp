#include "mainwindow.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWidget>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("{{project_name}}"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    auto *intro = new QLabel(QStringLiteral("{{description}}"), central);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_label = new QLabel(central);
    m_label->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_label);

    m_button = new QPushButton(tr("Click me"), central);
    layout->addWidget(m_button);

    setCentralWidget(central);
    resize(360, 200);

    connect(m_button, &QPushButton::clicked, this, &MainWindow::increment);
    updateLabel();
}

void MainWindow::increment()
{
    ++m_count;
    updateLabel();
}

void MainWindow::updateLabel()
{
    m_label->setText(tr("Clicked %n time(s)", nullptr, m_count));
}
