#include "find_bar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

namespace meshscope {

FindBar::FindBar(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_presets(new QToolButton(this))
    , m_modeBox(new QComboBox(this))
    , m_error(new QLabel(this))
{
    m_modeBox->addItem(tr("Find"));
    m_modeBox->addItem(tr("Hide"));
    m_edit->setPlaceholderText(tr("e.g. %err > 5 and ns = shop, rt > 500, name ~ cart, !healthy"));
    m_edit->setClearButtonEnabled(true);
    m_presets->setText(tr("Presets"));
    m_presets->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_presets);
    for (const FindPreset& preset : FindExpression::presets()) {
        QAction* action = menu->addAction(preset.label + QStringLiteral("    ") + preset.expression);
        connect(action, &QAction::triggered, this, [this, text = preset.expression] { setText(text); });
    }
    m_presets->setMenu(menu);
    m_error->setVisible(false);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_modeBox);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_presets);
    layout->addWidget(m_error);

    connect(m_edit, &QLineEdit::textChanged, this, &FindBar::compile);
    connect(m_modeBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_mode = index == 1 ? FindMode::Hide : FindMode::Find;
        if (m_expression.isValid())
            Q_EMIT expressionChanged(m_expression, m_mode);
    });
}

void FindBar::setMode(FindMode mode)
{
    m_modeBox->setCurrentIndex(mode == FindMode::Hide ? 1 : 0);
}

void FindBar::setText(const QString& text)
{
    m_edit->setText(text);
}

QString FindBar::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void FindBar::compile()
{
    const FindExpression parsed = FindExpression::parse(m_edit->text());
    if (!parsed.isValid()) {
        // Column is 1-based for people; the caret in the line edit points at the spot.
        m_error->setText(tr("column %1: %2").arg(parsed.errorPosition() + 1).arg(parsed.errorMessage()));
        m_error->setVisible(true);
        m_edit->setToolTip(m_error->text());
        return;
    }
    m_error->setVisible(false);
    m_edit->setToolTip(QString());
    m_expression = parsed;
    Q_EMIT expressionChanged(m_expression, m_mode);
}

} // namespace meshscope
