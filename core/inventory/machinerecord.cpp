#include "machinerecord.h"

#include "bytebuffer.h"

#include <QDataStream>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QtEndian>

#include <cstring>
#include <limits>

namespace {
constexpr bool s_littleEndian = QSysInfo::ByteOrder == QSysInfo::LittleEndian;
constexpr qint64 s_noTime = std::numeric_limits<qint64>::min();

class Writer
{
public:
    template<typename T>
    void put(T value)
    {
        const T little = qToLittleEndian(value);
        m_out.append(&little, sizeof little);
    }
    void putDouble(double value)
    {
        quint64 bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        put(bits);
    }
    void putString(QStringView text)
    {
        put(quint32(text.size()));
        if constexpr (s_littleEndian) {
            m_out.append(text.utf16(), text.size() * 2);
        } else {
            for (QChar c : text)
                put(c.unicode());
        }
    }
    void putList(const QStringList &list)
    {
        put(quint32(list.size()));
        for (const QString &item : list)
            putString(item);
    }
    void putOptional(const std::optional<double> &value)
    {
        put(quint8(value.has_value()));
        if (value)
            putDouble(*value);
    }
    void putBytes(const QByteArray &bytes) { m_out.append(bytes); }
    /// Overwrites what was written at @p at (a count or a format known only later).
    template<typename T>
    void patch(qsizetype at, T value)
    {
        const T little = qToLittleEndian(value);
        m_out.overwrite(at, &little, sizeof little);
    }
    [[nodiscard]] qsizetype size() const { return m_out.size(); }
    void truncate(qsizetype size) { m_out.truncate(size); }
    QByteArray take() { return m_out.take(); }

private:
    ByteBuffer m_out {320};
};

class Reader
{
public:
    Reader(QByteArrayView data, MachineRecord::StringPool *pool)
        : m_p(data.data())
        , m_end(data.data() + data.size())
        , m_pool(pool)
    { }
    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] bool atEnd() const { return m_p == m_end; }

    template<typename T>
    T get()
    {
        if (!need(sizeof(T)))
            return T();
        T value;
        std::memcpy(&value, m_p, sizeof value);
        m_p += sizeof value;
        return qFromLittleEndian(value);
    }
    double getDouble()
    {
        const quint64 bits = get<quint64>();
        double value = 0;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }
    QString getString(int slot = -1)
    {
        const quint32 units = get<quint32>();
        if (!need(qsizetype(units) * 2))
            return {};
        const char *data = m_p;
        m_p += qsizetype(units) * 2;
        if (units == 0)
            return {};
        if (m_pool && slot >= 0 && s_littleEndian)
            return m_pool->take(MachineRecord::StringPool::Slot(slot), data, units);
        QString text(qsizetype(units), Qt::Uninitialized);
        if constexpr (s_littleEndian) {
            std::memcpy(text.data(), data, qsizetype(units) * 2);
        } else {
            for (quint32 i = 0; i < units; ++i)
                text[i] = QChar(qFromLittleEndian<quint16>(data + 2 * i));
        }
        return text;
    }
    QStringList getList(int slot = -1)
    {
        const quint32 count = get<quint32>();
        // Each item takes at least its 4-byte length: a count beyond that is damage.
        if (!need(qsizetype(count) * 4))
            return {};
        QStringList list;
        if (count == 0)
            return list; // reserve(0) would allocate
        list.reserve(count);
        for (quint32 i = 0; i < count && m_ok; ++i)
            list.append(getString(slot));
        return list;
    }
    std::optional<double> getOptional()
    {
        if (!get<quint8>())
            return std::nullopt;
        return getDouble();
    }
    QByteArrayView getBytes()
    {
        const quint32 size = get<quint32>();
        if (!need(size))
            return {};
        const QByteArrayView bytes(m_p, size);
        m_p += size;
        return bytes;
    }

private:
    bool need(qsizetype bytes)
    {
        if (!m_ok || bytes < 0 || m_end - m_p < bytes)
            m_ok = false;
        return m_ok;
    }
    const char *m_p;
    const char *m_end;
    MachineRecord::StringPool *m_pool;
    bool m_ok = true;
};
/// Qt 6.4's QDataStream reserves a list's stated count before it reads the items, so a damaged
/// count in `extra` asks for up to 96 GB (2^32 QStrings) and the failed allocation ends the
/// program (found by fuzz_cache). This walks the serialized QVariantMap first and refuses it when
/// any list, map or string claims more items or bytes than are left. It knows the types providers
/// store (numbers, bools, strings, string and byte-array lists, variant lists and maps, lists
/// saved by type name) and stops checking, the rest being Qt's to read, at any other type.
class ExtraCheck
{
public:
    explicit ExtraCheck(QByteArrayView bytes)
        : m_p(bytes.data())
        , m_end(bytes.data() + bytes.size())
    { }
    /// False when the bytes are certainly damaged.
    bool plausible() { return map(0) != Verdict::Damaged; }

private:
    enum class Verdict { Fine, Unchecked, Damaged };
    static constexpr int maxDepth = 16;

