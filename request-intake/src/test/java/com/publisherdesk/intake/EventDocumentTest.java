package com.publisherdesk.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.publisherdesk.contracts.EventType;
import com.publisherdesk.contracts.Events;
import com.publisherdesk.contracts.asyncapi.AsyncApiDocument;
import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Intake serves the AsyncAPI document, and the schemas it references where its relative references lead. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class EventDocumentTest {

    @Test
    void shouldServeTheGeneratedAsyncApiDocumentWithoutAToken() throws IOException {
        String served = given().get("/q/asyncapi").then().statusCode(200)
                .header("Content-Type", startsWith("application/yaml")).extract().asString();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(AsyncApiDocument.RESOURCE)) {
            assertEquals(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), served);
        }
    }

    @Test
    void shouldServeEverySchemaWhereTheDocumentsReferenceLeads() throws IOException {
        for (EventType<?> type : Events.ALL) {
            String reference = "../" + type.schemaResource();
            String path = URI.create("http://desk/q/asyncapi").resolve(reference).getPath();
            JsonNode schema = new ObjectMapper().readTree(given().get(path).then().statusCode(200)
                    .header("Content-Type", startsWith("application/schema+json")).extract().asString());
            assertEquals(type.dataSchema().toString(), schema.path("$id").asText(), path);
        }
    }

    @Test
    void shouldAnswerAnUnknownSchemaWithAProblem() {
        given().get("/schemas/com.publisherdesk.credit.approved.v9.json").then().statusCode(404)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("status", equalTo(404));
    }
}
