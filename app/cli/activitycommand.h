#pragma once

#include <QObject>
#include <QStringList>

class CliApp;

/**
 * @brief `activity [--account NAME] [--limit N] [--json]`: the activity log (core's
 * ActivityStore), what the GUI and the CLI did to machines and how it ended, newest first.
 */
class ActivityCommand : public QObject
{
    Q_OBJECT
public:
    explicit ActivityCommand(CliApp *app);
    void run(const QStringList &arguments);

private:
    CliApp *m_app;
};
