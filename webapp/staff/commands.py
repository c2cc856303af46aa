"""`flask --app webapp users create|disable|enable|reset-2fa|set-role|reset-password|list`."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from webapp.extensions import db
from webapp.staff import accounts
from webapp.staff.access import ROLES

users_cli = AppGroup("users", help="Add staff accounts, disable them and reset their two-factor.")


def _user_or_exit(email: str):
    user = accounts.find_user(email)
    if user is None:
        raise click.ClickException(f"No user with the email address {accounts.normalise_email(email)}.")
    return user


@users_cli.command("create")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(ROLES), help="What they may do (see README).")
@click.option("--password", help="Their first password. Asked for if left out.")
def create(email: str, role: str, password: str | None) -> None:
    """Add a staff member. They set up two-factor and choose their own password when they first sign in."""
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = accounts.create_user(email, role, password, must_change_password=True)
    except accounts.AccountError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Added {user.email} as {role}. When they first sign in they will set up two-factor "
               "authentication, then choose their own password.")


@users_cli.command("disable")
@click.argument("email")
def disable(email: str) -> None:
    """Stop someone signing in, and end their sessions."""
    user = _user_or_exit(email)
    accounts.set_active(user, False)
    db.session.commit()
    click.echo(f"Disabled {user.email}. Their sessions have ended.")


@users_cli.command("enable")
@click.argument("email")
def enable(email: str) -> None:
    """Let a disabled user sign in again."""
    user = _user_or_exit(email)
    accounts.set_active(user, True)
    db.session.commit()
    click.echo(f"Enabled {user.email}.")


@users_cli.command("reset-2fa")
@click.argument("email")
def reset_2fa(email: str) -> None:
    """Clear someone's two-factor so they set it up again at their next sign-in."""
    user = _user_or_exit(email)
    accounts.reset_two_factor(user)
    db.session.commit()
    click.echo(f"Reset two-factor authentication for {user.email}. They will set it up again when they next sign in.")


@users_cli.command("set-role")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(ROLES), help="What they may do from now on.")
def set_role(email: str, role: str) -> None:
    """Change what someone may do. It takes effect on their next page."""
    user = _user_or_exit(email)
    accounts.change_role(user, role)
    db.session.commit()
    click.echo(f"{user.email} is now {role}.")


@users_cli.command("reset-password")
@click.argument("email")
def reset_password(email: str) -> None:
    """Give someone a temporary password; they choose their own when they next sign in."""
    user = _user_or_exit(email)
    password = accounts.reset_password(user)
    db.session.commit()
    click.echo(f"The temporary password for {user.email} is: {password}")
    click.echo("Give it to them in person or by phone. It works once: to sign in and choose their own. "
               "Their other sessions have ended.")


@users_cli.command("list")
def list_users() -> None:
    """Every staff account, with role and status."""
    for user in accounts.list_users():
        status = "disabled" if not user.active else ("2FA on" if user.two_factor_enrolled else "2FA not set up")
        click.echo(f"{user.email}\t{user.role}\t{status}")
