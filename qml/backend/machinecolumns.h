#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QVariantMap>

#include <vector>

/**
 * @brief The machine list's table columns (mouse layout): which are shown, how wide, and where,
 * for the header and every row alike.
 *
 * Name fills what the other columns leave, never below its minimum: when the list is too narrow
 * for every column the user asked for, columns drop out by priority (tags first, CPU last), as
 * they always did; state and cost stay. A resize is clamped to the column's minimum and to the
 * room Name has left, so content never overlaps. The user's choices (widths, shown or hidden)
 * round-trip through state()/restore(); AppController keeps them in AppSettings.
 */
class MachineColumns : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The list's columns are AppController.columns.")
    /// Input: the width the columns share (the row minus its lead and menu button).
    Q_PROPERTY(qreal availableWidth READ availableWidth WRITE setAvailableWidth NOTIFY
                   availableWidthChanged)
    /// Input: the gap between two columns.
    Q_PROPERTY(qreal spacing READ spacing WRITE setSpacing NOTIFY spacingChanged)
    /// Input: how many accounts there are (the account column's default follows it).
    Q_PROPERTY(int accountCount READ accountCount WRITE setAccountCount NOTIFY accountCountChanged)
    /// Column id -> its left edge / its width; a column not shown has width 0.
    Q_PROPERTY(QVariantMap positions READ positions NOTIFY geometryChanged)
    Q_PROPERTY(QVariantMap widths READ widths NOTIFY geometryChanged)
    /// Whether the user changed anything (Reset columns has something to undo).
    Q_PROPERTY(bool customized READ customized NOTIFY stateChanged)
public:
    enum Role {
        ColumnIdRole = Qt::UserRole + 1,
        TitleRole,
        PositionRole,
        WidthRole,
        MinimumWidthRole,
        ShownRole, ///< on screen now
        CheckedRole, ///< wanted by the user (or by default); may be dropped for lack of room
        HideableRole,
        ResizableRole,
        SortKeyRole, ///< MachineFilterModel::SortKey, or -1
        AlignRightRole,
    };
    Q_ENUM(Role)

    explicit MachineColumns(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] qreal availableWidth() const { return m_available; }
    void setAvailableWidth(qreal width);
    [[nodiscard]] qreal spacing() const { return m_spacing; }
    void setSpacing(qreal spacing);
    [[nodiscard]] int accountCount() const { return m_accountCount; }
    void setAccountCount(int count);
    [[nodiscard]] QVariantMap positions() const;
    [[nodiscard]] QVariantMap widths() const;
    [[nodiscard]] bool customized() const;

    [[nodiscard]] Q_INVOKABLE qreal width(const QString &id) const;
    [[nodiscard]] Q_INVOKABLE bool isShown(const QString &id) const;
    [[nodiscard]] Q_INVOKABLE bool isChecked(const QString &id) const;
    [[nodiscard]] Q_INVOKABLE qreal minimumWidth(const QString &id) const;
    /// The user drags a separator: @p width clamped to the column's limits and Name's room.
    Q_INVOKABLE void resize(const QString &id, qreal width);
    /// Double-click on a separator: as wide as its widest content (@p contentWidth, measured
    /// by the view over the rows it shows and the title).
    Q_INVOKABLE void fit(const QString &id, qreal contentWidth);
    /// Show or hide a column (Name is always shown).
    Q_INVOKABLE void setChecked(const QString &id, bool checked);
    /// Back to the defaults: every width and every shown/hidden choice forgotten.
    Q_INVOKABLE void reset();

    /// The user's choices only (what differs from the defaults): {widths: {id: px},
    /// visible: {id: bool}}.
    [[nodiscard]] QVariantMap state() const;
    /// The choices state() gave, from an earlier run: unknown columns, unreadable and
    /// out-of-range values are ignored or clamped, never trusted.
    void restore(const QVariantMap &state);

Q_SIGNALS:
    void availableWidthChanged();
    void spacingChanged();
    void accountCountChanged();
    void geometryChanged();
    /// The user's choices changed (to be remembered).
    void stateChanged();

private:
    struct Column
    {
        QString id;
        QString title;
        qreal defaultWidth = 0;
        qreal minimumWidth = 0;
        int dropOrder = -1; ///< lowest first when room runs out; -1: never dropped
        int sortKey = -1;
        bool alignRight = false;
        qreal userWidth = -1; ///< -1: the default
        int userChecked = -1; ///< -1: the default, else 0/1
        // The layout computed from the above.
        qreal x = 0;
        qreal width = 0;
        bool shown = false;
    };

    [[nodiscard]] const Column *find(const QString &id) const;
    [[nodiscard]] Column *find(const QString &id);
    [[nodiscard]] bool checked(const Column &column) const;
    [[nodiscard]] static qreal wantedWidth(const Column &column);
    [[nodiscard]] static qreal clampWidth(const Column &column, qreal width);
    void relayout();

    std::vector<Column> m_columns; // m_columns[0] is Name, which fills
    qreal m_available = 0;
    qreal m_spacing = 12;
    int m_accountCount = 0;
};
