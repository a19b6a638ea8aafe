// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/templaterenderer.h"

#include <QCoreApplication>

#include <kainjow/mustache.hpp>

namespace Realm::Docs {

namespace {
kainjow::mustache::data toData(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap: {
        kainjow::mustache::data object{kainjow::mustache::data::type::object};
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            object.set(it.key().toStdString(), toData(it.value()));
        return object;
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        kainjow::mustache::data list{kainjow::mustache::data::type::list};
        for (const QVariant &item : value.toList())
            list.push_back(toData(item));
        return list;
    }
    case QMetaType::Bool:
        return value.toBool() ? kainjow::mustache::data::type::bool_true : kainjow::mustache::data::type::bool_false;
    default: {
        // An empty text is false, so that {{#brief}}…{{/brief}} shows only
        // what is there.
        const QString text = value.toString();
        if (text.isEmpty())
            return kainjow::mustache::data::type::bool_false;
        return text.toStdString();
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
    const std::string out = tmpl.render(toData(data));
    if (!tmpl.is_valid())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "The template failed: %1")
                                       .arg(QString::fromStdString(tmpl.error_message())));
    return QString::fromStdString(out);
}

} // namespace Realm::Docs
