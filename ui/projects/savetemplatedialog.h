// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace Realm::Ui {

class FieldNote;

// Project → Save as Template: the project's files (all ticked) become a
// starter template of the workspace; each text in the variables table
// (a name, the project's name…) becomes {{variable}} in contents and names.
class SaveTemplateDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaveTemplateDialog)
public:
    SaveTemplateDialog(Storage::DatabasePtr db, const QString &projectId, const QString &projectName, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QTableWidget *variableTable() const { return m_variables; }
    QListWidget *fileList() const { return m_files; }
    QLabel *problemLabel() const { return m_problem; }
    void save();

signals:
    void filesLoaded();
    void saved(const QString &name);

private:
    void validate();
    Storage::DatabasePtr m_db;
    QString m_projectId;
    QLineEdit *m_name;
    QLineEdit *m_title;
    QLineEdit *m_description;
    QTableWidget *m_variables;
    QListWidget *m_files;
    QLabel *m_problem;

    QPushButton *m_save;
    FieldNote *m_nameNote;
    FieldNote *m_filesNote;
    bool m_saving = false;
};

} // namespace Realm::Ui
