"""audits: batch checks of an archive, their chunks (leased like jobs) and items

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 00:10:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audits",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("newsroom_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=500), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["newsroom_id"], ["newsrooms.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audits", schema=None) as batch_op:
        batch_op.create_index("ix_audits_newsroom", ["newsroom_id", "created_at"], unique=False)

    op.create_table(
        "audit_chunks",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("audit_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_owner", sa.String(length=200), nullable=True),
        sa.Column("lease_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("enqueued_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["audit_id"], ["audits.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("audit_id", "number", name="uq_audit_chunks_number"),
    )
    with op.batch_alter_table("audit_chunks", schema=None) as batch_op:
        batch_op.create_index(
            "ix_audit_chunks_state_lease", ["state", "lease_expires_at"], unique=False
        )

    op.create_table(
        "audit_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("audit_id", sa.String(length=36), nullable=False),
        sa.Column("chunk_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=1000), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.Column("flagged", sa.JSON(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("checked_by", sa.String(length=200), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["audit_id"], ["audits.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["chunk_id"], ["audit_chunks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("audit_id", "article_id", name="uq_audit_items_article"),
    )
    with op.batch_alter_table("audit_items", schema=None) as batch_op:
        batch_op.create_index("ix_audit_items_chunk", ["chunk_id", "position"], unique=False)
        batch_op.create_index("ix_audit_items_audit_state", ["audit_id", "state"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("audit_items", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_items_audit_state")
        batch_op.drop_index("ix_audit_items_chunk")

    op.drop_table("audit_items")
    with op.batch_alter_table("audit_chunks", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_chunks_state_lease")

    op.drop_table("audit_chunks")
    with op.batch_alter_table("audits", schema=None) as batch_op:
        batch_op.drop_index("ix_audits_newsroom")

    op.drop_table("audits")
