#pragma once

// Counting what a model tells its views, for tests that prove a merge moved only what changed.

#include <QAbstractItemModel>
#include <QSignalSpy>

/// @brief Every signal a view could react to, counted.
struct ModelSignals
{
    explicit ModelSignals(QAbstractItemModel *model)
        : inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , layout(model, &QAbstractItemModel::layoutChanged)
        , reset(model, &QAbstractItemModel::modelReset)
        , aboutToReset(model, &QAbstractItemModel::modelAboutToBeReset)
        , headers(model, &QAbstractItemModel::headerDataChanged)
    { }
    [[nodiscard]] int total() const
    {
        return int(inserted.size() + removed.size() + moved.size() + changed.size() + layout.size()
                   + reset.size() + aboutToReset.size() + headers.size());
    }
    void clear()
    {
        for (QSignalSpy *spy :
             {&inserted, &removed, &moved, &changed, &layout, &reset, &aboutToReset, &headers})
            spy->clear();
    }
    QSignalSpy inserted, removed, moved, changed, layout, reset, aboutToReset, headers;
};
