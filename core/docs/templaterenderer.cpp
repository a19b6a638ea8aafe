// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/templaterenderer.h"

#include <QCoreApplication>

#include <kainjow/mustache.hpp>

namespace Realm::Docs {

namespace {
using Data = kainjow::mustache::data;

// Fills `target` in place: kainjow's set() and push_back() copy what they
// are given, which for a tree built bottom-up copies every node once per
// level above it (most of the time of a large reference). Adding an empty
// container first and filling it where it lies copies nothing.
void fill(Data &target, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap: {
        target = Data(Data::type::object);
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            const std::string key = it.key().toStdString();
            target.set(key, Data(Data::type::bool_false));
            fill(*const_cast<Data *>(target.get(key)), it.value());
        }
        return;
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        target = Data(Data::type::list);
        const QVariantList list = value.toList();
        auto &items = const_cast<kainjow::mustache::list &>(target.list_value());
        items.resize(list.size());
        for (qsizetype i = 0; i < list.size(); ++i)
            fill(items[size_t(i)], list.at(i));
        return;
    }
    case QMetaType::Bool:
        target = Data(value.toBool());
        return;
    default: {
        // An empty text is false, so that {{#brief}}…{{/brief}} shows only
        // what is there.
        const QString text = value.toString();
        target = text.isEmpty() ? Data(false) : Data(text.toStdString());
        return;
    }
    }
}
} // namespace

Result<QString> renderTemplate(const QString &mustacheTemplate, const QVariantMap &data)
{
    kainjow::mustache::mustache tmpl(mustacheTemplate.toStdString());
    if (!tmpl.is_valid())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "The template is not valid Mustache: %1")
                                       .arg(QString::fromStdString(tmpl.error_message())));
    tmpl.set_custom_escape([](const std::string &s) { return s; }); // Markdown, not HTML
    Data root;
    fill(root, data);
    const std::string out = tmpl.render(root);
    if (!tmpl.is_valid())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "The template failed: %1")
                                       .arg(QString::fromStdString(tmpl.error_message())));
    return QString::fromStdString(out);
}

QString collapseBlankLines(const QString &markdown)
{
    // One pass over the lines, without splitting the text into a list: a
    // large reference is megabytes.
    QString out;
    out.reserve(markdown.size());
    bool inFence = false;
    bool lastBlank = true; // no blank lines at the top
    bool first = true;
    qsizetype at = 0;
    while (at <= markdown.size()) {
        qsizetype end = markdown.indexOf(QLatin1Char('\n'), at);
        if (end < 0)
            end = markdown.size();
        const QStringView line = QStringView(markdown).mid(at, end - at);
        if (line.startsWith(QLatin1String("```")))
            inFence = !inFence;
        const bool blank = line.trimmed().isEmpty();
        if (inFence || !blank || !lastBlank) { // the kept lines, joined by newlines
            if (!first)
                out += QLatin1Char('\n');
            out += line;
            first = false;
        }
        lastBlank = blank && !inFence;
        at = end + 1;
    }
    return out;
}

} // namespace Realm::Docs
