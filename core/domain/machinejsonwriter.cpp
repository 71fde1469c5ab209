#include "machinejsonwriter.h"

#include <QCborValue>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace {
// Large enough that a write() call moves many machines, small enough to stream.
constexpr qsizetype s_chunk = 256 * 1024;

void indentBy(MachineJsonWriter::Sink &out, int indent)
{
    // append(n, ' ') is an insert in Qt 6.4; whole runs of spaces are a plain copy.
    static constexpr char spaces[] = "                                "; // 8 levels
    constexpr qsizetype levels = (sizeof spaces - 1) / 4;
    for (; indent > levels; indent -= int(levels))
        out.append(spaces, sizeof spaces - 1);
    out.append(spaces, qsizetype(4) * indent);
}

char hexDigit(uint value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

void appendEscape(MachineJsonWriter::Sink &out, char16_t unit)
{
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4)
        out.append(hexDigit((unit >> shift) & 0xf));
}

void appendDigits(MachineJsonWriter::Sink &out, int value, int width)
{
    char digits[4];
    for (int i = width - 1; i >= 0; --i, value /= 10)
        digits[i] = char('0' + value % 10);
    out.append(digits, width);
}

/// Qt::ISODate of the UTC time ("2024-01-31T12:00:00Z"), quoted; "" when invalid.
void appendIsoDate(MachineJsonWriter::Sink &out, const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return void(out.append("\"\""));
    const QDateTime utc = dateTime.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    if (date.year() < 0 || date.year() > 9999) // Qt's own form for what four digits cannot say
        return MachineJsonWriter::appendString(out, utc.toString(Qt::ISODate));
    out.append('"');
    appendDigits(out, date.year(), 4);
    out.append('-');
    appendDigits(out, date.month(), 2);
    out.append('-');
    appendDigits(out, date.day(), 2);
    out.append('T');
    appendDigits(out, time.hour(), 2);
    out.append(':');
    appendDigits(out, time.minute(), 2);
    out.append(':');
    appendDigits(out, time.second(), 2);
    out.append("Z\"");
}
} // namespace

MachineJsonWriter::MachineJsonWriter(QIODevice *device)
    : m_device(device)
{
    m_buffer.reserve(s_chunk + 16 * 1024);
}

MachineJsonWriter::~MachineJsonWriter()
{
    end();
}

void MachineJsonWriter::appendString(MachineJsonWriter::Sink &out, QStringView text)
{
    // As Qt's own JSON writer: the two JSON specials and C0 controls escaped (short forms where
    // JSON has them), everything else as UTF-8, and a lone surrogate (not encodable) as \uXXXX.
    out.append('"');
    const char16_t *it = text.utf16();
    const char16_t *const end = it + text.size();
    while (it != end) {
        // Most text is printable ASCII: copy such a run in one go.
        const char16_t *run = it;
        while (run != end && *run >= 0x20 && *run < 0x7f && *run != u'"' && *run != u'\\')
            ++run;
        if (run != it) {
            const qsizetype length = run - it;
            char *dst = out.extend(length);
            for (; it != run; ++it)
                *dst++ = char(*it);
            continue;
        }
        const char16_t unit = *it++;
        if (unit < 0x80) {
            switch (unit) {
            case u'"': out.append("\\\""); break;
            case u'\\': out.append("\\\\"); break;
            case u'\b': out.append("\\b"); break;
            case u'\f': out.append("\\f"); break;
            case u'\n': out.append("\\n"); break;
            case u'\r': out.append("\\r"); break;
            case u'\t': out.append("\\t"); break;
            default:
                if (unit < 0x20)
                    appendEscape(out, unit);
                else
                    out.append(char(unit));
            }
        } else if (unit < 0x800) {
            out.append(char(0xc0 | (unit >> 6)));
            out.append(char(0x80 | (unit & 0x3f)));
        } else if (QChar::isHighSurrogate(unit) && it != end && QChar::isLowSurrogate(*it)) {
            const char32_t code = QChar::surrogateToUcs4(unit, *it++);
            out.append(char(0xf0 | (code >> 18)));
            out.append(char(0x80 | ((code >> 12) & 0x3f)));
            out.append(char(0x80 | ((code >> 6) & 0x3f)));
            out.append(char(0x80 | (code & 0x3f)));
        } else if (QChar::isSurrogate(unit)) {
            appendEscape(out, unit);
        } else {
            out.append(char(0xe0 | (unit >> 12)));
            out.append(char(0x80 | ((unit >> 6) & 0x3f)));
            out.append(char(0x80 | (unit & 0x3f)));
        }
    }
    out.append('"');
}

