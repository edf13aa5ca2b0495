"""corpus change log (incremental index refresh)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 23:40:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corpus_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("newsroom_id", sa.String(length=36), nullable=True),
        sa.Column("document_id", sa.String(length=200), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("corpus_changes")
