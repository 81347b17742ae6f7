package com.publisherdesk.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.publisherdesk.devstack.DevStackTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A burst of requests larger than the connection pool is served: the administrator check gives its connection back
 * before the request's transaction takes one, so no request holds one connection while it waits for a second.
 */
@QuarkusTest
@TestProfile(ConnectionPoolTest.TwoConnections.class)
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false)
class ConnectionPoolTest {

    @Test
    void shouldServeABurstOfRequestsLargerThanThePool() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> burst = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                burst.add(() -> Admins.given("northwind").contentType(ContentType.JSON)
                        .body(CreditRequests.valid().body())
                        .when().post("/v1/publishers/northwind/credit-requests").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : clients.invokeAll(burst)) {
                statuses.add(answer.get());
            }
            assertEquals(24, statuses.stream().filter(status -> status == 202).count(), statuses.toString());
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Two connections, waited for ten seconds at most: a request holding one while it waits for a second would wait
     * for good (every request of the burst doing the same), and fail; a slow machine only makes requests queue.
     */
    public static class TwoConnections implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.acquisition-timeout",
                    "10S", "desk.limits.concurrent-requests", "64");
        }
    }
}