    bool take(qsizetype bytes, const char **at = nullptr)
    {
        if (bytes < 0 || m_end - m_p < bytes)
            return false;
        if (at)
            *at = m_p;
        m_p += bytes;
        return true;
    }
    /// A big-endian quint32 (QDataStream's byte order).
    bool count(quint32 *value)
    {
        const char *at = nullptr;
        if (!take(4, &at))
            return false;
        *value = qFromBigEndian<quint32>(at);
        return true;
    }
    /// @p items each at least @p minBytes long still fit.
    bool fits(quint32 items, qsizetype minBytes) const
    {
        return qsizetype(items) <= (m_end - m_p) / minBytes;
    }
    bool string()
    {
        quint32 bytes = 0;
        if (!count(&bytes))
            return false;
        return bytes == 0xffffffff || take(bytes); // 0xffffffff: a null string
    }
    Verdict map(int depth)
    {
        quint32 items = 0;
        if (depth > maxDepth || !count(&items) || !fits(items, 4 + 5))
            return Verdict::Damaged;
        for (quint32 i = 0; i < items; ++i) {
            if (!string())
                return Verdict::Damaged;
            if (const Verdict v = variant(depth + 1); v != Verdict::Fine)
                return v;
        }
        return Verdict::Fine;
    }
    Verdict variant(int depth)
    {
        quint32 type = 0;
        if (depth > maxDepth || !count(&type) || !take(1)) // the type, then qint8 isNull
            return Verdict::Damaged;
        quint32 items = 0;
        switch (type) {
        case QMetaType::UnknownType:
            return Verdict::Fine; // an invalid QVariant: nothing follows
        case QMetaType::Bool:
        case QMetaType::Char:
        case QMetaType::SChar:
        case QMetaType::UChar:
            return take(1) ? Verdict::Fine : Verdict::Damaged;
        case QMetaType::Int:
        case QMetaType::UInt:
            return take(4) ? Verdict::Fine : Verdict::Damaged;
        case QMetaType::Float: // written as a double at QDataStream's default precision
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Double:
            return take(8) ? Verdict::Fine : Verdict::Damaged;
        case QMetaType::QString:
        case QMetaType::QByteArray:
            return string() ? Verdict::Fine : Verdict::Damaged;
        case QMetaType::QDate: // the Julian day as a qint64
            return take(8) ? Verdict::Fine : Verdict::Damaged;
        case QMetaType::QTime: // milliseconds since midnight as a quint32
            return take(4) ? Verdict::Fine : Verdict::Damaged;
        case QMetaType::QDateTime: // date, time, then qint8 spec (2: a qint32 offset follows)
            return dateTime();
        case QMetaType::QStringList:
        case QMetaType::QByteArrayList:
            if (!count(&items) || !fits(items, 4))
                return Verdict::Damaged;
            for (quint32 i = 0; i < items; ++i) {
                if (!string())
                    return Verdict::Damaged;
            }
            return Verdict::Fine;
        case QMetaType::QVariantList:
            if (!count(&items) || !fits(items, 5))
                return Verdict::Damaged;
            for (quint32 i = 0; i < items; ++i) {
                if (const Verdict v = variant(depth + 1); v != Verdict::Fine)
                    return v;
            }
            return Verdict::Fine;
        case QMetaType::QVariantMap:
            return map(depth + 1);
        case QMetaType::User:
            return userType();
        default:
            return Verdict::Unchecked;
        }
    }
    Verdict dateTime()
    {
        const char *spec = nullptr;
        if (!take(8 + 4) || !take(1, &spec))
            return Verdict::Damaged;
        if (*spec == Qt::OffsetFromUTC)
            return take(4) ? Verdict::Fine : Verdict::Damaged;
        return *spec == Qt::TimeZone ? Verdict::Unchecked : Verdict::Fine;
    }
    /// A type saved by name ("QList<int>"): a list's count must at least fit in the bytes left
    /// (an item takes one byte or more); what follows is Qt's to read.
    Verdict userType()
    {
        quint32 length = 0;
        const char *name = nullptr;
        if (!count(&length) || !take(length, &name))
            return Verdict::Damaged;
        const QByteArrayView type(name, length);
        if (type.startsWith("QList<") || type.startsWith("QVector<")) {
            quint32 items = 0;
            if (!count(&items) || !fits(items, 1))
                return Verdict::Damaged;
        }
        return Verdict::Unchecked;
    }

