package com.publisherdesk.kit.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.publisherdesk.contracts.EventType;

/** Which handler applies which event type; types without a handler are skipped. */
public final class EventHandlers {

    private final Map<String, Handler<?>> handlers = new HashMap<>();

    private EventHandlers() {
    }

    /** Starts a table with one handler. */
    public static <T> EventHandlers on(EventType<T> type, Consumer<T> handler) {
        return new EventHandlers().and(type, handler);
    }

    /** Adds a handler. */
    public <T> EventHandlers and(EventType<T> type, Consumer<T> handler) {
        handlers.put(type.name(), new Handler<>(type, handler));
        return this;
    }

    Optional<Handler<?>> forType(String type) {
        return Optional.ofNullable(handlers.get(type));
    }

    record Handler<T>(EventType<T> type, Consumer<T> consumer) {

        void apply(Object payload) {
            consumer.accept(type.payload().cast(payload));
        }
    }
}