void MachineJsonWriter::key(const char *name, int indent)
{
    indentBy(m_buffer, indent);
    m_buffer.append('"').append(name).append("\": ");
}

void MachineJsonWriter::number(double value)
{
    // As QJsonValue(double) and Qt's writer: a whole number within double's exact range (2^53)
    // is kept as an integer ("6", "1000000000000000"), any other finite one in its shortest
    // form ("0.1", "1e+21"), and what JSON cannot say (NaN, infinities) as null.
    constexpr double exact = 9007199254740992.0; // 2^53
    double whole = 0;
    if (!std::isfinite(value))
        m_buffer.append("null");
    else if (value <= exact && value >= -exact && std::modf(value, &whole) == 0.0)
        m_buffer.append(QByteArray::number(qint64(value)));
    else
        m_buffer.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

void MachineJsonWriter::stringList(const QStringList &list, int indent)
{
    m_buffer.append("[\n");
    for (qsizetype i = 0; i < list.size(); ++i) {
        indentBy(m_buffer, indent + 1);
        appendString(m_buffer, list.at(i));
        m_buffer.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    indentBy(m_buffer, indent);
    m_buffer.append(']');
}

void MachineJsonWriter::value(const QJsonValue &value, int indent)
{
    // Only "extra" takes this path: what a provider keeps beside the common fields.
    switch (value.type()) {
    case QJsonValue::Bool: m_buffer.append(value.toBool() ? "true" : "false"); break;
    case QJsonValue::Double: {
        // A QJsonValue keeps integers apart from doubles (1e15 prints differently as each);
        // only its CBOR form says which one it holds.
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger())
            m_buffer.append(QByteArray::number(number.toInteger()));
        else
            this->number(number.toDouble());
        break;
    }
    case QJsonValue::String: appendString(m_buffer, value.toString()); break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        m_buffer.append("[\n");
        for (qsizetype i = 0; i < array.size(); ++i) {
            indentBy(m_buffer, indent + 1);
            this->value(array.at(i), indent + 1);
            m_buffer.append(i + 1 < array.size() ? ",\n" : "\n");
        }
        indentBy(m_buffer, indent);
        m_buffer.append(']');
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        m_buffer.append("{\n");
        qsizetype left = object.size();
        for (auto it = object.begin(); it != object.end(); ++it) {
            indentBy(m_buffer, indent + 1);
            appendString(m_buffer, it.key());
            m_buffer.append(": ");
            this->value(it.value(), indent + 1);
            m_buffer.append(--left > 0 ? ",\n" : "\n");
        }
        indentBy(m_buffer, indent);
        m_buffer.append('}');
        break;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined: m_buffer.append("null"); break;
    }
}

void MachineJsonWriter::variant(const QVariant &value, int indent)
{
    // The types providers put into "extra", written as QJsonValue::fromVariant() would have
    // them; anything rarer goes through that conversion.
    switch (value.typeId()) {
    case QMetaType::UnknownType: m_buffer.append("null"); break;
    case QMetaType::Bool: m_buffer.append(value.toBool() ? "true" : "false"); break;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt: m_buffer.append(QByteArray::number(value.toLongLong())); break;
    case QMetaType::Double: number(value.toDouble()); break;
    case QMetaType::QString: appendString(m_buffer, value.toString()); break;
    case QMetaType::QStringList: stringList(value.toStringList(), indent); break;
    case QMetaType::QVariantList: {
        const QVariantList list = value.toList();
        m_buffer.append("[\n");
        for (qsizetype i = 0; i < list.size(); ++i) {
            indentBy(m_buffer, indent + 1);
            variant(list.at(i), indent + 1);
            m_buffer.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        indentBy(m_buffer, indent);
        m_buffer.append(']');
        break;
    }
    case QMetaType::QVariantMap: {
        const QVariantMap map = value.toMap();
        m_buffer.append("{\n");
        qsizetype left = map.size();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            indentBy(m_buffer, indent + 1);
            appendString(m_buffer, it.key());
            m_buffer.append(": ");
            variant(it.value(), indent + 1);
            m_buffer.append(--left > 0 ? ",\n" : "\n");
        }
        indentBy(m_buffer, indent);
        m_buffer.append('}');
        break;
    }
    default: this->value(QJsonValue::fromVariant(value), indent);
    }
}

void MachineJsonWriter::write(const Machine &machine, const QString &accountName)
{
    m_buffer.append(m_started ? ",\n" : "[\n");
    m_started = true;
    constexpr int in = 2; // the keys of an element of the top-level array
    indentBy(m_buffer, 1);
    m_buffer.append("{\n");
    const auto string = [this](const char *name, QStringView text) {
        key(name, in);
        appendString(m_buffer, text);
        m_buffer.append(",\n");
    };
    const auto integer = [this](const char *name, int value, bool last = false) {
        key(name, in);
        m_buffer.append(QByteArray::number(value)).append(last ? "\n" : ",\n");
    };
    const auto strings = [this](const char *name, const QStringList &list) {
        key(name, in);
        stringList(list, in);
        m_buffer.append(",\n");
    };
    const auto optional = [this](const char *name, const std::optional<double> &value) {
        key(name, in);
        if (value)
            number(*value);
        else
            m_buffer.append("null");
        m_buffer.append(",\n");
    };
    // In QJsonObject's order (keys sorted), so the bytes match Machine::toJson()'s document.
    string("account", accountName);
    string("accountId", machine.accountId);
    key("createdAt", in);
    appendIsoDate(m_buffer, machine.createdAt);
    m_buffer.append(",\n");
    integer("diskGb", machine.diskGb);
    key("extra", in);
    if (machine.extra.isEmpty()) {
        m_buffer.append("{\n");
        indentBy(m_buffer, in);
        m_buffer.append("},\n");
    } else {
        variant(machine.extra, in);
        m_buffer.append(",\n");
    }
    string("id", machine.id);
    string("image", machine.image);
    key("lastSeen", in);
    appendIsoDate(m_buffer, machine.lastSeen);
    m_buffer.append(",\n");
    integer("memoryMb", machine.memoryMb);
    string("name", machine.name);
    optional("pricePerHour", machine.pricePerHour);
    optional("pricePerMonth", machine.pricePerMonth);
    strings("privateIps", machine.privateIps());
    strings("privateIpv4", machine.privateIpv4);
    strings("privateIpv6", machine.privateIpv6);
    string("provider", machine.providerId);
    string("providerState", machine.providerState);
    strings("publicIps", machine.publicIps());
    strings("publicIpv4", machine.publicIpv4);
    strings("publicIpv6", machine.publicIpv6);
    string("region", machine.region);
    string("size", machine.size);
    string("state", MachineState::id(machine.state));
    strings("tags", machine.tags);
    integer("vcpus", machine.vcpus, true);
    indentBy(m_buffer, 1);
    m_buffer.append('}');
    flushIfFull();
}

void MachineJsonWriter::flushIfFull()
{
    if (m_buffer.size() < s_chunk || !m_device)
        return;
    m_device->write(m_buffer.data(), m_buffer.size());
    m_buffer.clear();
}

void MachineJsonWriter::end()
{
    if (m_ended)
        return;
    m_ended = true;
    m_buffer.append(m_started ? "\n]\n" : "[\n]\n");
    if (!m_device)
        return;
    m_device->write(m_buffer.data(), m_buffer.size());
    m_buffer.clear();
}