    const char *m_p;
    const char *m_end;
};
/// The type tags of format 3's extra values.
enum class ExtraTag : quint8 {
    String = 'S',
    List = 'L',
    Bool = 'B',
    Int = 'i',
    Long = 'q',
    Double = 'd'
};

/// Writes @p extra in format 3 into @p out; false (and what it wrote to be dropped) when a value
/// has a type format 3 does not carry.
bool putTypedExtra(Writer &out, const QVariantMap &extra)
{
    out.put(quint32(extra.size()));
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        out.putString(it.key());
        const QVariant &value = it.value();
        switch (value.typeId()) {
        case QMetaType::QString:
            out.put(quint8(ExtraTag::String));
            out.putString(value.toString());
            break;
        case QMetaType::QStringList:
            out.put(quint8(ExtraTag::List));
            out.putList(value.toStringList());
            break;
        case QMetaType::Bool:
            out.put(quint8(ExtraTag::Bool));
            out.put(quint8(value.toBool()));
            break;
        case QMetaType::Int:
            out.put(quint8(ExtraTag::Int));
            out.put(qint32(value.toInt()));
            break;
        case QMetaType::LongLong:
            out.put(quint8(ExtraTag::Long));
            out.put(qint64(value.toLongLong()));
            break;
        case QMetaType::Double:
            out.put(quint8(ExtraTag::Double));
            out.putDouble(value.toDouble());
            break;
        default:
            return false;
        }
    }
    return true;
}

bool getTypedExtra(Reader &in, QVariantMap &extra)
{
    using S = MachineRecord::StringPool;
    const quint32 count = in.get<quint32>();
    for (quint32 i = 0; i < count && in.ok(); ++i) {
        QString key = in.getString(S::ExtraKey);
        QVariant value;
        switch (ExtraTag(in.get<quint8>())) {
        case ExtraTag::String:
            value = in.getString(S::ExtraValue);
            break;
        case ExtraTag::List:
            value = in.getList(S::ExtraValue);
            break;
        case ExtraTag::Bool:
            value = bool(in.get<quint8>());
            break;
        case ExtraTag::Int:
            value = int(in.get<qint32>());
            break;
        case ExtraTag::Long:
            value = qlonglong(in.get<qint64>());
            break;
        case ExtraTag::Double:
            value = in.getDouble();
            break;
        default:
            return false;
        }
        if (!in.ok())
            return false;
        extra.insert(std::move(key), std::move(value));
    }
    return in.ok() && in.atEnd();
}
} // namespace

