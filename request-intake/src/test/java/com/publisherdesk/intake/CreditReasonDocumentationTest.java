package com.publisherdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import com.publisherdesk.intake.api.CreditRequestBody;
import com.publisherdesk.kit.api.CreditReason;

/** The reason codes the OpenAPI document lists are the published ones, in their order. */
class CreditReasonDocumentationTest {

    @Test
    void shouldDocumentEveryPublishedReasonCode() throws NoSuchFieldException {
        Schema documented = CreditRequestBody.Reason.class.getDeclaredField("code").getAnnotation(Schema.class);
        List<String> published = Arrays.stream(CreditReason.values()).map(CreditReason::code).toList();
        assertEquals(published, List.of(documented.enumeration()));
    }
}
