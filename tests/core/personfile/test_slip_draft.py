"""A new slip about a listed relative starts from what the file knows: who they are, their parents or spouse
from the same list, whom the vetting is for and why."""

from bvct_desktop.core.personfile import cases, relatives, slip_draft
from tests.core.personfile.conftest import person_named

MOTHER = {"relation": "Mẹ", "full_name": "Trần Thị Lành", "birth_date": "1942", "home_town": "Phú Thủy, Phan Thiết"}
BROTHER = {"relation": "Anh/chị/em", "full_name": "NGUYEN VAN MINH", "birth_date": "1968",
           "home_town": "Phú Thủy, Phan Thiết", "residence": "San Jose, California", "abroad": "Có",
           "country": "Hoa Kỳ", "abroad_since": "1989"}


def _listed(db, person_id, relation):
    return next(r for r in relatives.list_relatives(db, person_id) if r.relation == relation)


def test_a_brothers_slip_names_him_his_parents_his_country_and_whom_the_vetting_is_for(db):
    """The police unit reads on the slip that he lives abroad: the country follows his residence."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, MOTHER)
    relatives.add_relative(db, hung, BROTHER)
    cases.open_case(db, hung, {"purpose": "Bổ nhiệm", "opened_on": "01/11/2026"})
    brother = _listed(db, hung, "Anh/chị/em")
    draft = slip_draft.slip_for(db, brother.id)
    assert draft.person_id == brother.relative_id
    assert draft.values == {"full_name": "NGUYEN VAN MINH", "birth_date": "1968", "home_town": "Phú Thủy, Phan Thiết",
                            "residence": "San Jose, California, Hoa Kỳ", "relation": "Anh/chị/em",
                            "father_name": "Nguyễn Văn Tư", "mother_name": "Trần Thị Lành",
                            "vetted_name": "Nguyễn Văn Hùng", "purpose": "Bổ nhiệm"}


def test_a_fathers_slip_names_his_wife_and_a_wifes_names_her_husband_and_her_parents(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, MOTHER)
    relatives.add_relative(db, hung, {"relation": "Cha vợ", "full_name": "Lê Văn Cường", "birth_date": "1940"})
    father = slip_draft.slip_for(db, _listed(db, hung, "Cha").id).values
    assert (father["spouse_name"], father.get("father_name"), father.get("purpose")) == ("Trần Thị Lành", None, None)
    wife = slip_draft.slip_for(db, _listed(db, hung, "Vợ").id).values
    assert (wife["spouse_name"], wife["father_name"], wife.get("mother_name")) == (
        "Nguyễn Văn Hùng", "Lê Văn Cường", None)


def test_a_childs_parents_are_the_person_and_their_spouse(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    son = slip_draft.slip_for(db, _listed(db, hung, "Con").id).values
    assert (son["father_name"], son["mother_name"]) == ("Nguyễn Văn Hùng", "Lê Thị Hoa")


def test_a_country_already_in_the_residence_is_not_written_twice(db):
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, {**BROTHER, "residence": "San Jose, Hoa Ky"})
    assert slip_draft.slip_for(db, _listed(db, hung, "Anh/chị/em").id).values["residence"] == "San Jose, Hoa Ky"


def test_a_relation_that_says_whether_the_relative_is_a_man_or_a_woman_fills_the_gender(db):
    """The police look a name up with its gender: a father, husband or father-in-law is «Nam», a mother, wife or
    mother-in-law «Nữ»; a brother or sister, a child or another relative is left for the officer."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    relatives.add_relative(db, hung, MOTHER)
    relatives.add_relative(db, hung, BROTHER)
    relatives.add_relative(db, hung, {"relation": "Cha vợ", "full_name": "Lê Văn Cường", "birth_date": "1940"})
    gender = {relation: slip_draft.slip_for(db, _listed(db, hung, relation).id).values.get("gender")
              for relation in ("Cha", "Mẹ", "Vợ", "Cha vợ", "Anh/chị/em", "Con")}
    assert gender == {"Cha": "Nam", "Mẹ": "Nữ", "Vợ": "Nữ", "Cha vợ": "Nam", "Anh/chị/em": None, "Con": None}
