// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/locatorpopup.h"

#include <QFutureWatcher>

namespace Realm::Ui {

// Quick open (Ctrl+P): type a few letters of a path, get the project's files
// ranked like an editor does (FuzzyMatcher). Ranking runs off the UI thread
// so typing stays smooth on 100k-file projects; stale rankings are dropped.
class QuickOpenDialog final : public LocatorPopup {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuickOpenDialog)
public:
    explicit QuickOpenDialog(QWidget *parent = nullptr);
    ~QuickOpenDialog() override;

    void setPaths(QStringList paths);
    void setPattern(const QString &pattern);

signals:
    void fileChosen(const QString &path);
    void rankingFinished();

private:
    void inputChanged() override { rank(); }
    void activate() override;
    void rank();

    QStringList m_paths;
    struct Ranked {
        QString path;
        QList<qsizetype> positions;
    };
    QFutureWatcher<QList<Ranked>> m_watcher;
    quint64 m_generation = 0;
};

} // namespace Realm::Ui
