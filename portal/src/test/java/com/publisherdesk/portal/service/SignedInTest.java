package com.publisherdesk.portal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class SignedInTest {

    @Test
    void shouldReadTheEmailAndDeskRolesFromTheTokensClaims() {
        String claims = "{\"sub\":\"x\",\"email\":\"agent@desk.example\",\"groups\":[\"support-agent\"]}";
        String token = "e30." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.getBytes(StandardCharsets.UTF_8)) + ".sig";

        SignedIn person = SignedIn.fromToken(token, new ObjectMapper());

        assertEquals("agent@desk.example", person.email());
        assertEquals(List.of("support-agent"), person.roles());
        assertTrue(person.isAgent());
        assertFalse(person.isOperator());
        assertEquals(token, person.token());
    }

    @Test
    void shouldFallBackToTheUpnWhenTheTokenHasNoEmail() {
        String claims = "{\"upn\":\"admin@northwind.example\"}";
        String token = "e30." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.getBytes(StandardCharsets.UTF_8)) + ".sig";

        assertEquals("admin@northwind.example", SignedIn.fromToken(token, new ObjectMapper()).email());
    }
}
