# ruff: noqa: E501  (fixture text keeps one paragraph per line, as real files do)
"""Hand-written text fixtures reproducing the quirks of real users' files (not copied from any source)."""

REPEATED_TITLE = """\
Harbour plan: What does the mayor really want?
Harbour plan: What does the mayor really want?

Harbour plan: What does the mayor really want?

Summary:

The harbour board has approved a new plan after months of argument. The plan will cost £40m and take five years to finish.

Just hours after the vote, the U.S. consul said the plan would help trade. As the work begins, what does the mayor really want?

Harbour plan: What does the mayor really want?

\u00a0

Is there anything the board could give the fishermen that would end the dispute?

The fishermen want their quay back. Mr Lee, who speaks for them, said the board had ignored them for years.

\u00a0

Why?

Part of the reason is money. The board earns more from ferries than from fishing boats.

\u00a0

Could the plan fail?

The plan depends on a grant that has not yet been confirmed. Officials expect a decision in the spring.

\u00a0

Source: Harbour Times, , March 3, 2024. Photo: Reuters

Leave a Reply

Your email address will not be published. Required fields are marked *
"""

TWO_ARTICLES = """\
What Does the Mayor Really Want From the Harbour Plan?


Is there anything the board could give the fishermen that would end the dispute?

The fishermen want their quay back. Mr Lee, who speaks for them, said the board had ignored them for years and would not listen now.

The board says the quay is unsafe. It has offered a new berth further along the shore, which the fishermen have refused.

This article was originally published by Harbour Times.

Ferry Operators Cheer the New Harbour Rules

Aerial view of the harbour, image is overlaying a blue watercolour texture

The ferry companies welcomed the new rules on Monday. They said the longer berths would let bigger ships dock at night and cut waiting times.

You have seen the plans, you have heard the arguments, and now it is time to act.Last year, I promised to fix the harbour. Here I am, as I promised.Remarks by the Mayor at the Harbour Hall, 3 March 2024.

The stated aims of the plan are to:

  \u2022 \u201cimprove safety for all harbour users\u201d;
  \u2022 cut waiting times for ferries;
  \u2022 protect the fishing fleet; and
  \u2022 raise revenue for repairs.

Critics, such as the Harbour Watch groupand the Fishermen\u2019s Guild, said the rules favoured the ferries over local boats.

[Original published at http://www.example.org/harbour/ferry-operators-cheer/]
"""

WRAPPED = """\
Council approves budget after long debate

The council approved its budget on Tuesday after a debate that lasted
more than six hours and ended shortly before midnight, with councillors
divided over cuts to library opening hours and bus subsidies.

The leader said the budget protected front-line services while meeting
a shortfall of £12m. Opposition members said the cuts would fall on the
poorest residents and voted against the plan.

Libraries will close on Mondays from April. The bus subsidy will be
reviewed again in the autumn, when the council expects to know more
about its grant from central government.
"""
