package com.publisherdesk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import com.publisherdesk.contracts.BillingAddress;

class AddressMatcherTest {

    @ParameterizedTest(name = "{0}: {9}")
    @CsvFileSource(resources = "/address-pairs.csv", delimiter = ';', nullValues = "")
    void shouldMatchTheSameAddressWrittenDifferentlyAndNothingElse(String expected, String storedLine,
            String storedCity,
            String storedPostalCode, String storedCountry, String givenLine, String givenCity, String givenPostalCode,
            String givenCountry, String whatItShows) {
        BillingAddress stored = new BillingAddress(storedLine, null, storedCity, null, storedPostalCode, storedCountry);
        BillingAddress given = new BillingAddress(givenLine, null, givenCity, null, givenPostalCode, givenCountry);
        assertEquals(expected.equals("match"), AddressMatcher.matches(stored, given), whatItShows);
    }

    @Test
    void shouldReadCountriesByCodeAndByEnglishOrFrenchName() {
        assertEquals("DE", AddressMatcher.country("Allemagne").orElseThrow());
        assertEquals("DE", AddressMatcher.country("germany").orElseThrow());
        assertEquals("DE", AddressMatcher.country("DEU").orElseThrow());
        assertEquals("US", AddressMatcher.country("États-Unis").orElseThrow());
    }
}
