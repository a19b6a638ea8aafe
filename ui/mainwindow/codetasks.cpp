// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/codetasks.h"

#include "codeview/codeview.h"
#include "projects/language.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QTextDocumentFragment>

namespace Realm::Ui {

Prompts::PromptValues promptValuesOf(const CodeView *view, const QString &path, const QString &projectName, bool wholeFile)
{
    Prompts::PromptValues values;
    const QTextCursor cursor = view->textCursor();
    values.selection = !wholeFile && cursor.hasSelection() ? cursor.selection().toPlainText() : view->toPlainText();
    values.file = path;
    values.languageId = Projects::detectLanguage(path, {});
    values.language = values.languageId.isEmpty() ? QString() : Projects::languageDisplayName(values.languageId);
    values.project = projectName;
    return values;
}

QList<QAction *> addCodeTaskActions(QMenu *menu, std::function<std::optional<Prompts::PromptValues>(bool wholeFile)> valuesFor,
                                    std::function<void(const QString &name, const Prompts::PromptValues &values)> use)
{
    struct Task {
        const char *prompt;
        const char *text;
        bool wholeFile;
    };
    static constexpr Task tasks[] = {
        {"explain", QT_TRANSLATE_NOOP("Realm::Ui::CodeTasks", "&Explain Selection"), false},
        {"find-bugs", QT_TRANSLATE_NOOP("Realm::Ui::CodeTasks", "Find &Bugs in Selection"), false},
        {"document", QT_TRANSLATE_NOOP("Realm::Ui::CodeTasks", "&Document Selection"), false},
        {"refactor", QT_TRANSLATE_NOOP("Realm::Ui::CodeTasks", "&Refactor Selection"), false},
        {"write-tests", QT_TRANSLATE_NOOP("Realm::Ui::CodeTasks", "Write &Tests for File"), true},
        {"summarize-file", QT_TRANSLATE_NOOP("Realm::Ui::CodeTasks", "&Summarize File"), true},
    };
    QList<QAction *> actions;
    for (const Task &task : tasks) {
        QAction *action = menu->addAction(QCoreApplication::translate("Realm::Ui::CodeTasks", task.text));
        const QString name = QString::fromLatin1(task.prompt);
        QObject::connect(action, &QAction::triggered, menu, [valuesFor, use, name, wholeFile = task.wholeFile] {
            if (const std::optional<Prompts::PromptValues> values = valuesFor(wholeFile))
                use(name, *values);
        });
        actions.append(action);
    }
    return actions;
}

} // namespace Realm::Ui
