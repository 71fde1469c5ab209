#pragma once

#include <QObject>
#include <QString>

#include <functional>

/**
 * @brief Asks the freedesktop Secret Service whether an entry of ours is present but locked.
 *
 * QtKeychain (libsecret backend) reports an item in a locked collection as "not found", and a
 * delete of it as done: without this, a locked keyring reads as "no credentials stored" and
 * `accounts remove` reports a removal that did not happen. The Secret Service lists locked items
 * separately (SearchItems returns unlocked and locked paths), so we ask it directly, over D-Bus,
 * asynchronously. On platforms without a Secret Service the answer is always "not locked".
 *
 * QtKeychain 0.13 stores entries with the attributes `user` (our key) and `server` (our service).
 */
class SecretServiceLock : public QObject
{
    Q_OBJECT
public:
    using Answer = std::function<void(bool locked)>;

    explicit SecretServiceLock(QObject *parent = nullptr);

    /// Calls @p answer once, later: true when the entry (@p service, @p key) exists but is locked.
    void isEntryLocked(const QString &service, const QString &key, Answer answer);
    /// Calls @p answer once, later: true when the default collection (new entries go there) is
    /// locked.
    void isDefaultCollectionLocked(Answer answer);
};
