"""Stored danger categories read as words staff understand."""

from webapp.formatters import risk_labels


def test_risk_labels_name_each_category():
    assert risk_labels("threat_to_kill_or_harm,strangulation") == [
        "Threat to kill or harm", "Strangulation, suffocation or choking"]


def test_risk_labels_of_older_or_empty_values():
    assert risk_labels("threat-to-kill") == ["Threat to kill"]
    assert risk_labels("") == risk_labels(None) == []
