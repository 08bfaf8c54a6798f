"""French formatting with babel: the outputs a reader sees."""

import pytest

from empreinte_ia.formatting import (
    auto_sig,
    format_number,
    format_quantity,
    format_range,
    round_sig,
)
from empreinte_ia.units import ureg

NN = "\u202f"


def test_thousands_use_narrow_no_break_space():
    assert format_number(391509, 6) == f"391{NN}509"


def test_decimal_comma():
    assert format_number(0.42, 2) == "0,42"


def test_significant_digits_round_large_integers():
    assert format_number(30027, 2) == f"30{NN}000"
    assert format_number(36281.4, 3) == f"36{NN}300"


def test_keeps_significant_trailing_zero():
    assert format_number(4.40, 3) == "4,40"


def test_percent_has_narrow_space():
    assert format_quantity(15, ureg.Unit("percent"), 2) == f"15{NN}%"


def test_billions_in_words():
    assert format_quantity(772e9, ureg.Unit("query"), 3) == f"772{NN}milliards de requêtes"


def test_singular_below_two():
    assert format_quantity(1.3e9, ureg.Unit("L"), 2) == f"1,3{NN}milliard de litres"


def test_mille_milliards_never_trillion():
    text = format_quantity(15e12, ureg.Unit("token"), 2)
    assert text == f"15{NN}mille milliards de jetons"
    assert "billion" not in format_quantity(5.1e12, ureg.Unit("query"), 2)
    assert format_quantity(1e12, ureg.Unit("token"), 1) == "mille milliards de jetons"


def test_unit_in_french():
    assert format_quantity(0.42, ureg.Unit("Wh/query"), 2) == f"0,42{NN}Wh par requête"
    assert format_quantity(0.35, ureg.Unit("kgCO2e/kWh"), 2) == f"0,35{NN}kg éq. CO₂/kWh"
    assert format_quantity(35000, ureg.Unit("household"), 2) == f"35{NN}000{NN}foyers"


def test_range():
    assert format_range(0.29, 0.55, ureg.Unit("Wh"), 2, 0.42) == f"0,29 à 0,55{NN}Wh"
    assert format_range(391509, 463269, ureg.Unit("MWh"), 6, 391509) == \
        f"391{NN}509 à 463{NN}269{NN}MWh"


def test_range_in_words_uses_one_scale():
    text = format_range(1.334991e9, 1.57968e9, ureg.Unit("L"), 3, 1.334991e9)
    assert text == f"1,33 à 1,58{NN}milliard de litres"


def test_negative_numbers_use_minus_sign():
    assert format_number(-3.2, 2) == "\u22123,2"


@pytest.mark.parametrize("x,sig", [(0.42, 2), (391509, 6), (772e9, 3), (4.6, 2), (1000, 1)])
def test_auto_sig(x, sig):
    assert auto_sig(x) == sig


def test_round_sig():
    assert round_sig(0.4567, 2) == 0.46
    assert round_sig(123456, 2) == 120000
