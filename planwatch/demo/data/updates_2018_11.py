"""Delivery updates from the report to the Business Coordination Board of 1 November 2018."""

UPDATES = [
    {
        "priority": "c1.1",
        "meeting": "board-2018-11",
        "title": "Countywide Delivery Groups lead on high-risk community safety issues",
        "source": "Business Coordination Board, November 2018, paragraph 4.1",
        "narrative": (
            "The Commissioner has used the Countywide Community Safety Strategic Board (CCSSB) to define and support a more joined-up approach to community safety service delivery. As part of the CCSSB, nine countywide Delivery Groups provide leadership of high risk issues and are providing reports on progress to the CCSSB. These now cover Mental Health, Domestic Abuse & Sexual Violence, Road Safety, Child Exploitation (including gang activity and county lines), Drug & Alcohol misuse, Youth Justice and Organised Crime & Modern Slavery. Increasingly efforts are turning to prevention with improved links between community safety and work with schools, early intervention, employment and housing."
        ),
        "areas": ["force"],
        "organisations": ["opcc"],
        "partnerships": [
            "countywide-board",
            "mental-health-delivery-group",
            "domestic-abuse-sexual-violence-delivery-group",
            "road-safety-delivery-group",
            "child-exploitation-delivery-group",
            "drug-alcohol-delivery-group",
            "youth-justice-delivery-group",
            "organised-crime-modern-slavery-delivery-group",
        ],
    },
    {
        "priority": "c1.1",
        "meeting": "board-2018-11",
        "title": "Grant agreement with the County Council for a community resilience strategy",
        "source": "Business Coordination Board, November 2018, paragraph 4.2",
        "narrative": (
            "The Constabulary and OPCC continue to have active community engagement programmes and following the re-organisation of the OPCC in 2017 a grant agreement has been developed with the County Council and has now been put in place to deliver a Cambridgeshire and Peterborough's community resilience strategy.\n\n"
            "The work with the County Council commenced in April 2018 and aims to:\n\n"
            "- strengthen partnership working and the commitment of the local authorities to the Plan.\n"
            "- have stronger strategic links between local authorities and the OPCC through the Communities shared outcome to further mitigate the risk of inconsistent commissioned pathways and improve the outcomes for the people who live and work in the county.\n"
            "- provide further opportunities to identify and strategically plan future cost improvement plans between both local authority/Public Health and the OPCC based on the increasing cost pressures local authorities face which could see them retreat to solely statutory responsibilities."
        ),
        "organisations": ["constabulary", "opcc", "county-council"],
    },
    {
        "priority": "c1.1",
        "meeting": "board-2018-11",
        "title": "Eight public sector partners develop a shared approach: Think Communities",
        "source": "Business Coordination Board, November 2018, paragraph 4.3",
        "narrative": (
            "Officers from eight public sector partner organisations (the seven Cambridgeshire and Peterborough Councils plus the Constabulary) have developed a shared approach to community resilience, called Think Communities."
        ),
        "organisations": [
            "constabulary",
            "county-council",
            "peterborough-city-council",
            "cambridge-city-council",
            "east-cambridgeshire-dc",
            "fenland-dc",
            "huntingdonshire-dc",
            "south-cambridgeshire-dc",
        ],
    },
]
