"""The demo dataset: the Plan, places, partnerships, meetings and delivery evidence from the
OPCC's reports to the Business Coordination Board (November 2018, July 2019, February and
November 2020) and to the Police and Crime Panel (November 2019)."""
