"""The reference for benchmarks/load.py: bare Flask + Flask-SQLAlchemy that inserts
one row per POST, on the same PostgreSQL and under the same gunicorn settings as
Heard, so "what this machine can do" is measured beside Heard in the same run.

Served as: gunicorn --config gunicorn.conf.py 'benchmarks.bare_app:create_app()'
with DATABASE_URL set. `python benchmarks/bare_app.py create-table` makes its table.
"""

from __future__ import annotations

import os
import sys

from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class BareRow(db.Model):
    __tablename__ = "bare_row"

    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(Text)


def create_app() -> Flask:
    app = Flask(__name__)
    url = os.environ["DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://", 1)
    app.config["SQLALCHEMY_DATABASE_URI"] = url
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"pool_pre_ping": True}  # as Heard's production config

    db.init_app(app)

    @app.post("/rows")
    def insert_row():
        db.session.add(BareRow(body=request.form.get("body", "")))
        db.session.commit()
        return "stored", 201

    return app


if __name__ == "__main__" and sys.argv[1:] == ["create-table"]:
    with create_app().app_context():
        db.create_all()
