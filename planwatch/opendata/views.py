"""Views of police.uk open data. Each view names its permission rule (rule_required)."""
