#pragma once

// Seeded mutations of a JSON reply for parser fuzz tests: random truncation, type swaps, deleted
// keys and flipped bytes. The same seed gives the same sequence, so a failing iteration can be
// replayed exactly.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <variant>

/// @brief Makes broken variants of a well-formed JSON document, reproducibly.
class JsonMutator
{
public:
    explicit JsonMutator(quint32 seed)
        : m_random(seed)
    { }
    /// As above, and @p hostileValues join the values a node may be swapped for: what a provider's
    /// own replies make dangerous (a next-page link to another host, an id in the wrong type).
    JsonMutator(quint32 seed, QList<QJsonValue> hostileValues)
        : m_random(seed)
        , m_hostileValues(std::move(hostileValues))
    { }

    /// A number in [0, @p limit) from the same seeded sequence (to pick a fixture reproducibly).
    int bounded(int limit) { return int(m_random.bounded(limit)); }

    /// One mutated variant of @p document as bytes; description() says what was done.
    QByteArray mutate(const QJsonDocument &document)
    {
        m_steps.clear();
        QJsonValue root =
            document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        const int structural = 1 + int(m_random.bounded(3));
        for (int i = 0; i < structural; ++i)
            root = mutateOnce(root);
        QByteArray bytes =
            root.isArray() ? QJsonDocument(root.toArray()).toJson()
            : root.isObject()
                ? QJsonDocument(root.toObject()).toJson()
                : QJsonDocument(QJsonArray {root}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        switch (m_random.bounded(6)) {
        case 0: // truncation, as a connection cut mid-body
            if (!bytes.isEmpty()) {
                const qsizetype keep = m_random.bounded(int(bytes.size()));
                bytes.truncate(keep);
                m_steps.append(QStringLiteral("truncate at %1").arg(keep));
            }
            break;
        case 1: // a flipped byte, as a broken proxy
            if (!bytes.isEmpty()) {
                const qsizetype at = m_random.bounded(int(bytes.size()));
                bytes[at] = char(m_random.bounded(256));
                m_steps.append(QStringLiteral("flip byte %1").arg(at));
            }
            break;
        default:
            break;
        }
        return bytes;
    }

    [[nodiscard]] QString description() const { return m_steps.join(QStringLiteral("; ")); }

private:
    using Step = std::variant<QString, qsizetype>; // object key or array index
    using Path = QList<Step>;

    QJsonValue mutateOnce(const QJsonValue &root)
    {
        QList<Path> paths;
        Path path;
        collect(root, path, paths);
        const Path &target = paths.at(m_random.bounded(int(paths.size())));
        const int kind = int(m_random.bounded(3));
        if (kind == 0 && !target.isEmpty()) {
            m_steps.append(QStringLiteral("delete %1").arg(text(target)));
            return rewrite(root, target, 0, QJsonValue(QJsonValue::Undefined));
        }
        const QJsonValue replacement = randomValue();
        m_steps.append(QStringLiteral("set %1 to %2").arg(text(target), typeName(replacement)));
        return rewrite(root, target, 0, replacement);
    }

    QJsonValue randomValue()
    {
        // Without hostile values the sequence is the one every existing seed was chosen with.
        const int pick = int(m_random.bounded(9 + int(m_hostileValues.size())));
        if (pick >= 9)
            return m_hostileValues.at(pick - 9);
        switch (pick) {
        case 0:
            return QJsonValue(QJsonValue::Null);
        case 1:
            return QStringLiteral("a string where something else belongs");
        case 2:
            return QString();
        case 3:
            return double(m_random.bounded(1000)) - 500.0;
        case 4:
            return 1.0e300;
        case 5:
            return bool(m_random.bounded(2));
        case 6:
            return QJsonArray {QStringLiteral("x"), 1, QJsonValue(QJsonValue::Null)};
        case 7:
            return QJsonArray();
        default:
            return QJsonObject {{QStringLiteral("unexpected"), true}};
        }
    }

    static void collect(const QJsonValue &value, Path &path, QList<Path> &paths)
    {
        paths.append(path);
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                path.append(it.key());
                collect(it.value(), path, paths);
                path.removeLast();
            }
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                path.append(i);
                collect(array.at(i), path, paths);
                path.removeLast();
            }
        }
    }

    // @p node with the value at @p path replaced by @p replacement (removed when undefined).
    static QJsonValue rewrite(const QJsonValue &node, const Path &path, qsizetype depth,
                              const QJsonValue &replacement)
    {
        if (depth == path.size())
            return replacement;
        const Step &step = path.at(depth);
        if (const QString *key = std::get_if<QString>(&step)) {
            QJsonObject object = node.toObject();
            const QJsonValue child = rewrite(object.value(*key), path, depth + 1, replacement);
            if (child.isUndefined())
                object.remove(*key);
            else
                object.insert(*key, child);
            return object;
        }
        const qsizetype index = std::get<qsizetype>(step);
        QJsonArray array = node.toArray();
        const QJsonValue child = rewrite(array.at(index), path, depth + 1, replacement);
        if (child.isUndefined())
            array.removeAt(index);
        else
            array.replace(index, child);
        return array;
    }

    static QString text(const Path &path)
    {
        QString result = QStringLiteral("$");
        for (const Step &step : path) {
            if (const QString *key = std::get_if<QString>(&step))
                result += QLatin1Char('.') + *key;
            else
                result += QStringLiteral("[%1]").arg(std::get<qsizetype>(step));
        }
        return result;
    }

    static QString typeName(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return QStringLiteral("a bool");
        case QJsonValue::Double:
            return QStringLiteral("a number");
        case QJsonValue::String:
            return QStringLiteral("a string");
        case QJsonValue::Array:
            return QStringLiteral("an array");
        case QJsonValue::Object:
            return QStringLiteral("an object");
        default:
            return QStringLiteral("undefined");
        }
    }

    QRandomGenerator m_random;
    QList<QJsonValue> m_hostileValues;
    QStringList m_steps;
};
