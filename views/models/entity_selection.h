#pragma once

#include <QObject>
#include <QString>

namespace meshscope {

/// The selected entity (node name or `a->b` edge), shared by topology, plots and
/// timeline: clicking anywhere selects everywhere.
class EntitySelection : public QObject
{
    Q_OBJECT

public:
    explicit EntitySelection(QObject* parent = nullptr)
        : QObject(parent)
    {
    }

    QString entity() const { return m_entity; }
    void select(const QString& entity)
    {
        if (entity == m_entity)
            return;
        m_entity = entity;
        Q_EMIT selectionChanged(m_entity);
    }
    void clear() { select(QString()); }

Q_SIGNALS:
    void selectionChanged(const QString& entity);

private:
    QString m_entity;
};

} // namespace meshscope
