// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace Realm::Ui {

// What is wrong with one field, shown right under it and gone once fixed
// (an empty problem hides it). The colour reads on light and dark themes.
class FieldNote final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldNote)
public:
    explicit FieldNote(const QString &objectName, QWidget *parent = nullptr);

    void setProblem(const QString &problem);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColour();
};

} // namespace Realm::Ui
