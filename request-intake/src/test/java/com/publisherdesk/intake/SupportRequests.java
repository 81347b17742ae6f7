package com.publisherdesk.intake;

import java.util.HashMap;
import java.util.Map;

/** Support request bodies for tests: a valid one, changed one field at a time. */
final class SupportRequests {

    private final Map<String, Object> body;

    private SupportRequests(Map<String, Object> body) {
        this.body = body;
    }

    /** A valid question on {@code topic}, about no customer in particular. */
    static SupportRequests on(String topic) {
        Map<String, Object> body = new HashMap<>();
        body.put("topic", topic);
        body.put("subject", "October statement");
        body.put("description", "The October statement lists a fee we cannot find in the price list.");
        return new SupportRequests(body);
    }

    /** The same body with {@code field} set to {@code value} (null removes it). */
    SupportRequests with(String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return new SupportRequests(changed);
    }

    Map<String, Object> body() {
        return Map.copyOf(body);
    }
}
