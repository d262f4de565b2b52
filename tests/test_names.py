"""kg.names: surnames, person keys, OCR repair of regnal numbers."""
import pytest

from kg.names import is_initials, normalise_name, person_key, surname


@pytest.mark.parametrize("name,key", [
    ("Frank Bakke-Jensen", "person/bakke-jensen"),
    ("F. Bakke-Jensen", "person/bakke-jensen"),
    ("Bakke-Jensen", "person/bakke-jensen"),
    ("Ursula von der Leyen", "person/von-der-leyen"),
    ("Von der Leyen", "person/von-der-leyen"),
    ("A.B.C. van der Graaf", "person/van-der-graaf"),
    ("J. P. Balkenende", "person/balkenende"),
    ("Margrethe II", "person/margrethe-ii"),
    ("Margrethe Il", "person/margrethe-ii"),
    ("Jaap de Hoop Scheffer", "person/de-hoop-scheffer"),
])
def test_person_key(name, key):
    assert person_key(name) == key


def test_surname_keeps_particles_and_double_names():
    assert surname("Sigrid Kaag") == "Kaag"
    assert surname("Th. de Graaf") == "de Graaf"
    assert surname("M. Bruins Slot") == "Bruins Slot"


def test_regnal_number_repaired_in_label():
    assert normalise_name("Willem-Alexander  Il") == "Willem-Alexander II"
    assert normalise_name("Il") == "Il"  # alone it is not a regnal number


def test_initials():
    assert is_initials("C.C.J.")
    assert is_initials("Th.")
    assert not is_initials("Kaag")
