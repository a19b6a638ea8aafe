// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prompts/prompttemplate.h"

#include <QFrame>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace Realm::Ui {

// The prompt templates offered while the question box starts with "/":
// filtered by what follows the slash, with the selected one filled in as a
// preview. Keys typed into the box steer it (Up/Down choose, Enter or Tab
// take, Esc closes) while the box keeps the focus; nothing is sent — the
// filled prompt replaces the question, to edit before sending.
class PromptPicker final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptPicker)
public:
    // Watches `input`'s text and keys.
    explicit PromptPicker(QPlainTextEdit *input, QWidget *parent = nullptr);

    void setPrompts(const QList<Prompts::PromptTemplate> &prompts);
    // What the templates are filled with; asked each time the picker opens.
    void setValuesSource(std::function<Prompts::PromptValues()> source) { m_valuesSource = std::move(source); }

    QListWidget *list() const { return m_list; }
    QString preview() const;

signals:
    // The picker opens: a chance to reload the templates.
    void opened();
    void chosen(const QString &name, const QString &filledPrompt);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow(const QString &text);
    void refill(const QString &filter);
    void showPreview();
    void take();

    QPlainTextEdit *m_input;
    QList<Prompts::PromptTemplate> m_prompts;
    std::function<Prompts::PromptValues()> m_valuesSource;
    Prompts::PromptValues m_values;
    QListWidget *m_list;
    QPlainTextEdit *m_preview;
    QLabel *m_hint;
};

} // namespace Realm::Ui
