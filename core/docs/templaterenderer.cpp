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
    QStringList out;
    bool inFence = false;
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("```")))
            inFence = !inFence;
        if (!inFence && line.trimmed().isEmpty() && (out.isEmpty() || out.last().trimmed().isEmpty()))
            continue;
        out << line;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace Realm::Docs
