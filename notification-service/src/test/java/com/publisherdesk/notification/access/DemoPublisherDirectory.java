package com.publisherdesk.notification.access;

import java.util.Map;
import java.util.Set;

import com.publisherdesk.kit.access.Caller;
import com.publisherdesk.kit.access.PublisherDirectory;

import io.quarkus.test.Mock;

/**
 * Stands in for request intake, which keeps the publisher accounts and is not running beside this module's tests:
 * the demo publishers' administrators. The real lookup through intake is exercised by the system tests.
 */
@Mock
public class DemoPublisherDirectory implements PublisherDirectory {

    private static final Map<String, Set<String>> ADMINISTRATORS = Map.of(
            "northwind", Set.of("admin@northwind.example", "ops@northwind.example"),
            "lumiere", Set.of("admin@lumiere.example"));

    @Override
    public boolean isAdministrator(String publisherId, Caller caller) {
        return ADMINISTRATORS.getOrDefault(publisherId, Set.of()).contains(caller.email());
    }
}
