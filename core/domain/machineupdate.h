#pragma once

#include "clouddeck_core_export.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

struct Machine;

/**
 * @brief A change to a machine's name and/or tags, as Provider::updateMachine() sends it.
 *
 * Each part is optional: a rename leaves the tags alone and a tag edit the name. @c tags is the
 * whole new tag list (clouds that replace a list, Hetzner, Linode, Vultr, send it as it is);
 * @c previousTags is what the machine had, for clouds that add and remove tags one by one
 * (DigitalOcean, AWS).
 */
struct CLOUDDECK_CORE_EXPORT MachineUpdate
{
    Q_DECLARE_TR_FUNCTIONS(MachineUpdate)
public:
    std::optional<QString> name;
    std::optional<QStringList> tags;
    QStringList previousTags;

    [[nodiscard]] bool isEmpty() const { return !name && !tags; }
    /// What the cloud holds once it has taken the update: @p machine renamed and/or retagged.
    void applyTo(Machine &machine) const;
    /// The tags in @p tags that are not in previousTags, in order.
    [[nodiscard]] QStringList addedTags() const;
    /// The tags in previousTags that are not in @p tags, in order.
    [[nodiscard]] QStringList removedTags() const;

    /// The tag list after an edit, the one rule the CLI's `machines tag` and the GUI share:
    /// @p set (when given) replaces @p current, then @p remove is taken out and @p add appended
    /// (a tag already there is not added twice). Whitespace around each tag is dropped; the
    /// order of the remaining tags is kept.
    [[nodiscard]] static QStringList editedTags(const QStringList &current, const QStringList &add,
                                                const QStringList &remove,
                                                const std::optional<QStringList> &set = {});
};
