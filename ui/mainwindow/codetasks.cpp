// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/codetasks.h"

#include "codeview/codeview.h"
#include "projects/language.h"
#include "prompts/promptvalues.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QTextDocumentFragment>

namespace Realm::Ui {

Prompts::PromptValues promptValuesOf(const CodeView *view, const QString &path, const QString &projectName, bool wholeFile)
{
    const QTextCursor cursor = view->textCursor();
    const QString text = view->toPlainText();
    // The language as the importer decided it: by name, else by the file's first line.
    const QString languageId = Projects::detectLanguage(path, text.left(256).toUtf8());
    return Prompts::valuesForCode(!wholeFile && cursor.hasSelection() ? cursor.selection().toPlainText() : text, path, languageId, projectName);
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
