#pragma once

#include <QByteArray>

#include <algorithm>
#include <cstring>
#include <utility>

/**
 * @brief Bytes appended through a pointer into a buffer that doubles when it must.
 *
 * The writers of large outputs (MachineRecord's records, MachineJsonWriter's JSON) append two to
 * twenty bytes at a time. QByteArray::append() of so few bytes is an out-of-line insert() in
 * Qt 6.4, with its aliasing and detach checks: that was most of their time.
 */
class ByteBuffer
{
public:
    explicit ByteBuffer(qsizetype capacity = 0) { reserve(capacity); }

    void reserve(qsizetype capacity)
    {
        if (capacity > m_bytes.size())
            grow(capacity - m_size);
    }
    ByteBuffer &append(const void *bytes, qsizetype count)
    {
        if (count > 0) // an empty QString's or array's data may be null: not for memcpy()
            std::memcpy(extend(count), bytes, size_t(count));
        return *this;
    }
    ByteBuffer &append(const char *text) { return append(text, qsizetype(std::strlen(text))); }
    ByteBuffer &append(const QByteArray &bytes) { return append(bytes.constData(), bytes.size()); }
    ByteBuffer &append(char c)
    {
        *extend(1) = c;
        return *this;
    }
    /// Room for @p count more bytes, to be written at the pointer returned.
    char *extend(qsizetype count)
    {
        if (m_size + count > m_bytes.size())
            grow(count);
        char *at = m_data + m_size;
        m_size += count;
        return at;
    }
    /// Overwrites @p count bytes written at @p at (a size or a format known only later).
    void overwrite(qsizetype at, const void *bytes, qsizetype count)
    {
        std::memcpy(m_data + at, bytes, size_t(count));
    }
    [[nodiscard]] qsizetype size() const { return m_size; }
    [[nodiscard]] const char *data() const { return m_data; }
    void truncate(qsizetype size) { m_size = std::min(size, m_size); }
    void clear() { m_size = 0; }
    /// The bytes as a QByteArray; the buffer is empty afterwards.
    QByteArray take()
    {
        m_bytes.truncate(m_size);
        m_data = nullptr;
        m_size = 0;
        return std::move(m_bytes);
    }

private:
    void grow(qsizetype count)
    {
        // resize() keeps what was written; the new room is written before it is read.
        m_bytes.resize(std::max(m_bytes.size() * 2, m_size + count));
        m_data = m_bytes.data();
    }

    QByteArray m_bytes;
    char *m_data = nullptr;
    qsizetype m_size = 0;
};
