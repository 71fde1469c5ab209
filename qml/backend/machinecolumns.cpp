#include "machinecolumns.h"

#include "machinefiltermodel.h"

#include <QtMath>

namespace {
const QString nameId = QStringLiteral("name");
const QString accountId = QStringLiteral("account");
constexpr qreal maximumColumnWidth = 640;
} // namespace

MachineColumns::MachineColumns(QObject *parent)
    : QAbstractListModel(parent)
{
    // The order on screen. dropOrder keeps the old priorities: the CPU glance is the last to
    // go, tags the first; state and cost are what every row must say. Name's 150 px tell
    // "web-frontend-1" from "web-frontend-2": below that a name is no use, whatever else shows.
    // State's 184 px keep an error's reason ("Error: host failure") whole.
    m_columns = {
        {nameId, tr("Name"), 0, 150, -1, MachineFilterModel::SortByName},
        {accountId, tr("Account"), 140, 72, 3, -1},
        {QStringLiteral("state"), tr("State"), 184, 110, -1, MachineFilterModel::SortByState},
        {QStringLiteral("cpu"), tr("CPU (1 h)"), 104, 72, 6, -1},
        {QStringLiteral("region"), tr("Region"), 64, 48, 4, MachineFilterModel::SortByRegion},
        {QStringLiteral("size"), tr("Size"), 120, 64, 2, -1},
        {QStringLiteral("ip"), tr("Public IP"), 144, 84, 5,
         -1}, // "198.51.100.113" and its copy icon
        {QStringLiteral("tags"), tr("Tags"), 170, 60, 1, -1},
        {QStringLiteral("cost"), tr("Cost"), 84, 64, -1, MachineFilterModel::SortByCost, true},
    };
    relayout();
}

int MachineColumns::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant MachineColumns::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Column &column = m_columns[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return column.title;
    case ColumnIdRole:
        return column.id;
    case PositionRole:
        return column.x;
    case WidthRole:
        return column.width;
    case MinimumWidthRole:
        return column.minimumWidth;
    case ShownRole:
        return column.shown;
    case CheckedRole:
        return checked(column);
    case HideableRole:
        return column.id != nameId;
    case ResizableRole:
        return column.id != nameId; // Name takes what is left
    case SortKeyRole:
        return column.sortKey;
    case AlignRightRole:
        return column.alignRight;
    }
    return {};
}

QHash<int, QByteArray> MachineColumns::roleNames() const
{
    return {{ColumnIdRole, "columnId"},         {TitleRole, "title"},
            {PositionRole, "position"},         {WidthRole, "columnWidth"},
            {MinimumWidthRole, "minimumWidth"}, {ShownRole, "shown"},
            {CheckedRole, "checked"},           {HideableRole, "hideable"},
            {ResizableRole, "resizable"},       {SortKeyRole, "sortKey"},
            {AlignRightRole, "alignRight"}};
}

void MachineColumns::setAvailableWidth(qreal width)
{
    width = qMax<qreal>(0, width);
    if (qFuzzyCompare(width + 1, m_available + 1))
        return;
    m_available = width;
    Q_EMIT availableWidthChanged();
    relayout();
}

void MachineColumns::setSpacing(qreal spacing)
{
    if (qFuzzyCompare(spacing + 1, m_spacing + 1))
        return;
    m_spacing = spacing;
    Q_EMIT spacingChanged();
    relayout();
}

void MachineColumns::setAccountCount(int count)
{
    if (count == m_accountCount)
        return;
    m_accountCount = count;
    Q_EMIT accountCountChanged();
    relayout();
}

QVariantMap MachineColumns::positions() const
{
    QVariantMap map;
    for (const Column &column : m_columns)
        map.insert(column.id, column.x);
    return map;
}

QVariantMap MachineColumns::widths() const
{
    QVariantMap map;
    for (const Column &column : m_columns)
        map.insert(column.id, column.shown ? column.width : 0.0);
    return map;
}

bool MachineColumns::customized() const
{
    return std::any_of(m_columns.cbegin(), m_columns.cend(), [](const Column &column) {
        return column.userWidth >= 0 || column.userChecked >= 0;
    });
}

qreal MachineColumns::width(const QString &id) const
{
    const Column *column = find(id);
    return column && column->shown ? column->width : 0;
}

bool MachineColumns::isShown(const QString &id) const
{
    const Column *column = find(id);
    return column && column->shown;
}

bool MachineColumns::isChecked(const QString &id) const
{
    const Column *column = find(id);
    return column && checked(*column);
}

qreal MachineColumns::minimumWidth(const QString &id) const
{
    const Column *column = find(id);
    return column ? column->minimumWidth : 0;
}

