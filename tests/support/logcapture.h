#pragma once

// Capturing log lines in a test, to check what is logged and that no secret ever is.

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>
#include <functional>

/**
 * @brief Log lines while alive, at every level: by default those of clouddeck.net (the message
 * alone); or, with the other constructor, every category's, each line "<category> <message>".
 * One capture at a time (Qt has one message handler).
 */
class LogCapture
{
public:
    LogCapture()
        : LogCapture(QStringLiteral("clouddeck.net*=true"), "clouddeck.net", false)
    { }
    /// Turns on @p filterRules and keeps the lines of every category, category first.
    explicit LogCapture(const QString &filterRules)
        : LogCapture(filterRules, QByteArray(), true)
    { }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
        s_onLine = nullptr;
    }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    [[nodiscard]] QString all() const { return s_lines.join(QLatin1Char('\n')); }
    [[nodiscard]] QStringList lines() const { return s_lines; }
    /// Calls @p onLine with each line as it is logged (from inside the logging code: queue
    /// anything that touches the logging object).
    void onLine(std::function<void(const QString &)> onLine) { s_onLine = std::move(onLine); }

private:
    LogCapture(const QString &filterRules, const QByteArray &categoryPrefix, bool withCategory)
    {
        s_lines.clear();
        s_categoryPrefix = categoryPrefix;
        s_withCategory = withCategory;
        QLoggingCategory::setFilterRules(filterRules);
        m_previous = qInstallMessageHandler(&LogCapture::handler);
    }

    static void handler(QtMsgType, const QMessageLogContext &context, const QString &message)
    {
        const QByteArray category(context.category ? context.category : "");
        if (!category.startsWith(s_categoryPrefix))
            return;
        const QString line =
            s_withCategory ? QString::fromLatin1(category) + u' ' + message : message;
        s_lines.append(line);
        if (s_onLine)
            s_onLine(line);
    }
    static inline QStringList s_lines;
    static inline QByteArray s_categoryPrefix;
    static inline bool s_withCategory = false;
    static inline std::function<void(const QString &)> s_onLine;
    QtMessageHandler m_previous = nullptr;
};
