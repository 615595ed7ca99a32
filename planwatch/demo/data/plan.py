"""The Police and Crime Plan 2017–2021: its themes, objectives and priorities for action.

The Communities priorities are worded exactly as the November 2019 Panel report prints them.
That report numbers the priorities of the first two objectives together under its section 5:
5.1 to 5.5 serve the first objective ("listen and respond"); the numbering skips 5.6 where the
second begins, and 5.7 and 5.8 (the Watch schemes, the Youth and Community Fund, the scams
partnership) are the work the July 2019 Board report, organised by objective, reports under the
second. Keys ("c1.1" = Communities, objective 1, priority 1) are used by the update, action and
meeting modules.
"""

PLAN = {
    "name": "Police and Crime Plan 2017–2021",
    "slug": "2017-2021",
    "start_date": "2017-04-01",
    "end_date": "2021-03-31",
}

THEMES = [
    {"number": 1, "name": "Victims", "slug": "victims"},
    {"number": 2, "name": "Offenders", "slug": "offenders"},
    {
        "number": 3,
        "name": "Communities",
        "slug": "communities",
        "aim": "Support safer and stronger communities",
        "shared_outcome": "Communities have confidence in how we respond to their needs",
        "summary": (
            "The Communities element of the Plan seeks to stimulate delivery of a system wide "
            "approach to community safety through collaborative working, joining-up service "
            "provision to listen and respond to day to day community safety issues."
        ),
    },
    {"number": 4, "name": "Transformation", "slug": "transformation"},
]

# (theme slug, number, title)
OBJECTIVES = [
    (
        "communities",
        1,
        "Joining-up service provision to listen and respond to day to day community safety issues",
    ),
    (
        "communities",
        2,
        "Increase public involvement to improve community understanding and resilience",
    ),
    (
        "communities",
        3,
        "Inspire all public servants to maintain the highest levels of ethical behaviour to "
        "ensure public confidence and trust",
    ),
    (
        "transformation",
        1,
        "Work with partners to realise the benefits for community safety which can be derived "
        "from improved governance and integrated delivery",
    ),
    (
        "transformation",
        2,
        "Identify the best way for fire and policing to work together in the future",
    ),
    ("transformation", 3, "Efficient Management of Estate"),
    (
        "transformation",
        4,
        "Drive efficiency and effectiveness in policing through local, regional and national "
        "collaboration",
    ),
]

# key -> (theme slug, objective number, priority number, title)
PRIORITIES = {
    "c1.1": (
        "communities",
        1,
        1,
        "Bring together services and systems to respond to community issues in a sustained and "
        "co-ordinated way e.g. co-location, aligned activity and information sharing",
    ),
    "c1.2": (
        "communities",
        1,
        2,
        "Ensure the public have easy and effective ways to contact the appropriate service "
        "provider to get the information they need",
    ),
    "c1.3": (
        "communities",
        1,
        3,
        "Reassure the public of the Constabulary’s commitment to local policing to maintain "
        "public confidence and deal with issues of local concern such as road safety, "
        "anti-social behaviour and Hate Crime",
    ),
    "c1.4": (
        "communities",
        1,
        4,
        "Extend the use and scope of police powers inside and outside the Constabulary",
    ),
    "c1.5": (
        "communities",
        1,
        5,
        "Jointly engage with all communities to understand and respond to local concerns",
    ),
    "c2.1": (
        "communities",
        2,
        1,
        "Build relationships with communities to gather information and intelligence to prevent "
        "crime: high levels of witnesses, low levels of crime",
    ),
    "c2.2": (
        "communities",
        2,
        2,
        "Promote public involvement through active participation and support initiatives aimed "
        "at building community understanding and resilience",
    ),
    "c2.3": (
        "communities",
        2,
        3,
        "Educate and support local people to recognise vulnerable members of their community "
        "and know how to help them",
    ),
    "c3.1": (
        "communities",
        3,
        1,
        "Ensure there are recruitment, retention and progression policies that result in a "
        "police force that is representative of the communities we serve",
    ),
    "c3.2": (
        "communities",
        3,
        2,
        "Ensure each member of the police force delivers the highest professional standards in "
        "service to the public, demonstrating the values of respect, honesty, integrity, "
        "openness and selflessness, in line with the Code of Ethics",
    ),
}
