package com.publisherdesk.intake;

import com.publisherdesk.devstack.DevStackTestResource;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Requests by the desk's staff: support agents and operators. */
final class Staff {

    private Staff() {
    }

    /** A request by the support agent {@code email}. */
    static RequestSpecification agent(String email) {
        return RestAssured.given().auth().oauth2(DevStackTestResource.tokens().supportAgent(email));
    }

    /** A request by an operator. */
    static RequestSpecification operator() {
        return RestAssured.given().auth().oauth2(DevStackTestResource.tokens().operator("operator@desk.example"));
    }
}
