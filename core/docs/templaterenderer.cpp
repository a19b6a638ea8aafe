// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/templaterenderer.h"

#include "docs/templatedata.h"

#include <QCoreApplication>

#include <string_view>

namespace Realm::Docs {

namespace {
// Fills `target` in place (see templatedata.h for why not set()).
void fill(TemplateData &target, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap: {
        target = TemplateData(TemplateData::type::object);
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            fill(target[it.key().toStdString()], it.value());
        return;
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        const QVariantList list = value.toList();
        target = templateList(size_t(list.size()));
        for (const QVariant &item : list) {
            TemplateData data;
            fill(data, item);
            append(target, std::move(data));
        }
        return;
    }
    case QMetaType::Bool:
        target = TemplateData(value.toBool());
        return;
    default:
        target = templateText(value.toString());
        return;
    }
}

template <typename Data>
Result<std::string> render(const QString &mustacheTemplate, Data &data)
{
    kainjow::mustache::mustache tmpl(mustacheTemplate.toStdString());
    if (!tmpl.is_valid())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "The template is not valid Mustache: %1")
                                       .arg(QString::fromStdString(tmpl.error_message())));
    tmpl.set_custom_escape([](const std::string &s) { return s; }); // Markdown, not HTML
    std::string out = tmpl.render(data);
    if (!tmpl.is_valid())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "The template failed: %1")
                                       .arg(QString::fromStdString(tmpl.error_message())));
    return out;
}

// One pass over the lines of UTF-8 text, without splitting it into a
// list: a large reference is megabytes.
std::string collapsed(std::string_view markdown)
{
    std::string out;
    out.reserve(markdown.size());
    bool inFence = false;
    bool lastBlank = true; // no blank lines at the top
    bool first = true;
    size_t at = 0;
    while (at <= markdown.size()) {
        size_t end = markdown.find('\n', at);
        if (end == std::string_view::npos)
            end = markdown.size();
        const std::string_view line = markdown.substr(at, end - at);
        if (line.substr(0, 3) == "```")
            inFence = !inFence;
        const bool blank = line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
        if (inFence || !blank || !lastBlank) { // the kept lines, joined by newlines
            if (!first)
                out += '\n';
            out += line;
            first = false;
        }
        lastBlank = blank && !inFence;
        at = end + 1;
    }
    return out;
}
} // namespace

Result<QString> renderTemplate(const QString &mustacheTemplate, const QVariantMap &data)
{
    TemplateData root;
    fill(root, data);
    Result<std::string> out = render(mustacheTemplate, root);
    if (!out)
        return out.error();
    return QString::fromStdString(*out);
}

Result<QString> renderMarkdown(const QString &mustacheTemplate, const QVariantMap &data)
{
    TemplateData root;
    fill(root, data);
    return renderMarkdown(mustacheTemplate, root);
}

namespace {
template <typename Data>
Result<QString> renderCollapsed(const QString &mustacheTemplate, Data &data)
{
    Result<std::string> out = render(mustacheTemplate, data);
    if (!out)
        return out.error();
    const std::string markdown = collapsed(*out);
    return QString::fromUtf8(markdown.data(), qsizetype(markdown.size()));
}
} // namespace

Result<QString> renderMarkdown(const QString &mustacheTemplate, const TemplateData &data)
{
    return renderCollapsed(mustacheTemplate, data);
}

Result<QString> renderMarkdown(const QString &mustacheTemplate, kainjow::mustache::basic_context<std::string> &context)
{
    return renderCollapsed(mustacheTemplate, context);
}

QString collapseBlankLines(const QString &markdown)
{
    const QByteArray utf8 = markdown.toUtf8();
    const std::string out = collapsed(std::string_view(utf8.constData(), size_t(utf8.size())));
    return QString::fromUtf8(out.data(), qsizetype(out.size()));
}

} // namespace Realm::Docs
