#pragma once

#include <QObject>
#include <QStringList>

class CliApp;

/**
 * @brief `regions|sizes|images|keys --account A [--json] [--region R]`: what create needs.
 */
class CatalogCommand : public QObject
{
    Q_OBJECT
public:
    explicit CatalogCommand(CliApp *app);
    [[nodiscard]] static bool handles(const QString &command);
    void run(const QString &command, const QStringList &arguments);

private:
    CliApp *m_app;
};