QString MachineRecord::StringPool::take(Slot slot, const char *data, qsizetype units)
{
    Entries &entries = m_slots[slot];
    for (const QString &known : entries.strings) {
        if (known.size() == units && std::memcmp(known.utf16(), data, units * 2) == 0)
            return known;
    }
    QString text(units, Qt::Uninitialized);
    std::memcpy(text.data(), data, units * 2);
    entries.strings[entries.next] = text;
    entries.next = (entries.next + 1) % Depth;
    return text;
}

QByteArray MachineRecord::encode(const Machine &m)
{
    Writer out;
    out.put(quint8(TypedExtraFormat)); // format 2 instead when an extra has no format 3 type
    out.putString(m.providerId);
    out.putString(m.name);
    out.putString(MachineState::id(m.state));
    out.putString(m.providerState);
    out.putString(m.region);
    out.putString(m.size);
    out.putString(m.image);
    out.putList(m.publicIpv4);
    out.putList(m.publicIpv6);
    out.putList(m.privateIpv4);
    out.putList(m.privateIpv6);
    out.putList(m.tags);
    out.put(m.createdAt.isValid() ? m.createdAt.toMSecsSinceEpoch() : s_noTime);
    out.putOptional(m.pricePerMonth);
    out.putOptional(m.pricePerHour);
    out.put(qint32(m.vcpus));
    out.put(qint32(m.memoryMb));
    out.put(qint32(m.diskGb));
    const qsizetype sizeAt = out.size();
    out.put(quint32(0)); // the extras' size, known below
    if (!m.extra.isEmpty()) {
        const qsizetype start = out.size();
        if (!putTypedExtra(out, m.extra)) {
            // A value format 3 does not carry: the whole map as format 2.
            out.truncate(start);
            QByteArray extra;
            QDataStream stream(&extra, QIODevice::WriteOnly);
            stream.setVersion(QDataStream::Qt_6_4);
            stream << m.extra;
            out.putBytes(extra);
            out.patch(0, quint8(Format));
        }
        out.patch(sizeAt, quint32(out.size() - start));
    }
    return out.take();
}

bool MachineRecord::decode(QByteArrayView record, Machine &m, StringPool *pool)
{
    using S = StringPool;
    Reader in(record, pool);
    const quint8 format = in.get<quint8>();
    if (format != Format && format != JsonExtraFormat && format != TypedExtraFormat)
        return false;
    m.providerId = in.getString(S::Provider);
    m.name = in.getString();
    m.state = MachineState::fromId(in.getString(S::State));
    m.providerState = in.getString(S::ProviderState);
    m.region = in.getString(S::Region);
    m.size = in.getString(S::Size);
    m.image = in.getString(S::Image);
    m.publicIpv4 = in.getList();
    m.publicIpv6 = in.getList();
    m.privateIpv4 = in.getList();
    m.privateIpv6 = in.getList();
    m.tags = in.getList(S::Tag);
    const qint64 created = in.get<qint64>();
    m.createdAt =
        created == s_noTime ? QDateTime() : QDateTime::fromMSecsSinceEpoch(created, Qt::UTC);
    m.pricePerMonth = in.getOptional();
    m.pricePerHour = in.getOptional();
    m.vcpus = in.get<qint32>();
    m.memoryMb = in.get<qint32>();
    m.diskGb = in.get<qint32>();
    const QByteArrayView extra = in.getBytes();
    if (!in.ok() || !in.atEnd())
        return false;
    m.extra.clear();
    if (extra.isEmpty())
        return true;
    if (format == TypedExtraFormat) {
        Reader typed(extra, pool);
        return getTypedExtra(typed, m.extra);
    }
    if (format == JsonExtraFormat) {
        m.extra = QJsonDocument::fromJson(extra.toByteArray()).object().toVariantMap();
        return true;
    }
    if (!ExtraCheck(extra).plausible())
        return false;
    QDataStream stream(extra.toByteArray());
    stream.setVersion(QDataStream::Qt_6_4);
    stream >> m.extra;
    return stream.status() == QDataStream::Ok && stream.atEnd();
}
