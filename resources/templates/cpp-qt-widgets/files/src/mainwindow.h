#pragma once

#include <QMainWindow>

class QLabel;
class QPushButton;

// The main window: a label that counts how often the button was clicked.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    int count() const { return m_count; }
    QPushButton *button() const { return m_button; }
    QLabel *label() const { return m_label; }

public slots:
    void increment();

private:
    void updateLabel();

    int m_count = 0;
    QLabel *m_label = nullptr;
    QPushButton *m_button = nullptr;
};
