package com.publisherdesk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Alpine Bakery SARL    | alpine bakery sarl",
        "Lumière Logiciels SAS | LUMIERE LOGICIELS SAS",
        "Brasserie du Port     | brasserie  du   port",
        "Contoso Pharmacy, Inc.| contoso pharmacy inc",
        "Zoë's Café            | Zoes Cafe",
        "Ｆｕｌｌｗｉｄｔｈ Co    | fullwidth co" })
    void shouldTreatNamesThatDifferOnlyByCaseAccentsOrPunctuationAsTheSame(String a, String b) {
        assertTrue(Names.same(a, b), () -> Names.normalize(a) + " vs " + Names.normalize(b));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Alpine Bakery SARL | Alpine Bakery",
        "Contoso Pharmacy   | Contoso Pharmacies",
        "Brasserie du Port  | Brasserie du Fort" })
    void shouldTellDifferentNamesApart(String a, String b) {
        assertFalse(Names.same(a, b));
    }

    @org.junit.jupiter.api.Test
    void shouldNormalizeNullToEmpty() {
        assertEquals("", Names.normalize(null));
    }
}
