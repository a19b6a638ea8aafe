// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QString>

#include <kainjow/mustache.hpp>

// The data side of Mustache for callers that build large trees directly
// (the API reference): kainjow's types, which this header exposes.
namespace Realm::Mustache {

// A Mustache data tree built directly, for documents of tens of thousands
// of entries: going through QVariant first copied every value twice.
//
// kainjow's set() and push_back() copy what they are given and its move
// constructor is not noexcept (so a growing vector copies too); these
// helpers move values into place instead.
using TemplateData = kainjow::mustache::data;

// Text, or false when empty, so that {{#brief}}…{{/brief}} shows only
// what is there.
inline TemplateData templateText(const QString &text)
{
    return text.isEmpty() ? TemplateData(false) : TemplateData(text.toStdString());
}

inline TemplateData templateList(size_t capacity)
{
    TemplateData list(TemplateData::type::list);
    const_cast<kainjow::mustache::list &>(list.list_value()).reserve(capacity);
    return list;
}

// Appends to a list made by templateList() (at most its capacity, so that
// nothing already in it is copied).
inline void append(TemplateData &list, TemplateData &&item)
{
    auto &items = const_cast<kainjow::mustache::list &>(list.list_value());
    Q_ASSERT(items.size() < items.capacity());
    items.emplace_back(std::move(item));
}

inline void set(TemplateData &object, const std::string &key, TemplateData &&value)
{
    object[key] = std::move(value);
}

// Renders Markdown: nothing HTML-escaped, blank lines left by sections
// that were false collapsed (collapseBlankLines()).
Result<QString> renderMarkdown(const QString &mustacheTemplate, const TemplateData &data);
// The same over a context that makes its data as the template asks.
Result<QString> renderMarkdown(const QString &mustacheTemplate, kainjow::mustache::basic_context<std::string> &context);

} // namespace Realm::Mustache
