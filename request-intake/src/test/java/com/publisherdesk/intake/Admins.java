package com.publisherdesk.intake;

import com.publisherdesk.devstack.DevStackTestResource;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Requests made by a demo publisher's administrator, with a token from the test stack's issuer. */
final class Admins {

    static final String NORTHWIND = "admin@northwind.example";
    static final String LUMIERE = "admin@lumiere.example";

    private Admins() {
    }

    /** A request by the first administrator of {@code publisherId} (an unknown publisher gets a stranger). */
    static RequestSpecification given(String publisherId) {
        return as(switch (publisherId) {
            case "northwind" -> NORTHWIND;
            case "lumiere" -> LUMIERE;
            default -> "stranger@nowhere.example";
        });
    }

    /** A request by whoever owns {@code email}. */
    static RequestSpecification as(String email) {
        return RestAssured.given().auth().oauth2(DevStackTestResource.tokens().person(email));
    }
}
