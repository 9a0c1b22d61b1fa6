"""Which sentences stand alone in a brief, and which lean on the sentence before them."""

from __future__ import annotations

import pytest

from briefgen.summarize.standalone import is_question, leans_on_previous, stands_alone

LEANING = [
    "That prompted a new round of sanctions and an escalation of the war of words.",
    "This move angered the neighbouring councils.",
    "These measures will take a year to agree.",
    "However, the council says the cost is fair.",
    "But the grant covers only a third of the bill.",
    "And I think the league feels the same way.''",
    "Meanwhile, insurers have begun to withdraw cover.",
    "He said the large air base would close next year.",
    "They have refused to comment on the report.",
    "It said the plan was sound.",
    "Such a development would destabilise the region.",
    "Washington, however, has made it clear that it will not tolerate it.",
    "By then, the mayor may hope to have secured the money.",
    "To do so would offer a propaganda victory to the other side.",
    "Also on the agenda was the new bypass road.",
    "and the league agreed to the new rules.",
    "the rest of the money will come from a levy.”",
    '"We will never see it finished," he said.',
    "Others say the plan is far too expensive.",
    "You went out and you voted.",
    "Many Republicans also don’t support the policy.",
    "The council also approved a levy on new homes.",
    "Supporters say it will protect 18,000 homes; critics say the bill will fall on households.",
    "Local residents fear that it will flood again next winter.",
]

STANDING = [
    "The council approved a £412m tidal barrier on Tuesday night.",
    "This year, sales rose by a third in the north of the country.",
    "That morning, the river burst its banks in three places.",
    "It is unclear whether the talks will go ahead at all.",
    "It is not yet clear whether the minister will resign.",
    '"We are asking our grandchildren to pay for a wall," said Cllr Dev Raman.',
    "“This is the right plan for the town,” the mayor told reporters.",
    "Mr Kim may hope to secure concessions from the US.",
    "The plan to raise the harbour walls was also considered by the council last year.",
    "Thursday's vote ends six years of argument over the harbour.",
    "Theatre owners say the new tax will close small venues.",
    "Hereford council has not yet decided on the plan.",
    "Butlers and cooks were among the staff who lost their jobs.",
    "Thereafter prices fell sharply across the region.",
    "The council says it will vote on the barrier in June.",
    "Analysts said it was too early to tell whether prices would fall.",
    "Critics say the bill will fall on households for a generation.",
]


@pytest.mark.parametrize("text", LEANING)
def test_sentences_that_open_with_a_reference_lean_on_the_one_before(text: str) -> None:
    assert leans_on_previous(text)


@pytest.mark.parametrize("text", STANDING)
def test_sentences_that_name_what_they_talk_about_stand_alone(text: str) -> None:
    assert not leans_on_previous(text)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("As the provocations continue, what does Kim really want to achieve?", True),
        ("Why?", True),
        ('He asked: "Who will pay for it?"', True),
        ("The question is who will pay.", False),
        ("Will it work? Nobody knows.", False),
    ],
)
def test_questions_are_recognised_before_closing_quotes(text: str, question: bool) -> None:
    assert is_question(text) is question


def test_questions_lead_ins_and_very_short_sentences_do_not_stand_alone() -> None:
    assert not stands_alone("Will the new approach be effective for the town?")
    assert not stands_alone("The stated objectives of the new plan are to:")
    assert not stands_alone("You heard that pledge.")
    assert stands_alone("The council will borrow £260m over 40 years.")
