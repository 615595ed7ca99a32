"""Delivery updates from the Communities report to the Police and Crime Panel, November 2019:
the first objective (section 5.1 to 5.5)."""

UPDATES = [
    {
        "priority": "c1.1",
        "meeting": "panel-2019-11",
        "title": "Growing demand calls for new ways of working across the public sector",
        "source": "Police and Crime Panel, November 2019, paragraphs 5.1.1–5.1.2",
        "narrative": (
            "As the population across Cambridgeshire and Peterborough continues to grow, so too does the demand for policing. Whilst it is the Commissioner’s job to make sure our police force has the number of officers and resources it needs to fight crime, it’s important the Commissioner looks for new and innovative ways to meet that demand, especially as budgets are restrained by economic pressures.\n\n"
            "Traditional approaches are not solving some of our county’s toughest and often most complex challenges, including modern threats to community safety such as cybercrime as well as domestic violence and child sexual exploitation – crimes that often take place behind closed doors. Doing nothing is not an option: the public sector landscape can be overly complicated and structured so that professionals work in silos. There is then little opportunity to address the root causes of demand or common outcomes. This clearly needs to change and all agencies are looking at how they do this."
        ),
    },
    {
        "priority": "c1.1",
        "meeting": "panel-2019-11",
        "title": "Countywide Board launches work to simplify the partnership landscape",
        "source": "Police and Crime Panel, November 2019, paragraph 5.1.3",
        "narrative": (
            "During the term of the Commissioner he has led significant work to simplify the partnership agenda. First by progressing an integrated Peterborough and Cambridgeshire countywide approach to managing risk. The OPCC clarified the need to improve accountability with regards to high risk safeguarding and community safety priorities between the Community Safety Partnerships (CSPs). The outcome of this review was the creation of county wide Delivery Groups working across Cambridgeshire and Peterborough for each identified priority. At the last Countywide Community Safety Strategic Board (the “Countywide Board”), chaired by the Commissioner, additional work was launched to further simplify the partnership landscape."
        ),
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
        "meeting": "panel-2019-11",
        "title": "Prevention work streams codified in the Countywide Community Safety Agreement",
        "source": "Police and Crime Panel, November 2019, paragraph 5.1.4",
        "narrative": (
            "In order to progress work on prevention the following work steams were codified within the Countywide Community Safety Agreement:\n\n"
            "- Healthy and Safer Schools\n"
            "- Children’s Early Help\n"
            "- Access to employment for vulnerable groups\n"
            "- Think Resilience\n"
            "- Housing Trailblazer"
        ),
        "partnerships": ["countywide-board"],
        "work_streams": [
            "Healthy and Safer Schools",
            "Children’s Early Help",
            "Access to employment for vulnerable groups",
            "Think Resilience",
            "Housing Trailblazer",
        ],
    },
    {
        "priority": "c1.1",
        "meeting": "panel-2019-11",
        "title": "Think Communities embraces the think resilience and children’s early help work",
        "source": "Police and Crime Panel, November 2019, paragraph 5.1.5",
        "narrative": (
            "Preventative work has been further developed in partnership with Cambridgeshire County Council and Peterborough City Council under the ‘Think Communities’ approach which is a pledge between the public sector and communities to solve problems together, make the best use of resources and think differently about what communities need to thrive. The think resilience work and children’s early help work have subsequently been embraced within the Think Communities work."
        ),
        "organisations": ["county-council", "peterborough-city-council"],
        "work_streams": ["Think Resilience", "Children’s Early Help"],
    },
    {
        "priority": "c1.1",
        "meeting": "panel-2019-11",
        "title": "Healthy and Safer Schools: resilience training for head teachers",
        "source": "Police and Crime Panel, November 2019, paragraph 5.1.6",
        "narrative": (
            "The additional support provided by the Commissioner has helped the Healthy and Safer Schools initiative provide training for head teachers in resilience. Resilience has been put at the centre of the Healthy Schools programme as it is known that when students have resilience, they are open to learning because they believe that they can learn; they are receptive to help and support because they know it is not a criticism of their abilities. Importantly for those children that have experienced childhood neglect or abuse, strengthening their resilience helps them to cope with the impact of such adverse events (known as Adverse Childhood Experiences or ACES) upon their health and wellbeing."
        ),
        "work_streams": ["Healthy and Safer Schools"],
    },
    {
        "priority": "c1.1",
        "meeting": "panel-2019-11",
        "title": "Housing Trailblazer: more than £18 saved for every £1 spent",
        "source": "Police and Crime Panel, November 2019, paragraph 5.1.7",
        "narrative": (
            "The Housing Trailblazer programme has received funding from the Commissioner in order to support transformation work to prevent homelessness. Analysis of the Trailblazer project’s first two years of operation has recently been undertaken. Based on the number of homelessness cases prevented, and the number of homelessness decisions, the ratio of costs to savings is showing that for every £1 spent on the Trailblazer Team and its projects from 2017 to 2019, more than £18 is saved from across the public sector."
        ),
        "work_streams": ["Housing Trailblazer", "Homelessness Prevention"],
    },
    {
        "priority": "c1.1",
        "meeting": "panel-2019-11",
        "title": "Place-based partnerships align with Think Communities",
        "source": "Police and Crime Panel, November 2019, paragraph 5.1.8",
        "narrative": (
            "The place-based partnerships are now evolving and are better aligned with the ‘Think Communities’ work, which together should improve community-led initiatives to prevent crime. The recently published Public Health England guidance on ‘A whole-system multi-agency approach to serious violence prevention’ has highlighted the importance of a place-based approach. The new Place-based Partnerships will evolve and better align the place-based delivery by CSPs and Living Well Partnerships. Place-based Partnerships will ultimately be in a stronger place to embrace CSP statutory functions and improve flexibility of local delivery, led by communities and helping to improve community resilience."
        ),
        "organisations": ["public-health-england"],
        "partnerships": [
            "cambridge-city-csp",
            "east-cambridgeshire-csp",
            "fenland-csp",
            "huntingdonshire-csp",
            "south-cambridgeshire-csp",
            "safer-peterborough-partnership",
        ],
    },
    {
        "priority": "c1.1",
        "meeting": "panel-2019-11",
        "title": "Think Communities workshop and Partnership Oriented Problem Solving Conference",
        "source": "Police and Crime Panel, November 2019, paragraph 5.1.9",
        "narrative": (
            "Community Safety Officers attended a Think Communities workshop in June, looking at opportunities to transform place-based partnerships and to start thinking about the practical implications of this. The workshop was productive and helped highlight how, whilst partners were all at different starting points and systems remain complex, Officers are open to change. In October 2019, Community Safety Officers and Police Officers attended a Partnership Oriented Problem Solving Conference to further enhance training opportunities."
        ),
        "organisations": ["constabulary"],
    },
    {
        "priority": "c1.1",
        "meeting": "panel-2019-11",
        "title": "£288,000 for CSPs across 2019/20 and 2020/21",
        "source": "Police and Crime Panel, November 2019, paragraph 5.1.10",
        "narrative": (
            "To support partnership working, the Commissioner has made funding of £288,000 available to CSPs across 2019/20 & 2020/21, with approximately £24,000 available to each CSP per year. Funding is linked to agreed delivery activities and grant agreements are in place. CSPs receiving grants will be accountable for delivering and reporting on their agreed delivery activities, structured in a two-year “Understand, Plan, Do, Review” cycle. Agreed delivery activities are aligned to supporting and developing the work streams identified in the Partnership Matrix. They are required to show how they are supporting and industrialising system-wide prevention work."
        ),
        "organisations": ["opcc"],
        "partnerships": [
            "cambridge-city-csp",
            "east-cambridgeshire-csp",
            "fenland-csp",
            "huntingdonshire-csp",
            "south-cambridgeshire-csp",
            "safer-peterborough-partnership",
        ],
    },
    {
        "priority": "c1.1",
        "meeting": "panel-2019-11",
        "title": "CSPs commit to Partnership Matrix work streams",
        "source": "Police and Crime Panel, November 2019, paragraph 5.1.11",
        "narrative": (
            "Fenland CSP have committed to developing the Homelessness Prevention work stream (Trailblazer). East Cambridgeshire CSP and Huntingdonshire CSP have committed to developing the Community Resilience work stream. South Cambridgeshire CSP are finalising a proposal. Cambridge City have been developing a proposal to reduce serious violence and opportunities remain open for Peterborough."
        ),
        "areas": [
            "cambridge",
            "east-cambridgeshire",
            "fenland",
            "huntingdonshire",
            "south-cambridgeshire",
            "peterborough",
        ],
        "partnerships": [
            "cambridge-city-csp",
            "east-cambridgeshire-csp",
            "fenland-csp",
            "huntingdonshire-csp",
            "south-cambridgeshire-csp",
            "safer-peterborough-partnership",
        ],
        "work_streams": ["Homelessness Prevention", "Community Resilience", "Housing Trailblazer"],
    },
    {
        "priority": "c1.2",
        "meeting": "panel-2019-11",
        "title": "999 calls at their highest since 2010; web-chat and online reporting up",
        "source": "Police and Crime Panel, November 2019, paragraph 5.2.1",
        "narrative": (
            "The Commissioner received performance information regarding public contact at his July 2019 Board meeting. Assurance was given in response of handling the continual increase in 999 calls. As reported at the Board meeting, the number of 999 calls received by the Constabulary continues to increase with the 12 month rolling total to the end of May 2019 being the highest since January 2010. There is a continued increase in the use of web-chat and online reporting."
        ),
        "organisations": ["constabulary"],
    },
    {
        "priority": "c1.3",
        "meeting": "panel-2019-11",
        "title": "Commissioner raises concern at the decline in public confidence",
        "source": "Police and Crime Panel, November 2019, paragraph 5.3.1",
        "status": "some_disruption",
        "narrative": (
            "At the July 2019 Board meeting the Commissioner raised his concerns regarding the decline in public confidence and satisfaction with service delivery. The Assistant Chief Constable gave assurance that there is a recognition and real drive at Chief Officer level and through the Constabulary of the need to improve in a number of areas of service delivery, acknowledging in particular that there is a need to improve communication with the public."
        ),
        "organisations": ["constabulary"],
    },
    {
        "priority": "c1.3",
        "meeting": "panel-2019-11",
        "title": "50 additional officer posts invested in neighbourhood policing",
        "source": "Police and Crime Panel, November 2019, paragraph 5.3.2",
        "narrative": (
            "The Commissioner has sought assurance that the 50 additional Police Officer posts secured as part of the 2019/20 precept rise are being invested in neighbourhood policing and should be in place by September (the first 30) and January (the other 20). This, and the strategy underpinning this, was welcomed by the Board, which would support both the Chief Constable’s vision and the objectives within the Commissioner’s Plan."
        ),
        "organisations": ["constabulary"],
    },
    {
        "priority": "c1.3",
        "meeting": "panel-2019-11",
        "title": "National uplift brings 62 new officers by the end of 2020",
        "source": "Police and Crime Panel, November 2019, paragraph 5.3.3",
        "narrative": (
            "The Commissioner welcomes the Home Secretary’s funding uplift of 20,000 officers nationally, which will see the Constabulary recruiting 62 new officers over the 12 months to the end of 2020. This significant uplift and the additional 50 posts (referred to above) will help to meet increased demand and provide better outcomes for communities and victims. It will also allow increased investment in preventative work. There will be further discussion at a future Board meeting on the Constabulary’s work to understand the impact of the additional officer on public confidence and satisfaction with service delivery."
        ),
        "organisations": ["constabulary"],
    },
    {
        "priority": "c1.3",
        "meeting": "panel-2019-11",
        "title": "Local Policing survey: confidence has fallen, satisfaction with police activity rising",
        "source": "Police and Crime Panel, November 2019, paragraphs 5.3.4–5.3.6",
        "status": "some_disruption",
        "narrative": (
            "The management information underlying the Communities Theme is the confidence measure from the Local Policing survey in Cambridgeshire. The Constabulary’s Local Policing survey is completed by the internal Telephone research team who conduct telephone surveys with members of the public living in Cambridgeshire. These telephone numbers are either landline or mobiles. In the 12 months from May 2018 to May 2019 over 1,050 people have been surveyed.\n\n"
            "The proportion of people who believe that the Constabulary are dealing with things that matter to them in their local community has fallen with 58.3%(n=985) of respondents surveyed in the last year saying they agree with that statement compared to 64.3% in year ending June 2018. This is also mirrored by the Nationally the Crime Survey of England and Wales (CSEW) has also seen a reduction in the proportion of people who believe that their local force is dealing with things that matter to them. Overall they found that 59.4% of respondents agreed that the Police are dealing with local concerns this is compared to 60.6% for the previous year.\n\n"
            "The Local Policing survey has shown an increase in the long term trend for the proportion of respondents who are happy with the overall police activity in their area, with an increase recorded each month for the last three months. For the year ending May 2019 58% (n=987) of respondents were satisfied with the Police activity in Cambridgeshire."
        ),
        "areas": ["force"],
        "organisations": ["constabulary"],
    },
    {
        "priority": "c1.3",
        "meeting": "panel-2019-11",
        "title": "Hate crime rising in Cambridge City and Peterborough; victim satisfaction down",
        "source": "Police and Crime Panel, November 2019, paragraph 5.3.7",
        "status": "some_disruption",
        "narrative": (
            "The rolling 12 month total of hate crime up to the end of May 2019 is on an upwards trajectory with Cambridge City and Peterborough driving the increase. Hate crime and incidents remain underreported and work is ongoing to increase reporting.\n\n"
            "In the 12 months to May 2019, 88 victims of hate crime have been surveyed to find out their opinion on how the Constabulary handled their investigation. 67% of respondents said they were at least fairly satisfied with the experience compared to 79.2% in the year ending May 2018."
        ),
        "areas": ["cambridge", "peterborough"],
        "organisations": ["constabulary"],
    },
    {
        "priority": "c1.3",
        "meeting": "panel-2019-11",
        "title": "Hate Champions engage hard to reach communities; every hate crime reviewed",
        "source": "Police and Crime Panel, November 2019, paragraph 5.3.7",
        "narrative": (
            "Hate Champions are identifying hard to reach communities and engaging in order to increase reporting. Each hate crime and incident is reviewed by the hate crime coordinator. This is to ensure that the crime is allocated accordingly, that the victim is referred to the Constabulary’s Victim and Witness Hub where appropriate and there is a suitable investigation plan. By reviewing these crimes and incidents it has been noted, by the hate crime coordinator, that the use of community resolutions as a disposal is limited. There have been no community resolutions on any hate crime since March 2019."
        ),
        "organisations": ["constabulary"],
    },
    {
        "priority": "c1.4",
        "meeting": "panel-2019-11",
        "title": "Community Safety Accreditation Scheme: four schemes operating in Cambridgeshire",
        "source": "Police and Crime Panel, November 2019, paragraphs 5.4.1–5.4.2",
        "narrative": (
            "The Community Safety Accreditation Scheme (CSAS) powers give relevant policing powers, at the discretion of the Chief Constable, to those working in community safety roles. The helps community safety workers carry out their roles more effectively in Cambridgeshire. Through signing a formal agreement, the CSAS gives trained staff various powers which include;\n\n"
            "- requesting the name and address of anyone acting in an anti-social manner\n"
            "- confiscating alcohol from anyone under 18 years of age and tobacco from anyone under 16 years of age\n"
            "- directing traffic\n"
            "- giving out a Penalty Notice for Disorder for various anti-social behaviour offences.\n\n"
            "Currently there are four schemes operating in Cambridgeshire: Addenbrookes Hospital, Cash and Traffic Management Limited, Combined Services Provider, and South Cambridgeshire District Council. Further details are on the Constabulary’s website."
        ),
        "areas": ["cambridge", "south-cambridgeshire"],
        "organisations": [
            "constabulary",
            "addenbrookes",
            "cash-and-traffic-management",
            "combined-services-provider",
            "south-cambridgeshire-dc",
        ],
    },
    {
        "priority": "c1.4",
        "meeting": "panel-2019-11",
        "title": "Parking enforcement: a county-wide civil solution sought",
        "source": "Police and Crime Panel, November 2019, paragraphs 5.4.3–5.4.4",
        "narrative": (
            "The issue of parking is one that attracts significant public interest and concern, and a recurring issue that is raised with the Commissioner. Cambridgeshire’s devolution deal commits local authorities to explore the transfer of powers between the Combined Authority, the County Council, District Councils, and Parish Councils to deliver the most efficient and effective public services. Extending civil enforcement could be self-funding and allow policing to focus on higher harm issues.\n\n"
            "Both Cambridge City Council and Peterborough City Council has de-criminalised parking infringements and is aware that Fenland District Council is considering this as an option. Both the Commissioner and the Constabulary are keen that a county-wide solution to this issue is found and not one that the police should be responsible for. The Commissioner and the Chief Constable are to meet with the remaining District Councils for them to consider taking forward de-criminalisation."
        ),
        "areas": ["cambridge", "peterborough", "fenland"],
        "organisations": [
            "combined-authority",
            "county-council",
            "cambridge-city-council",
            "peterborough-city-council",
            "fenland-dc",
            "constabulary",
            "opcc",
        ],
    },
    {
        "priority": "c1.5",
        "meeting": "panel-2019-11",
        "title": "Commissioner engages communities, from surgeries to countywide boards",
        "source": "Police and Crime Panel, November 2019, paragraphs 5.5.1–5.5.2",
        "narrative": (
            "The Commissioner continues to work with the Constabulary and other partners to ensure local concerns are listened to and addressed. He does this at a number of levels, from engagement tactics as listed below, to chairing countywide boards.\n\n"
            "The Commissioner continues to engage with communities, listening and responding to local residents in a number of ways including regular 1-1 public surgeries, Parish Council Meetings, public surveys, contact points and street surgeries. People living and working in the county are encouraged to contact the Commissioner through press releases, columns in local papers, a regular newsletter, surveys and social media. The Commissioner’s website contains all external communications and a wealth of visual information on his wide ranging day to day engagement activities. Last month (October) the Commissioner was involved in a successful event to celebrate differences in communities and stop hate crime."
        ),
        "organisations": ["opcc", "constabulary"],
    },
    {
        "priority": "c1.5",
        "meeting": "panel-2019-11",
        "title": "Over 130 pieces of correspondence a month and 3,700 Twitter followers",
        "source": "Police and Crime Panel, November 2019, paragraph 5.5.3",
        "narrative": (
            "On average per month the Commissioner receives over 130 pieces of correspondence, holds one public surgery, proactively and reactively engages with the media, and attends numerous external events within the communities and partners. Additionally, engagement through the Commissioner’s social media accounts continues to grow with over 3,700 followers on Twitter and almost 80,000 people reached via Facebook posts."
        ),
        "organisations": ["opcc"],
    },
    {
        "priority": "c1.5",
        "meeting": "panel-2019-11",
        "title": "Casualty Reduction Officer and Drive iQ; Deputy Commissioner chairs the Road Safety Partnership",
        "source": "Police and Crime Panel, November 2019, paragraph 5.5.4",
        "narrative": (
            "A key area of concern is road safety. The Commissioner continues to fund a Road Safety Casualty Reduction Officer, increasing the Constabulary’s capacity to work with local partners and educate road users about road safety. The Casualty Reduction Officer has reported particular success engaging with schools and young people through supporting the delivery of the Drive iQ training programme, also funded by the Commissioner. The Deputy Police and Crime Commissioner now chairs the Road Safety Partnership and is ensuring that they update their strategy and ensure an effective wider road safety action plan is in place."
        ),
        "organisations": ["opcc", "constabulary"],
        "partnerships": ["vision-zero"],
    },
    {
        "priority": "c1.5",
        "meeting": "panel-2019-11",
        "title": "2,000 people contribute to Community Speedwatch",
        "source": "Police and Crime Panel, November 2019, paragraph 5.5.5",
        "narrative": (
            "To date, 2,000 people now contribute to Speedwatch schemes across the county, acting as the eyes and ears in communities alerting officers to local issues. Community Speedwatch is operated by the Constabulary in partnership with local councils and other agencies. The scheme relies on the support of community volunteers and team of Police Support Volunteers to be such an effective and useful resource in tackling speeding. The contribution they make is invaluable. To have 2000 people signed up to keep Cambridgeshire’s roads safe in a county the size of ours is impressive."
        ),
        "organisations": ["constabulary"],
    },
    {
        "priority": "c1.5",
        "meeting": "panel-2019-11",
        "title": "Road casualties: 29 people killed in 2018, down from 48 in 2017",
        "source": "Police and Crime Panel, November 2019, paragraph 5.5.6",
        "narrative": (
            "Publically available Department for Transport (DfT) statistics shows that there were 29 people killed and 438 seriously injured in Cambridgeshire in 2018. This was a significant reduction in the number of people killed in Cambridgeshire and Peterborough in 2017, when 48 people were killed and 436 seriously injured. DfT data sets are released each calendar yet, so figures for 2019 have not yet been completed."
        ),
        "areas": ["force"],
    },
]
