"""Actions and next steps the reports name, on the priorities they serve. Owners are
organisation keys; no report gives a due date."""

ACTIONS = [
    # Panel, November 2019, 7.1: next steps from the September 2019 Board report on prevention.
    {
        "priority": "c1.1",
        "owner": "opcc",
        "description": "Working with partners to converge approaches to vulnerability, spanning "
        "health & wellbeing, safeguarding and community safety.",
    },
    {
        "priority": "c1.1",
        "owner": "opcc",
        "description": "Promoting development of a system wide youth strategy.",
    },
    {
        "priority": "c1.1",
        "owner": "opcc",
        "description": "Linking closely to new developments within probation and considering "
        "what future investment in needed to improving pathways which reduce re-offending.",
    },
    {
        "priority": "c1.3",
        "owner": "opcc",
        "description": "Creating strong links between neighbourhood policing and the emerging "
        "place based boards.",
    },
    # Panel, November 2019, 5.1.13.
    {
        "priority": "c1.1",
        "owner": "opcc",
        "description": "Update the Countywide Community Safety Agreement, with the support of "
        "the Countywide Board, to reflect any new and emerging structures.",
    },
    # Panel, November 2019, 5.3.3.
    {
        "priority": "c1.3",
        "owner": "constabulary",
        "description": "Report to a future Board meeting on the Constabulary’s work to "
        "understand the impact of the additional officers on public confidence and "
        "satisfaction with service delivery.",
    },
    # Panel, November 2019, 5.4.4.
    {
        "priority": "c1.4",
        "owner": "opcc",
        "description": "The Commissioner and the Chief Constable to meet the remaining District "
        "Councils for them to consider taking forward de-criminalisation of parking.",
    },
    # Panel, November 2019, 5.5.4; Board, February 2020, 4.10.
    {
        "priority": "c1.5",
        "owner": "opcc",
        "description": "Support the Road Safety Partnership to update its strategy and put an "
        "effective wider road safety action plan in place.",
        "status": "in_progress",
    },
    # Board, July 2019, 5.10; Panel, November 2019, 5.8.7.
    {
        "priority": "c2.3",
        "owner": "opcc",
        "description": "Set up a Rural Crime Advisory Group: identify its members and arrange "
        "meeting dates.",
        "status": "in_progress",
    },
    # Board, November 2020, 4.3-4.4.
    {
        "priority": "c3.2",
        "owner": "opcc",
        "description": "Put in place the governance of the Independent Scrutiny Group, working "
        "with the Constabulary and an independent advisor, so that it can be led by the "
        "community.",
        "status": "in_progress",
    },
]
