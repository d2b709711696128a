#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace meshscope {

/// An inline message above the pages (errors from loading, layout fallbacks): the
/// window never opens a modal box from a data path.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Level { Info, Warning, Error };

    explicit MessageBar(QWidget* parent = nullptr);

    void showMessage(const QString& text, Level level = Level::Error);
    QString text() const;
    Level level() const { return m_level; }

private:
    QLabel* m_icon;
    QLabel* m_text;
    QToolButton* m_close;
    Level m_level = Level::Info;
};

} // namespace meshscope
