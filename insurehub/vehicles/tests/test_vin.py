"""The one VIN module: each problem with its code (the API's error codes) and the offline decoding."""

import pytest

from insurehub.vehicles import vin


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("WVWZZZ1JZXW00001", "vin_length"),
        ("WVWZZZ1JZXWO00001", "vin_characters"),
        ("1M8GDM9AXKP04278Q", "vin_characters"),
        ("1M8GDM9AXKP04278!", "vin_characters"),
        ("1M8GDM9A1KP042788", "vin_check_digit"),
    ],
)
def test_each_problem_has_its_code_and_says_why(value, code):
    found = vin.problem(value)
    assert found.code == code
    assert vin.validation_error(value) == found.message
    with pytest.raises(vin.InvalidVinError) as error:
        vin.validate(value)
    assert (error.value.code, error.value.message) == (code, found.message)


def test_validate_normalises_what_people_type():
    assert vin.validate(" 1m8-gdm9axkp042788 ") == "1M8GDM9AXKP042788"
    assert vin.check_digit("1M8GDM9AXKP042788") == "X"


def test_offline_decoding_reads_the_wmi_and_the_model_years():
    european = vin.decode_offline("wvwzzz1jzxw000001")
    assert (european["manufacturer"], european["country"], european["check_digit_used"]) == (
        "Volkswagen",
        "Germany",
        False,
    )
    american = vin.decode_offline("1M8GDM9AXKP042788")
    assert american["manufacturer"] == "Mercury" and american["check_digit_valid"] is True
    assert american["model_years"] and american["wmi"] == "1M8" and american["serial"] == "042788"
