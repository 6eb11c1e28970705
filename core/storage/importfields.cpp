// SPDX-License-Identifier: GPL-3.0-or-later
#include "importfields.h"

#include "campaign/emailaddress.h"
#include "fieldparser.h"
#include "timestamp.h"

#include <QCoreApplication>

namespace Vitrine::ImportFields {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Importer)
};

} // namespace

const std::vector<FieldSpec> &fieldSpecs(ImportKind kind)
{
    static const std::vector<FieldSpec> items = {
        {"sku", FieldType::Key, {"item_id", "product_id", "id"}},
        {"title", FieldType::Text, {"name", "product_name"}},
        {"kind", FieldType::Kind, {}},
        {"category", FieldType::Text, {"category_path"}},
        {"brand", FieldType::Text, {}},
        {"price", FieldType::Number, {}},
        {"sale_price", FieldType::Number, {}},
        {"stock", FieldType::Integer, {"inventory"}},
        {"created_at", FieldType::Timestamp, {"created", "published_at"}},
        {"image", FieldType::Text, {"image_url"}},
        {"url", FieldType::Text, {"link"}},
        {"attributes", FieldType::Json, {}},
    };
    static const std::vector<FieldSpec> users = {
        {"external_id", FieldType::Key, {"user_id", "customer_id", "id"}},
        {"name", FieldType::Text, {}},
        {"email", FieldType::Email, {"e-mail"}},
        {"gender", FieldType::Gender, {"sex"}},
        {"birth_year", FieldType::BirthYear, {"year_of_birth"}},
        {"country", FieldType::Text, {}},
        {"city", FieldType::Text, {}},
        {"email_consent", FieldType::Boolean, {"consent", "newsletter"}},
        {"created_at", FieldType::Timestamp, {"created", "signup_at"}},
        {"attributes", FieldType::Json, {}},
    };
    static const std::vector<FieldSpec> events = {
        {"user_id", FieldType::UserRef, {"user", "customer_id", "visitorid"}},
        {"item_id", FieldType::ItemRef, {"item", "sku", "product_id", "itemid"}},
        {"type", FieldType::EventKind, {"event", "event_type"}},
        {"ts", FieldType::Timestamp, {"timestamp", "time", "date"}},
        {"quantity", FieldType::Quantity, {"qty"}},
        {"value", FieldType::SignedNumber, {"revenue", "amount", "rating"}},
    };
    switch (kind) {
    case ImportKind::Items:
        return items;
    case ImportKind::Users:
        return users;
    case ImportKind::Events:
        break;
    }
    return events;
}

QStringList fieldNames(ImportKind kind)
{
    QStringList names;
    for (const FieldSpec &spec : fieldSpecs(kind))
        names.append(QString::fromLatin1(spec.name));
    return names;
}

bool convert(FieldType type, QByteArrayView text, QVariant *valuePointer, QString *problem)
{
    QVariant &value = *valuePointer;
    const bool empty = text.trimmed().isEmpty();
    const auto fail = [problem](const QString &message) {
        *problem = message;
    };
    problem->clear();
    switch (type) {
        case FieldType::Text:
            value = QString::fromUtf8(text).trimmed();
            if (value.toString().isNull())
                value = QString(QLatin1String(""));
            break;
        case FieldType::Email: {
            // Checked here, so an address can never reach an e-mail header as something else.
            const QString address = QString::fromUtf8(text).trimmed();
            QString why;
            value = address.isEmpty() ? QString(QLatin1String("")) : address;
            if (!address.isEmpty() && !EmailAddress::isValid(address, &why))
                fail(Tr::tr("%1 is not an e-mail address (%2)").arg(EmailAddress::quoted(address), why));
            break;
        }
        case FieldType::Number:
            if (empty) {
                value = QVariant::fromValue(nullptr);
            } else if (const std::optional<double> number = FieldParser::number(text)) {
                if (*number < 0)
                    fail(Tr::tr("%1 is negative").arg(FieldParser::quoted(text)));
                value = *number;
            } else {
                fail(Tr::tr("%1 is not a number (use a dot for decimals, no thousands separators)")
                         .arg(FieldParser::quoted(text)));
            }
            break;
        case FieldType::Integer:
            if (empty) {
                value = QVariant::fromValue(nullptr);
            } else if (const std::optional<qint64> number = FieldParser::integer(text)) {
                // Only stock is a plain integer: units on hand, 0 when sold out.
                if (*number < 0)
                    fail(Tr::tr("%1 is negative (use 0 for sold out)").arg(FieldParser::quoted(text)));
                value = *number;
            } else {
                fail(Tr::tr("%1 is not a whole number").arg(FieldParser::quoted(text)));
            }
            break;
        case FieldType::BirthYear:
            if (empty) {
                value = QVariant::fromValue(nullptr);
            } else if (const std::optional<qint64> year = FieldParser::integer(text)) {
                if (*year < 1900 || *year > 2100)
                    fail(Tr::tr("%1 is not a plausible year of birth").arg(FieldParser::quoted(text)));
                value = *year;
            } else {
                fail(Tr::tr("%1 is not a year").arg(FieldParser::quoted(text)));
            }
            break;
        case FieldType::Timestamp:
            if (empty)
                value = QVariant::fromValue(nullptr);
            else if (const std::optional<qint64> ts = Timestamp::parse(text.data(), text.size()))
                value = *ts;
            else
                fail(Timestamp::problem(text));
            break;
        case FieldType::Boolean:
            // Blank is "unknown": a new row gets no (0), an existing one keeps its value.
            if (empty)
                value = QVariant::fromValue(nullptr);
            else if (const std::optional<bool> flag = FieldParser::boolean(text))
                value = *flag ? 1 : 0;
            else
                fail(Tr::tr("%1 is not yes or no (use 1/0, true/false or yes/no)")
                         .arg(FieldParser::quoted(text)));
            break;
        case FieldType::Gender:
            if (const std::optional<QString> gender = FieldParser::gender(text))
                value = gender->isNull() ? QString(QLatin1String("")) : *gender;
            else
                fail(Tr::tr("%1 is not a gender (use f, m, x or leave it empty)")
                         .arg(FieldParser::quoted(text)));
            break;
        case FieldType::Kind:
            if (const std::optional<QString> kind = FieldParser::itemKind(text))
                value = *kind;
            else
                fail(Tr::tr("%1 is not a kind of item (use product or content)")
                         .arg(FieldParser::quoted(text)));
            break;
    default:
        break;
    }
    return problem->isEmpty();
}

} // namespace Vitrine::ImportFields
