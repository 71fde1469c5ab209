#include "cloudsyamlimporter.h"

#include "accountservice.h"
#include "cloudsyamlimport.h"

CloudsYamlImporter::CloudsYamlImporter(QObject *parent)
    : QObject(parent)
{ }

void CloudsYamlImporter::setState(bool busy, bool failed, const QString &message)
{
    m_busy = busy;
    m_failed = failed;
    m_message = message;
    Q_EMIT changed();
}

void CloudsYamlImporter::importFile(const QUrl &file)
{
    if (m_busy || !m_service)
        return;
    if (!m_import)
        m_import = new CloudsYamlImport(m_service, this);
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    setState(true, false, tr("Signing in to the clouds of %1…").arg(path));
    m_import->run(path, {}, true, {}, [this](Result<CloudsYamlImport::Imported> result) {
        if (!result.ok())
            return setState(false, true, result.error().message());
        QStringList names;
        for (const Account &account : result.value().accounts)
            names.append(account.name);
        QString text = tr("Imported %n account(s): %1.", nullptr, int(names.size()))
                           .arg(names.join(QStringLiteral(", ")));
        for (const QString &note : result.value().notes)
            text += QLatin1Char('\n') + note;
        setState(false, false, text);
        Q_EMIT imported(int(names.size()));
    });
}
