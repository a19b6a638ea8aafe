// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/searchengine.h"
#include "storage/database.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace Realm::Ui {

// Search across the workspace as you type: literal or regex, case, whole
// word, path glob and language filters, this project or all. Queries run on
// a worker thread; results stream in grouped by file, and a newer query
// cancels the one still running. Activating a result asks to open the file
// at that line with the match selected.
class SearchPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchPanel)
public:
    explicit SearchPanel(Storage::DatabasePtr db, QWidget *parent = nullptr);
    ~SearchPanel() override;

    void setCurrentProject(const QString &projectId) { m_projectId = projectId; }
    void focusQuery();
    void setQuery(const QString &text);
    // Runs the current query now instead of after the typing pause.
    void runNow();

    QTreeWidget *results() const { return m_results; }

signals:
    void matchActivated(const QString &projectId, const QString &path, int line, int column, int length);
    void searchFinished(qint64 matches);

private:
    void schedule();
    void addResults(int begin, int end);
    void finish();

    Storage::DatabasePtr m_db;
    QString m_projectId;
    QLineEdit *m_query;
    QCheckBox *m_regex;
    QCheckBox *m_caseSensitive;
    QCheckBox *m_wholeWord;
    QLineEdit *m_glob;
    QLineEdit *m_language;
    QComboBox *m_scope;
    QLabel *m_status;
    QTreeWidget *m_results;
    QTimer m_debounce;
    QFutureWatcher<Projects::SearchMatch> m_watcher;
    QHash<QString, QTreeWidgetItem *> m_fileItems;
    qint64 m_shown = 0;
    // The running search's token: a newer query cancels it at once, so a
    // replaced search stops at its next file instead of running to the end.
    std::shared_ptr<CancellationToken> m_cancel;
    // Set by the running search as it ends, read by finish().
    std::shared_ptr<std::atomic<qint64>> m_notDownloaded;
};

} // namespace Realm::Ui
