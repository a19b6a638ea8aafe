// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QFutureWatcher>

class QLineEdit;
class QListWidget;

namespace Realm::Ui {

// Quick open (Ctrl+P): type a few letters of a path, get the project's files
// ranked like an editor does (FuzzyMatcher). Ranking runs off the UI thread
// so typing stays smooth on 100k-file projects; stale rankings are dropped.
class QuickOpenDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuickOpenDialog)
public:
    explicit QuickOpenDialog(QWidget *parent = nullptr);
    ~QuickOpenDialog() override;

    void setPaths(QStringList paths);
    void setPattern(const QString &pattern);
    QListWidget *results() const { return m_results; }

signals:
    void fileChosen(const QString &path);
    void rankingFinished();

private:
    void rank();
    void choose();

    QStringList m_paths;
    QLineEdit *m_pattern;
    QListWidget *m_results;
    QFutureWatcher<QStringList> m_watcher;
    quint64 m_generation = 0;
};

} // namespace Realm::Ui