void MachineColumns::resize(const QString &id, qreal width)
{
    Column *column = find(id);
    if (!column || column->id == nameId)
        return;
    width = clampWidth(*column, width);
    // Growing is paid for by Name, down to its minimum and no further: the drag stops there
    // rather than pushing other columns out or letting cells overlap.
    if (column->shown) {
        const Column &name = m_columns.front();
        width = qMin(width, column->width + qMax<qreal>(0, name.width - name.minimumWidth));
        width = qMax(width, column->minimumWidth);
    }
    width = qRound(width);
    if (qFuzzyCompare(width, wantedWidth(*column)) && column->userWidth >= 0)
        return;
    column->userWidth = width;
    relayout();
    Q_EMIT stateChanged();
}

void MachineColumns::fit(const QString &id, qreal contentWidth)
{
    resize(id, qCeil(contentWidth));
}

void MachineColumns::setChecked(const QString &id, bool on)
{
    Column *column = find(id);
    if (!column || column->id == nameId || (checked(*column) == on && column->userChecked >= 0))
        return;
    column->userChecked = on ? 1 : 0;
    relayout();
    Q_EMIT stateChanged();
}

void MachineColumns::reset()
{
    if (!customized())
        return;
    for (Column &column : m_columns) {
        column.userWidth = -1;
        column.userChecked = -1;
    }
    relayout();
    Q_EMIT stateChanged();
}

QVariantMap MachineColumns::state() const
{
    QVariantMap widths;
    QVariantMap visible;
    for (const Column &column : m_columns) {
        if (column.userWidth >= 0)
            widths.insert(column.id, int(column.userWidth));
        if (column.userChecked >= 0)
            visible.insert(column.id, column.userChecked == 1);
    }
    QVariantMap state;
    if (!widths.isEmpty())
        state.insert(QStringLiteral("widths"), widths);
    if (!visible.isEmpty())
        state.insert(QStringLiteral("visible"), visible);
    return state;
}

void MachineColumns::restore(const QVariantMap &state)
{
    const QVariantMap widths = state.value(QStringLiteral("widths")).toMap();
    const QVariantMap visible = state.value(QStringLiteral("visible")).toMap();
    for (Column &column : m_columns) {
        column.userWidth = -1;
        column.userChecked = -1;
        if (column.id == nameId)
            continue;
        bool ok = false;
        const qreal width = widths.value(column.id).toReal(&ok);
        if (ok && qIsFinite(width))
            column.userWidth = qRound(clampWidth(column, width));
        const QVariant shown = visible.value(column.id);
        if (shown.typeId() == QMetaType::Bool)
            column.userChecked = shown.toBool() ? 1 : 0;
    }
    relayout();
    Q_EMIT stateChanged();
}

const MachineColumns::Column *MachineColumns::find(const QString &id) const
{
    for (const Column &column : m_columns) {
        if (column.id == id)
            return &column;
    }
    return nullptr;
}

MachineColumns::Column *MachineColumns::find(const QString &id)
{
    return const_cast<Column *>(std::as_const(*this).find(id));
}

bool MachineColumns::checked(const Column &column) const
{
    if (column.id == nameId)
        return true;
    if (column.userChecked >= 0)
        return column.userChecked == 1;
    // With one account every row would repeat the same name, taking room from Name and the
    // tags; with two or more (two DigitalOcean accounts share a provider mark) which account a
    // machine is on is what a multi-cloud user scans for. A choice the user made wins.
    if (column.id == accountId)
        return m_accountCount > 1;
    return true;
}

qreal MachineColumns::wantedWidth(const Column &column)
{
    return column.userWidth >= 0 ? column.userWidth : column.defaultWidth;
}

qreal MachineColumns::clampWidth(const Column &column, qreal width)
{
    return qBound(column.minimumWidth, width, maximumColumnWidth);
}

void MachineColumns::relayout()
{
    for (Column &column : m_columns) {
        column.shown = checked(column);
        column.width = wantedWidth(column);
    }
    Column &name = m_columns.front();
    auto nameRoom = [this] {
        qreal used = 0;
        for (size_t i = 1; i < m_columns.size(); ++i) {
            if (m_columns[i].shown)
                used += m_columns[i].width + m_spacing;
        }
        return m_available - used;
    };
    // Too narrow for all the user wants: drop the lowest priority first, as the list always
    // did, until Name has its minimum again.
    while (m_available > 0 && nameRoom() < name.minimumWidth) {
        Column *drop = nullptr;
        for (Column &column : m_columns) {
            if (column.shown && column.dropOrder >= 0
                && (!drop || column.dropOrder < drop->dropOrder)) {
                drop = &column;
            }
        }
        if (!drop)
            break;
        drop->shown = false;
    }
    name.width = qMax(name.minimumWidth, nameRoom());
    qreal x = 0;
    for (Column &column : m_columns) {
        column.x = x;
        if (column.shown)
            x += column.width + m_spacing;
    }
    Q_EMIT dataChanged(index(0), index(int(m_columns.size()) - 1));
    Q_EMIT geometryChanged();
}
