// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/textmerge.h"

#include <git2.h>

namespace Realm::Sync {

namespace {

git_merge_file_input inputOf(const QByteArray &content)
{
    git_merge_file_input input = GIT_MERGE_FILE_INPUT_INIT;
    input.ptr = content.constData();
    input.size = size_t(content.size());
    return input;
}

} // namespace

bool looksBinary(const QByteArray &content)
{
    return content.contains('\0');
}

std::optional<QByteArray> mergeText(const QByteArray &base, const QByteArray &ours, const QByteArray &theirs)
{
    if (looksBinary(base) || looksBinary(ours) || looksBinary(theirs))
        return std::nullopt;
    // libgit2 counts its users; the merge itself touches no global state.
    git_libgit2_init();
    const git_merge_file_input baseInput = inputOf(base);
    const git_merge_file_input ourInput = inputOf(ours);
    const git_merge_file_input theirInput = inputOf(theirs);
    git_merge_file_options options = GIT_MERGE_FILE_OPTIONS_INIT;
    git_merge_file_result result = {};
    std::optional<QByteArray> merged;
    if (git_merge_file(&result, &baseInput, &ourInput, &theirInput, &options) == 0 && result.automergeable)
        merged = QByteArray(result.ptr, qsizetype(result.len));
    git_merge_file_result_free(&result);
    git_libgit2_shutdown();
    return merged;
}

std::optional<ChangedLines> changedLines(const QByteArray &from, const QByteArray &to)
{
    if (looksBinary(from) || looksBinary(to))
        return std::nullopt;
    git_libgit2_init();
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.context_lines = 0;
    // Text by content: libgit2 would call a buffer binary on its own
    // guess otherwise, and report no lines.
    options.flags = GIT_DIFF_FORCE_TEXT;
    ChangedLines changed;
    const auto onLine = [](const git_diff_delta *, const git_diff_hunk *, const git_diff_line *line, void *payload) -> int {
        auto *lines = static_cast<ChangedLines *>(payload);
        if (line->origin == GIT_DIFF_LINE_DELETION)
            lines->removed.append(line->old_lineno);
        else if (line->origin == GIT_DIFF_LINE_ADDITION)
            lines->added.append(line->new_lineno);
        return 0;
    };
    const int failed = git_diff_buffers(from.constData(), size_t(from.size()), nullptr, to.constData(), size_t(to.size()), nullptr, &options, nullptr,
                                        nullptr, nullptr, onLine, &changed);
    git_libgit2_shutdown();
    if (failed)
        return std::nullopt;
    return changed;
}

} // namespace Realm::Sync
