// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prompts/prompttemplate.h"

#include <QList>

#include <functional>
#include <optional>

class QAction;
class QMenu;

namespace Realm::Ui {

class CodeView;

// What a prompt about the code on show is filled with: the selection (or,
// with `wholeFile` or nothing selected, the whole file), its path and
// language, and the project's name. Read from the view: no disk.
Prompts::PromptValues promptValuesOf(const CodeView *view, const QString &path, const QString &projectName, bool wholeFile);

// "Explain Selection", "Find Bugs in Selection", "Write Tests for File", …:
// one command per code task, added to `menu`. Each asks `valuesFor` for the
// code (whole file or not) and hands the template's name and the values to
// `use`, which fills the chat's question box. Returns the commands, for the
// editor's context menu too.
QList<QAction *> addCodeTaskActions(QMenu *menu, std::function<std::optional<Prompts::PromptValues>(bool wholeFile)> valuesFor,
                                    std::function<void(const QString &name, const Prompts::PromptValues &values)> use);

} // namespace Realm::Ui
